package ch.frontdesk.payment;

import static ch.frontdesk.payment.StripeStandIn.stripe;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhook events about a card-paid ticket order arrive twice, late and out of order, as Stripe documents
 * they may. Whatever the order, the result is one of: confirmed once with one set of tickets and mails, or not
 * confirmed with the money given back once. Never an oversold seat, never tickets for money that went back.
 */
@QuarkusTest
@WithTestResource(StripeStandIn.class)
class TicketWebhookOrderTest extends FrontdeskTest {

    private static final String EVENT = "webhook-summit";
    private static final String BUYER = "ada@example.org";

    @BeforeEach
    void summitAndStripe() {
        StripeStandIn.defaults();
        admin().body(Map.of("slug", EVENT, "name", "Webhook Summit", "startsOn", "2027-02-09", "endsOn", "2027-02-11",
                "venue", "EPFL", "timezone", "Europe/Zurich")).post("/api/admin/events").then().statusCode(201);
        admin().body(Map.of("code", "conference", "name", "Conference pass", "capacity", 1,
                        "price", Map.of("amount", 50000, "currency", "CHF")))
                .post("/api/admin/events/" + EVENT + "/ticket-types").then().statusCode(201);
    }

    @Test
    void aCompletionDeliveredTwiceConfirmsTheOrderOnceWithOneSetOfTicketsAndMails() {
        String order = cardOrder(BUYER);

        deliver("evt_completed_1", "checkout.session.completed", completed(order, "pi_1"));
        deliver("evt_completed_1", "checkout.session.completed", completed(order, "pi_1"));
        // The same news in an event with another id (a replay from the dashboard) changes nothing either.
        deliver("evt_completed_2", "checkout.session.completed", completed(order, "pi_1"));

        assertThat(status(order)).isEqualTo("confirmed");
        assertThat(database.count("select count(*) from ticket where code is not null")).isEqualTo(1);
        assertThat(seats()).containsEntry("sold", 1).containsEntry("held", 0);
        assertThat(mails("tickets.order-confirmed")).isEqualTo(1);
        assertThat(mails("tickets.ticket")).isEqualTo(1);
        assertThat(database.count("select count(*) from stripe_event")).isEqualTo(2);
        stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/refunds")));
    }

    @Test
    void anExpiryArrivingAfterTheCompletionLeavesTheOrderPaid() {
        String order = cardOrder(BUYER);

        deliver("evt_completed", "checkout.session.completed", completed(order, "pi_1"));
        deliver("evt_expired", "checkout.session.expired", expired(order));

        assertThat(status(order)).isEqualTo("confirmed");
        assertThat(database.count("select count(*) from ticket where code is not null and voided_at is null"))
                .isEqualTo(1);
        assertThat(seats()).containsEntry("sold", 1).containsEntry("held", 0);
        assertThat(mails("tickets.order-expired")).isZero();
    }

