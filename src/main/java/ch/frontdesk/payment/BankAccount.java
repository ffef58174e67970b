package ch.frontdesk.payment;

import io.smallrye.config.WithDefault;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import net.codecrete.qrbill.generator.Payments;

/**
 * A bank account as configured for one feature (tickets and support each name their own: the summit and the
 * supporters' fund are paid to different accounts). The defaults live in application.properties.
 * <p>
 * Checked when the service starts, so a mistyped IBAN stops the deployment with the setting's name rather than
 * sending customers invoices that no bank will pay. The lengths are those a QR-bill allows.
 */
public interface BankAccount {

    /** The account holder: the creditor named on the QR-bill. */
    @NotBlank
    @Size(max = 70)
    String accountHolder();

    /**
     * The IBAN transfers go to: a Swiss or Liechtenstein one, as a QR-bill requires. A QR-IBAN (institution id
     * 30000-31999) makes the bills carry a 27-digit QR reference, a plain IBAN an RF creditor reference.
     */
    @QrBillIban
    String iban();

    /** The bank's name. */
    String bankName();

    /** The creditor's street, without the house number. */
    @NotBlank
    @Size(max = 70)
    String street();

    /** The creditor's house number, if the address has one. */
    Optional<@Size(max = 16) String> houseNumber();

    /** The creditor's postal code. */
    @NotBlank
    @Size(max = 16)
    String postalCode();

    /** The creditor's town. */
    @NotBlank
    @Size(max = 35)
    String town();

    /** The creditor's country, ISO 3166 alpha-2. */
    @WithDefault("CH")
    @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code such as CH")
    String country();

    /** The account as an invoice prints it. */
    default BankDetails details() {
        return new BankDetails(accountHolder(), iban(), bankName(),
                new BankDetails.PostalAddress(street(), houseNumber().orElse(null), postalCode(), town(), country()));
    }

    /** An IBAN a QR-bill accepts: valid check digits, Swiss or Liechtenstein. Spaces are allowed. */
    @Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = QrBillIban.Check.class)
    @interface QrBillIban {
        String message() default "must be a valid Swiss or Liechtenstein IBAN (CH.. or LI..), as QR-bills require";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<QrBillIban, String> {
            @Override
            public boolean isValid(String iban, ConstraintValidatorContext context) {
                if (iban == null) {
                    return false;
                }
                String compact = iban.replace(" ", "");
                return (compact.startsWith("CH") || compact.startsWith("LI")) && Payments.isValidIBAN(compact);
            }
        }
    }
}
