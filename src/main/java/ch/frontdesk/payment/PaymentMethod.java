package ch.frontdesk.payment;

import ch.frontdesk.common.FieldError;
import ch.frontdesk.common.LowercaseEnumConverter;
import ch.frontdesk.common.ProblemException;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How an order or a pledge is paid: by bank transfer against an invoice, by card, or not at all (a 100% voucher). */
public enum PaymentMethod {
    INVOICE, CARD, NONE;

    /** The method a buyer asked for ({@code invoice} when none); card only while card payment is configured. */
    public static PaymentMethod choose(String requested, PaymentGateway gateway) {
        if (requested == null || requested.equals("invoice")) {
            return INVOICE;
        }
        if (!gateway.available()) {
            throw new ProblemException(422, "payment-method-unavailable", "Payment method unavailable",
                    "Card payments are not available; please choose invoice.",
                    List.of(new FieldError("paymentMethod", "card payment is not available")), null, Map.of());
        }
        return CARD;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<PaymentMethod> {
        public DbConverter() {
            super(PaymentMethod.class);
        }
    }
}
