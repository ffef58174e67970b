package ch.frontdesk.admin;

import static ch.frontdesk.testing.AdminApi.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import ch.frontdesk.testing.Seed.Order;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's numbers on a small dataset whose every count is known. The clock stands at 2026-01-15T09:00Z. */
@QuarkusTest
class StatsTest extends FrontdeskTest {

    @Inject
    Seed seed;

    @BeforeEach
    void dataset() {
        long reader = seed.tier("reader-monthly", 500, "month");
        long patron = seed.tier("patron-yearly", 9990, "year");
        long gift = seed.tier("one-off", 5000, "once");

        long ada = subscriber("ada@example.org", "active", "2026-01-14T23:59:59Z");
        long bob = subscriber("bob@example.org", "active", "2026-01-15T08:00:00Z");
        long cyd = subscriber("cyd@example.org", "pending", "2026-01-15T08:30:00Z");
        subscriber("dan@example.org", "unsubscribed", "2025-11-01T10:00:00Z");
        subscriber("eve@example.org", "active", "2025-10-01T10:00:00Z");

        // Ada pays monthly and yearly (CHF 5 + CHF 99.90 / 12 = 8.325, rounded half-up to 8.33); one-offs and
        // cancelled pledges bring no recurring revenue.
        var adaMonthly = seed.pledge(ada, reader, "active", 500, "CHF", "month", at("2026-01-14T10:00:00Z"));
        seed.pledge(ada, patron, "active", 9990, "CHF", "year", at("2026-01-14T11:00:00Z"));
        seed.pledge(bob, gift, "active", 5000, "CHF", "once", at("2025-12-01T10:00:00Z"));
        seed.pledge(cyd, reader, "cancelled", 500, "CHF", "month", at("2025-12-01T11:00:00Z"));
        var euro = seed.pledge(cyd, reader, "active", 300, "EUR", "month", at("2025-12-01T12:00:00Z"));
        seed.pledgePayment(adaMonthly, 500, "CHF", at("2026-01-14T10:05:00Z"));
        seed.pledgePayment(euro, 300, "EUR", at("2025-12-01T12:05:00Z"));

        long summit = seed.event("summit-2027");
        long conference = seed.ticketType(summit, "conference", at("2026-01-31T23:00:00Z"), 100, 40);
        long workshop = seed.ticketType(summit, "workshop", at("2026-01-31T23:00:00Z"), null, 0);
        seed.ticketType(summit, "late", at("2026-01-10T00:00:00Z"), 50, 5);
        seed.ticketType(summit, "plain", null, null, 0);

        Order paid = seed.order(summit, ada, "Ada", "confirmed", 80000, at("2026-01-10T10:00:00Z"), at("2026-01-12T10:00:00Z"));
        seed.ticket(paid, conference, ada, "Ada", 50000, "C1", at("2026-01-10T10:00:00Z"));
        seed.ticket(paid, workshop, bob, "Bob", 30000, "C2", at("2026-01-10T10:00:00Z"));
        Order paidToday = seed.order(summit, bob, "Bob", "confirmed", 50000, at("2026-01-15T07:00:00Z"), at("2026-01-15T08:00:00Z"));
        seed.ticket(paidToday, conference, bob, "Bob", 50000, "C3", at("2026-01-15T07:00:00Z"));
        Order unpaid = seed.order(summit, cyd, "Cyd", "pending_payment", 50000, at("2026-01-15T08:00:00Z"), null);
        seed.ticket(unpaid, conference, cyd, "Cyd", 50000, "C4", at("2026-01-15T08:00:00Z"));
    }

