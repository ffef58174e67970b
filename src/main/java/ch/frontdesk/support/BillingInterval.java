package ch.frontdesk.support;

import ch.frontdesk.common.LowercaseEnumConverter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** How often a pledge is paid. A one-off gift makes its giver a supporter for a year. */
public enum BillingInterval {
    MONTH, YEAR, ONCE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BillingInterval of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean recurring() {
        return this != ONCE;
    }

    /** The end of a paid period that starts at {@code start}, in calendar months (UTC). */
    public Instant periodEnd(Instant start) {
        var from = start.atZone(ZoneOffset.UTC);
        return (this == MONTH ? from.plusMonths(1) : from.plusYears(1)).toInstant();
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<BillingInterval> {
        public DbConverter() {
            super(BillingInterval.class);
        }
    }
}
