package ch.frontdesk.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount in minor units (centimes), as Stripe counts, with its ISO 4217 currency. Never a double. Every amount
 * is read, stored and shown with two decimals, so only currencies whose minor unit is a hundredth are accepted:
 * a yen (no minor unit) or a Kuwaiti dinar (a thousandth) would be charged 100 times or a tenth of what was meant.
 */
public record Money(
        @NotNull @PositiveOrZero @Max(100_000_000_00L) Long amount,
        @NotNull @TwoDecimalCurrency String currency) {

    static final String CURRENCY_RULE = "must be an ISO 4217 code of a currency with two decimals, such as CHF";

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    /** For emails: {@code CHF 25.00}. */
    public String display() {
        return String.format(Locale.ROOT, "%s %d.%02d", currency, amount / 100, amount % 100);
    }

    /** Whether {@code code} is an ISO 4217 currency whose minor unit is a hundredth. */
    public static boolean hasTwoDecimals(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() == 2;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Refuses, as a 400 naming {@code field}, a currency this service cannot count in; null passes. */
    public static void requireTwoDecimals(String field, String code) {
        if (code != null && !hasTwoDecimals(code)) {
            throw ProblemException.invalid(field, CURRENCY_RULE);
        }
    }

    /** A currency code {@link #hasTwoDecimals}; null passes (pair with {@code @NotNull}). */
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = TwoDecimalCurrency.Check.class)
    public @interface TwoDecimalCurrency {
        String message() default CURRENCY_RULE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<TwoDecimalCurrency, String> {
            @Override
            public boolean isValid(String code, ConstraintValidatorContext context) {
                return code == null || hasTwoDecimals(code);
            }
        }
    }
}
