package ch.frontdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Paid periods at month ends, without Quarkus: a month or a year later in the calendar, never 30 or 365 days. */
class BillingIntervalTest {

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void aMonthFromTheFifteenthEndsOnTheFifteenthOfTheNextMonth() {
        assertThat(BillingInterval.MONTH.periodEnd(at("2026-01-15T09:00:00Z"))).isEqualTo(at("2026-02-15T09:00:00Z"));
        assertThat(BillingInterval.MONTH.periodEnd(at("2026-12-15T09:00:00Z"))).isEqualTo(at("2027-01-15T09:00:00Z"));
    }

    @Test
    void aMonthFromJanuaryThirtyFirstEndsOnTheLastDayOfFebruary() {
        assertThat(BillingInterval.MONTH.periodEnd(at("2026-01-31T10:00:00Z"))).isEqualTo(at("2026-02-28T10:00:00Z"));
        assertThat(BillingInterval.MONTH.periodEnd(at("2028-01-31T10:00:00Z"))).isEqualTo(at("2028-02-29T10:00:00Z"));
        assertThat(BillingInterval.MONTH.periodEnd(at("2026-03-31T10:00:00Z"))).isEqualTo(at("2026-04-30T10:00:00Z"));
    }

    @Test
    void aMonthFromTheLastDayOfFebruaryEndsOnTheTwentyEighthOrNinthOfMarch() {
        assertThat(BillingInterval.MONTH.periodEnd(at("2026-02-28T10:00:00Z"))).isEqualTo(at("2026-03-28T10:00:00Z"));
        assertThat(BillingInterval.MONTH.periodEnd(at("2028-02-29T10:00:00Z"))).isEqualTo(at("2028-03-29T10:00:00Z"));
    }

    @Test
    void aYearFromFebruaryTwentyNinthEndsOnFebruaryTwentyEighth() {
        assertThat(BillingInterval.YEAR.periodEnd(at("2028-02-29T12:00:00Z"))).isEqualTo(at("2029-02-28T12:00:00Z"));
        assertThat(BillingInterval.YEAR.periodEnd(at("2027-02-28T12:00:00Z"))).isEqualTo(at("2028-02-28T12:00:00Z"));
    }

    @Test
    void aYearIsACalendarYearWhateverTheLeapDay() {
        // 2027-03-01 to 2028-03-01 spans 29 February: 366 days, still one year.
        assertThat(BillingInterval.YEAR.periodEnd(at("2027-03-01T00:00:00Z"))).isEqualTo(at("2028-03-01T00:00:00Z"));
        assertThat(BillingInterval.YEAR.periodEnd(at("2026-12-31T23:59:59Z"))).isEqualTo(at("2027-12-31T23:59:59Z"));
    }

    @Test
    void periodsAreCalendarMonthsInUtcWhateverTheJvmZone() {
        // 23:30 UTC on the 31st is already the 1st in Zurich; the period still counts from the UTC day.
        assertThat(BillingInterval.MONTH.periodEnd(at("2026-01-31T23:30:00Z"))).isEqualTo(at("2026-02-28T23:30:00Z"));
    }

    @Test
    void monthlyPeriodsCountFromTheAnchorSoAMonthEndStaysAMonthEnd() {
        Instant anchor = at("2026-01-31T10:00:00Z");
        assertThat(BillingInterval.MONTH.periodEnd(anchor, 1)).isEqualTo(at("2026-02-28T10:00:00Z"));
        assertThat(BillingInterval.MONTH.periodEnd(anchor, 2)).isEqualTo(at("2026-03-31T10:00:00Z"));
        assertThat(BillingInterval.MONTH.periodEnd(anchor, 3)).isEqualTo(at("2026-04-30T10:00:00Z"));
    }

    @Test
    void aRenewalEndsOnTheAnchorsDayNotADayCarriedOverFromFebruary() {
        Instant anchor = at("2026-01-31T10:00:00Z");
        assertThat(BillingInterval.MONTH.nextPeriodEnd(anchor, at("2026-02-28T10:00:00Z")))
                .isEqualTo(at("2026-03-31T10:00:00Z"));
        assertThat(BillingInterval.MONTH.nextPeriodEnd(anchor, at("2026-03-31T10:00:00Z")))
                .isEqualTo(at("2026-04-30T10:00:00Z"));
        // A period end that had drifted before the anchor was kept is pulled back to the anchor's day.
        assertThat(BillingInterval.MONTH.nextPeriodEnd(anchor, at("2026-03-28T10:00:00Z")))
                .isEqualTo(at("2026-03-31T10:00:00Z"));
    }

    @Test
    void aYearlyPledgeFromFebruaryTwentyNinthReturnsToItInLeapYears() {
        Instant anchor = at("2028-02-29T12:00:00Z");
        Instant end = BillingInterval.YEAR.periodEnd(anchor, 1);
        assertThat(end).isEqualTo(at("2029-02-28T12:00:00Z"));
        end = BillingInterval.YEAR.nextPeriodEnd(anchor, end);
        assertThat(end).isEqualTo(at("2030-02-28T12:00:00Z"));
        end = BillingInterval.YEAR.nextPeriodEnd(anchor, end);
        end = BillingInterval.YEAR.nextPeriodEnd(anchor, end);
        assertThat(end).isEqualTo(at("2032-02-29T12:00:00Z"));
    }

    @Test
    void theNextPeriodEndIsAlwaysAfterThePaidOne() {
        Instant anchor = at("2026-01-31T10:00:00Z");
        // Paid up to the anchor itself (or before it): the first period.
        assertThat(BillingInterval.MONTH.nextPeriodEnd(anchor, anchor)).isEqualTo(at("2026-02-28T10:00:00Z"));
        assertThat(BillingInterval.MONTH.nextPeriodEnd(anchor, at("2026-04-30T10:00:01Z")))
                .isEqualTo(at("2026-05-31T10:00:00Z"));
    }

    @Test
    void aOneOffGiftIsNotRecurringAndTheOthersAre() {
        assertThat(BillingInterval.ONCE.recurring()).isFalse();
        assertThat(BillingInterval.MONTH.recurring()).isTrue();
        assertThat(BillingInterval.YEAR.recurring()).isTrue();
    }

    @Test
    void intervalsReadAndWriteTheirLowerCaseNames() {
        assertThat(BillingInterval.of("month")).isEqualTo(BillingInterval.MONTH);
        assertThat(BillingInterval.of("YEAR")).isEqualTo(BillingInterval.YEAR);
        assertThat(BillingInterval.ONCE.json()).isEqualTo("once");
    }
}
