package ch.frontdesk.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.payment.StripeStandIn;
import ch.frontdesk.testing.FrontdeskTest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refund or a dispute reported by Stripe's signed webhooks voids a card order's tickets: the door refuses them
 * naming the reason, and the admin's order view says why and since when.
 */
@QuarkusTest
@WithTestResource(StripeStandIn.class)
class TicketVoidTest extends FrontdeskTest {


    @BeforeEach
    void stripeAndSummit() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("frontdesk.stripe.api-base", String.class));
        WireMock stripe = new WireMock(base.getHost(), base.getPort());
        stripe.resetToDefaultMappings();
        stripe.register(post(urlPathEqualTo("/v1/customers")).willReturn(json("""
                {"id": "cus_test_1", "object": "customer", "email": "ada@example.org"}""")));
        stripe.register(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json("""
                {"id": "cs_test_1", "object": "checkout.session", "status": "open",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_1"}""")));
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 10, null);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A card order paid through Stripe Checkout with payment intent {@code pi_void_1}; returns its ticket code. */
    private String paidTicket() {
        Map<String, Object> order = TicketFixtures.order("conference", 1, "ada@example.org");
        order.put("paymentMethod", "card");
        String id = TicketFixtures.place(order).then().statusCode(201).extract().path("id");
        event("checkout.session.completed", """
                {"id": "cs_test_1", "object": "checkout.session", "mode": "payment", "status": "complete",
                 "payment_status": "paid", "payment_intent": "pi_void_1", "metadata": {"order": "%s"}}""".formatted(id));
        orderId = id;
        return (String) database.single("select code from ticket");
    }

    private String orderId;

    private void event(String type, String object) {
        StripeStandIn.sendEvent(clock.instant(), type, object).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse checkIn(String code) {
        return TicketFixtures.admin().body(Map.of("code", code, "event", TicketFixtures.EVENT))
                .post("/api/admin/checkin").then();
    }

    @Test
    void aDisputeVoidsTheTicketsTheDoorRefusesThemAndTheAdminSeesWhy() {
        String code = paidTicket();
        clock.advance(Duration.ofDays(3));
        String disputedAt = clock.instant().toString();

        event("charge.dispute.created", """
                {"id": "dp_1", "object": "dispute", "charge": "ch_1", "payment_intent": "pi_void_1",
                 "reason": "fraudulent", "status": "needs_response"}""");

        checkIn(code).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("ticket-voided"))
                .body("voidReason", equalTo("disputed"))
                .body("voidedAt", equalTo(disputedAt))
                .body("detail", containsString("disputed"));
        assertThat(database.single("select checked_in_at from ticket")).isNull();
        TicketFixtures.admin().get("/api/admin/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("confirmed"))
                .body("voidReason", equalTo("disputed"))
                .body("voidedAt", equalTo(disputedAt))
                .body("tickets[0].voidReason", equalTo("disputed"));
        TicketFixtures.admin().get("/api/admin/events/" + TicketFixtures.EVENT + "/checkin-stats").then()
                .body("confirmedTickets", equalTo(0));

        // A refund that follows keeps the first reason.
        clock.advance(Duration.ofDays(1));
        event("charge.refunded", """
                {"id": "ch_1", "object": "charge", "refunded": true, "payment_intent": "pi_void_1"}""");
        assertThat(database.single("select void_reason from ticket")).isEqualTo("disputed");
    }

    @Test
    void aRefundMadeInStripesDashboardVoidsTheTicketsThatWouldOtherwiseStillGetIn() {
        String code = paidTicket();
        String refundedAt = clock.instant().toString();

        event("charge.refunded", """
                {"id": "ch_1", "object": "charge", "refunded": true, "payment_intent": "pi_void_1"}""");

        checkIn(code).statusCode(422).body("type", endsWith("ticket-voided")).body("voidReason", equalTo("refunded"));
        TicketFixtures.admin().get("/api/admin/orders/" + orderId).then().statusCode(200)
                .body("refundedAt", equalTo(refundedAt))
                .body("voidReason", equalTo("refunded"))
                .body("voidedAt", equalTo(refundedAt));
    }

    @Test
    void aDisputeOfAPaymentWeDoNotKnowChangesNothing() {
        String code = paidTicket();
        event("charge.dispute.created", """
                {"id": "dp_2", "object": "dispute", "charge": "ch_9", "payment_intent": "pi_someone_else"}""");
        event("charge.dispute.created", """
                {"id": "dp_3", "object": "dispute", "charge": "ch_9"}""");

        TicketFixtures.admin().get("/api/admin/orders/" + orderId).then().body("voidReason", nullValue());
        checkIn(code).statusCode(200);
    }

    @Test
    void aPartialRefundLeavesTheTicketsValid() {
        String code = paidTicket();
        event("charge.refunded", """
                {"id": "ch_1", "object": "charge", "refunded": false, "amount_refunded": 1000,
                 "payment_intent": "pi_void_1"}""");

        TicketFixtures.admin().get("/api/admin/orders/" + orderId).then().body("voidReason", nullValue());
        checkIn(code).statusCode(200);
    }
}