    /**
     * The deliberate answer to money arriving for seats that were freed: the order stays expired and the payment is
     * refunded, once, even when the completion is delivered again. Re-holding the seats instead could oversell (here
     * another buyer holds the last one), and a buyer told that the order expired should not find it confirmed later.
     */
    @Test
    void aCompletionArrivingAfterTheExpiryFreedTheSeatsIsRefundedOnceAndSellsNoSeatTwice() {
        String late = cardOrder(BUYER);
        deliver("evt_expired", "checkout.session.expired", expired(late));
        assertThat(status(late)).isEqualTo("expired");
        assertThat(seats()).containsEntry("held", 0);
        String other = given().contentType(ContentType.JSON).body(Map.of(
                        "buyer", Map.of("email", "grace@example.org", "name", "Grace"),
                        "tickets", List.of(Map.of("type", "conference",
                                "attendee", Map.of("name", "Grace", "email", "grace@example.org"))),
                        "consent", true))
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");

        clock.advance(Duration.ofMinutes(5));
        deliver("evt_completed_late", "checkout.session.completed", completed(late, "pi_late"));
        deliver("evt_completed_late", "checkout.session.completed", completed(late, "pi_late"));
        deliver("evt_completed_late_again", "checkout.session.completed", completed(late, "pi_late"));

        assertThat(status(late)).isEqualTo("expired");
        assertThat(status(other)).isEqualTo("pending_payment");
        assertThat(seats()).containsEntry("held", 1).containsEntry("sold", 0);
        assertThat(database.count("select count(*) from ticket where code is not null")).isZero();
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "frontdesk-refund-late-" + late)));
        assertThat(database.single("select refunded_at is not null from ticket_order where public_id = '" + late
                + "'")).isEqualTo(true);
    }

    /**
     * A refund (from Stripe's dashboard, say) can overtake the completion of its checkout when the completion was
     * retried by Stripe. The money is back with the buyer, so the completion that arrives after it must not issue
     * tickets: the order is cancelled when the refund is reported, its seats freed, and nothing is refunded twice.
     */
    @Test
    void aRefundReportedBeforeTheCompletionLeavesNoValidTicketAndFreesTheSeat() {
        String order = cardOrder(BUYER);

        deliver("evt_refunded", "charge.refunded", """
                {"id": "ch_1", "object": "charge", "refunded": true, "payment_intent": "pi_1",
                 "metadata": {"order": "%s"}}""".formatted(order));
        deliver("evt_completed", "checkout.session.completed", completed(order, "pi_1"));

        assertThat(status(order)).isNotEqualTo("confirmed").isEqualTo("cancelled");
        assertThat(database.count("select count(*) from ticket where code is not null and voided_at is null"))
                .isZero();
        assertThat(seats()).containsEntry("sold", 0).containsEntry("held", 0);
        assertThat(mails("tickets.ticket")).isZero();
        assertThat(mails("tickets.order-confirmed")).isZero();
        assertThat(database.single("select refunded_at is not null from ticket_order where public_id = '" + order
                + "'")).isEqualTo(true);
        stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/refunds")));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    private static String cardOrder(String buyer) {
        return given().contentType(ContentType.JSON).body(Map.of(
                        "buyer", Map.of("email", buyer, "name", "Ada"),
                        "tickets", List.of(Map.of("type", "conference", "attendee", Map.of("name", "Ada", "email", buyer))),
                        "paymentMethod", "card", "consent", true))
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");
    }

    private static String completed(String order, String paymentIntent) {
        return """
                {"id": "cs_test_1", "object": "checkout.session", "mode": "payment", "status": "complete",
                 "payment_status": "paid", "payment_intent": "%s", "amount_total": 50000,
                 "metadata": {"order": "%s"}}""".formatted(paymentIntent, order);
    }

    private static String expired(String order) {
        return """
                {"id": "cs_test_1", "object": "checkout.session", "mode": "payment", "status": "expired",
                 "payment_status": "unpaid", "metadata": {"order": "%s"}}""".formatted(order);
    }

    /** Delivers an event with the given id, signed now: a second call with the same id is Stripe's retry of it. */
    private void deliver(String eventId, String type, String object) {
        String payload = "{\"id\": \"" + eventId + "\", \"object\": \"event\", \"type\": \"" + type
                + "\", \"data\": {\"object\": " + object + "}}";
        long timestamp = clock.instant().getEpochSecond();
        String signature = HexFormat.of().formatHex(
                StripeWebhooks.hmac(StripeStandIn.WEBHOOK_SECRET, timestamp + "." + payload));
        given().contentType(ContentType.JSON).header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                .body(payload).post("/api/payments/stripe/webhook").then().statusCode(200);
    }

    private String status(String order) {
        return (String) database.single("select status from ticket_order where public_id = '" + order + "'");
    }

    private Map<String, Object> seats() {
        return admin().get("/api/admin/events/" + EVENT).then().statusCode(200).extract().jsonPath()
                .getMap("ticketTypes.find { it.code == 'conference' }");
    }

    private long mails(String kind) {
        return database.count("select count(*) from outbox_message where kind = '" + kind + "'");
    }
}
