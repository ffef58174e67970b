package ch.frontdesk.support;

import ch.frontdesk.common.LowercaseEnumConverter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
        return periodEnd(start, 1);
    }

    /**
     * The end of the {@code n}-th period of support whose first period started at {@code anchor}: always counted
     * from the anchor, never from the previous end, so a pledge from 31 January ends its periods on 28 February,
     * 31 March, 30 April (chaining would drift to the 28th for good).
     */
    public Instant periodEnd(Instant anchor, long n) {
        var from = anchor.atZone(ZoneOffset.UTC);
        return (this == MONTH ? from.plusMonths(n) : from.plusYears(n)).toInstant();
    }

    /** The first period end counted from {@code anchor} that comes after {@code paidUntil}: what a renewal pays up to. */
    public Instant nextPeriodEnd(Instant anchor, Instant paidUntil) {
        var from = anchor.atZone(ZoneOffset.UTC);
        var until = paidUntil.atZone(ZoneOffset.UTC);
        // The whole periods between the two, give or take the one that a short month cut short.
        long n = Math.max(1, (this == MONTH ? ChronoUnit.MONTHS : ChronoUnit.YEARS).between(from, until));
        while (!periodEnd(anchor, n).isAfter(paidUntil)) {
            n++;
        }
        return periodEnd(anchor, n);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<BillingInterval> {
        public DbConverter() {
            super(BillingInterval.class);
        }
    }
}
