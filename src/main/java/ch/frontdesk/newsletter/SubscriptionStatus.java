package ch.frontdesk.newsletter;

import ch.frontdesk.common.LowercaseEnumConverter;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A newsletter subscription waits for confirmation, is active, or was ended by the subscriber. */
public enum SubscriptionStatus {
    PENDING, ACTIVE, UNSUBSCRIBED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<SubscriptionStatus> {
        public DbConverter() {
            super(SubscriptionStatus.class);
        }
    }
}
