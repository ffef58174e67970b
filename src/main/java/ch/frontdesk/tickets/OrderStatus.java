package ch.frontdesk.tickets;

import ch.frontdesk.common.LowercaseEnumConverter;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An order holds its seats while pending payment, owns them once confirmed, and frees them otherwise. */
public enum OrderStatus {
    PENDING_PAYMENT, CONFIRMED, CANCELLED, EXPIRED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<OrderStatus> {
        public DbConverter() {
            super(OrderStatus.class);
        }
    }
}
