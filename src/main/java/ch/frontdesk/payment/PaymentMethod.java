package ch.frontdesk.payment;

import ch.frontdesk.common.LowercaseEnumConverter;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an order or a pledge is paid: by bank transfer against an invoice, by card, or not at all (a 100% voucher). */
public enum PaymentMethod {
    INVOICE, CARD, NONE;

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
