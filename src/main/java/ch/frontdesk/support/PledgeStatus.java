package ch.frontdesk.support;

import ch.frontdesk.common.LowercaseEnumConverter;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A pledge waits for its first payment, is active (paid up), past due, cancelled or expired unpaid. */
public enum PledgeStatus {
    PENDING_PAYMENT, ACTIVE, PAST_DUE, CANCELLED, EXPIRED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<PledgeStatus> {
        public DbConverter() {
            super(PledgeStatus.class);
        }
    }
}