    private long subscriber(String email, String status, String at) {
        long contact = seed.contact(email, null, at(at));
        seed.subscription(contact, status, at(at));
        return contact;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private JsonPath stats() {
        return admin().get("/api/admin/stats").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void subscribersAreCountedByStatusAndActiveOnesByPlan() {
        JsonPath stats = stats();
        assertThat(stats.getMap("subscribers.byStatus")).isEqualTo(Map.of("pending", 1, "active", 3, "unsubscribed", 1));
        // Ada has an active recurring pledge, Bob only an active one-off gift: both count as paid. Cyd's active
        // pledge does not count: she has not confirmed her subscription.
        assertThat(stats.getMap("subscribers.byPlan")).isEqualTo(Map.of("free", 1, "paid", 2));
    }

    @Test
    void pledgesAreCountedByTierAndStatus() {
        assertThat(stats().getList("pledges", Map.class)).containsExactly(
                Map.of("tier", "one-off", "status", "active", "count", 1),
                Map.of("tier", "patron-yearly", "status", "active", "count", 1),
                Map.of("tier", "reader-monthly", "status", "active", "count", 2),
                Map.of("tier", "reader-monthly", "status", "cancelled", "count", 1));
    }

    @Test
    void monthlyRecurringRevenueCountsAYearlyPledgeAsATwelfthRoundedHalfUp() {
        assertThat(stats().getList("monthlyRecurringRevenue", Map.class)).containsExactly(
                Map.of("amount", 500 + 833, "currency", "CHF"),
                Map.of("amount", 300, "currency", "EUR"));
    }

    @Test
    void ticketsAreCountedByEventTypeAndOrderStatus() {
        assertThat(stats().getList("tickets", Map.class)).containsExactly(
                Map.of("event", "summit-2027", "type", "conference", "status", "confirmed", "count", 2),
                Map.of("event", "summit-2027", "type", "conference", "status", "pending_payment", "count", 1),
                Map.of("event", "summit-2027", "type", "workshop", "status", "confirmed", "count", 1));
    }

    @Test
    void earlyBirdSeatsLeftAreShownWhileTheWindowIsOpen() {
        assertThat(stats().getList("earlyBirdSeatsLeft", Map.class)).containsExactly(
                Map.of("event", "summit-2027", "type", "conference", "seatsLeft", 60, "endsAt", "2026-01-31T23:00:00Z"),
                Map.of("event", "summit-2027", "type", "workshop", "endsAt", "2026-01-31T23:00:00Z"));
        clock.set(at("2026-02-01T00:00:00Z"));
        assertThat(stats().getList("earlyBirdSeatsLeft")).isEmpty();
    }

    @Test
    void revenueCountsConfirmedOrdersAndPledgePayments() {
        JsonPath stats = stats();
        assertThat(stats.getList("revenue.tickets", Map.class)).containsExactly(Map.of("amount", 130000, "currency", "CHF"));
        assertThat(stats.getList("revenue.pledges", Map.class)).containsExactly(
                Map.of("amount", 500, "currency", "CHF"), Map.of("amount", 300, "currency", "EUR"));
        assertThat(stats.getList("revenue.total", Map.class)).containsExactly(
                Map.of("amount", 130500, "currency", "CHF"), Map.of("amount", 300, "currency", "EUR"));
    }

    @Test
    void theDailySeriesHasEachOfTheLastSixtyUtcDaysZerosIncluded() {
        List<Map<String, Object>> days = stats().getList("days");
        assertThat(days).hasSize(60);
        assertThat(days.get(0)).isEqualTo(Map.of("day", "2025-11-17", "signups", 0, "pledges", 0, "ticketsSold", 0));
        assertThat(days.get(59)).isEqualTo(Map.of("day", "2026-01-15", "signups", 2, "pledges", 0, "ticketsSold", 1));
        assertThat(days.get(58)).isEqualTo(Map.of("day", "2026-01-14", "signups", 1, "pledges", 2, "ticketsSold", 0));
        assertThat(days.get(57)).isEqualTo(Map.of("day", "2026-01-13", "signups", 0, "pledges", 0, "ticketsSold", 0));
        assertThat(days.get(56)).isEqualTo(Map.of("day", "2026-01-12", "signups", 0, "pledges", 0, "ticketsSold", 2));
        assertThat(days).filteredOn(day -> day.get("day").equals("2025-12-01"))
                .containsExactly(Map.of("day", "2025-12-01", "signups", 0, "pledges", 3, "ticketsSold", 0));
        assertThat(days.stream().mapToInt(day -> (Integer) day.get("signups")).sum()).isEqualTo(3);
    }

    @Test
    void statsAreForAdminsOnly() {
        given().get("/api/admin/stats").then().statusCode(401);
        admin().get("/api/admin/stats").then().body("at", equalTo("2026-01-15T09:00:00Z"));
    }
}
