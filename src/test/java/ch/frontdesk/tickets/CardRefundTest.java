package ch.frontdesk.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.payment.StripeStandIn;
import ch.frontdesk.testing.FrontdeskTest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Card refunds of ticket orders against the Stripe stand-in: Stripe is called with no transaction open and no
 * row locked, and a failure leaves an order that is whole (still confirmed, or completed by a retry).
 */
@QuarkusTest
@WithTestResource(StripeStandIn.class)
class CardRefundTest extends FrontdeskTest {

    private static final String BUYER = "ada@example.org";
    private static final RequestPatternBuilder REFUNDS = postRequestedFor(urlPathEqualTo("/v1/refunds"));

    @Inject
    EntityManager em;

    private WireMock stripe;

    @BeforeEach
    void stripeAndSummit() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("frontdesk.stripe.api-base", String.class));
        stripe = new WireMock(base.getHost(), base.getPort());
        stripe.resetToDefaultMappings();
        stripe.resetRequests();
        stripe.register(post(urlPathEqualTo("/v1/customers")).willReturn(json("""
                {"id": "cus_test_1", "object": "customer", "email": "ada@example.org"}""")));
        stripe.register(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json("""
                {"id": "cs_test_1", "object": "checkout.session", "status": "open",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_1"}""")));
        refundsAnswer(json("""
                {"id": "re_test_1", "object": "refund", "status": "succeeded", "payment_intent": "pi_test_1"}"""));
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 10, null);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private void refundsAnswer(ResponseDefinitionBuilder answer) {
        stripe.register(post(urlPathEqualTo("/v1/refunds")).willReturn(answer));
    }

    private String cardOrder() {
        Map<String, Object> order = TicketFixtures.order("conference", 1, BUYER);
        order.put("paymentMethod", "card");
        return TicketFixtures.place(order).then().statusCode(201).extract().path("id");
    }

    private void checkoutCompleted(String order) {
        event("checkout.session.completed", """
                {"id": "cs_test_1", "object": "checkout.session", "mode": "payment", "status": "complete",
                 "payment_status": "paid", "payment_intent": "pi_test_1", "metadata": {"order": "%s"}}"""
                .formatted(order));
    }

    private String paidCardOrder() {
        String id = cardOrder();
        checkoutCompleted(id);
        assertThat(column("status", id)).isEqualTo("confirmed");
        return id;
    }

    private void event(String type, String object) {
        StripeStandIn.sendEvent(clock.instant(), type, object).then().statusCode(200);
    }

    private Object column(String column, String order) {
        return database.single("select " + column + " from ticket_order where public_id = '" + order + "'");
    }

    private Map<String, Object> seats() {
        return TicketFixtures.seats("conference");
    }

    private List<String> subjects() {
        return deliverTo(BUYER).stream().map(Mail::getSubject).toList();
    }

    @Test
    void whenStripeRefusesTheRefundTheOrderStaysConfirmedWithItsTicketsAndCancellingAgainCompletesIt() {
        String id = paidCardOrder();
        refundsAnswer(aResponse().withStatus(500));

        TicketFixtures.admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(502)
                .contentType("application/problem+json");
        assertThat(column("status", id)).isEqualTo("confirmed");
        assertThat(column("refunded_at", id)).isNull();
        assertThat(column("refund_requested_at", id)).isNotNull();
        assertThat(seats()).containsEntry("sold", 1).containsEntry("held", 0);
        assertThat(database.count("select count(*) from ticket where code is not null")).isEqualTo(1);
        assertThat(subjects()).noneMatch(s -> s.endsWith("is cancelled"));

        refundsAnswer(json("{\"id\": \"re_test_1\", \"object\": \"refund\", \"status\": \"succeeded\"}"));
        TicketFixtures.admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);
        assertThat(column("status", id)).isEqualTo("cancelled");
        assertThat(column("refunded_at", id)).isNotNull();
        assertThat(seats()).containsEntry("sold", 0).containsEntry("held", 0);
        // The retry used the same idempotency key, so Stripe returns the money once.
        stripe.verifyThat(2, REFUNDS.withHeader("Idempotency-Key", equalTo("frontdesk-refund-order-" + id)));
        assertThat(subjects()).filteredOn(s -> s.endsWith("is cancelled")).hasSize(1);
    }

    @Test
    void aRefundThatWentThroughWithoutAnAnswerIsCompletedByStripesChargeRefunded() {
        String id = paidCardOrder();
        refundsAnswer(aResponse().withStatus(500));
        TicketFixtures.admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(502);

        event("charge.refunded", """
                {"id": "ch_1", "object": "charge", "refunded": true, "payment_intent": "pi_test_1"}""");
        assertThat(column("status", id)).isEqualTo("cancelled");
        assertThat(column("refunded_at", id)).isNotNull();
        assertThat(seats()).containsEntry("sold", 0);
    }

    @Test
    void noTransactionIsOpenAndNoRowLockedWhileStripeRefundsACancelledOrder() throws Exception {
        String id = paidCardOrder();
        refundsAnswer(json("{\"id\": \"re_test_1\", \"object\": \"refund\", \"status\": \"succeeded\"}")
                .withFixedDelay(1500));

        CompletableFuture<Integer> cancel = CompletableFuture.supplyAsync(() ->
                TicketFixtures.admin().post("/api/admin/orders/" + id + "/cancel").statusCode());
        whileStripeIsAnswering(cancel, id);
        assertThat(cancel.get()).isEqualTo(200);
        assertThat(column("status", id)).isEqualTo("cancelled");
    }

    @Test
    void aPaymentAfterTheHoldLapsedIsRefundedAfterTheWebhooksTransactionWithoutHoldingLocks() throws Exception {
        String id = cardOrder();
        clock.advance(Duration.ofHours(1));
        io.quarkus.arc.Arc.container().instance(OrderExpiry.class).get().expireDue();
        assertThat(column("status", id)).isEqualTo("expired");
        refundsAnswer(json("{\"id\": \"re_test_1\", \"object\": \"refund\", \"status\": \"succeeded\"}")
                .withFixedDelay(1500));

        CompletableFuture<Void> webhook = CompletableFuture.runAsync(() -> checkoutCompleted(id));
        whileStripeIsAnswering(webhook, id);
        webhook.get();
        stripe.verifyThat(1, REFUNDS.withHeader("Idempotency-Key", equalTo("frontdesk-refund-late-" + id)));
        assertThat(column("status", id)).isEqualTo("expired");
        assertThat(column("refunded_at", id)).isNotNull();
        assertThat(seats()).containsEntry("sold", 0).containsEntry("held", 0);
    }

    @Test
    void aLateRefundStripeRefusedIsRetriedByTheAdminsCancel() {
        String id = cardOrder();
        clock.advance(Duration.ofHours(1));
        io.quarkus.arc.Arc.container().instance(OrderExpiry.class).get().expireDue();
        refundsAnswer(aResponse().withStatus(500));
        checkoutCompleted(id);
        assertThat(column("refunded_at", id)).isNull();
        assertThat(column("refund_requested_at", id)).isNotNull();

        refundsAnswer(json("{\"id\": \"re_test_1\", \"object\": \"refund\", \"status\": \"succeeded\"}"));
        TicketFixtures.admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);
        assertThat(column("refunded_at", id)).isNotNull();
        assertThat(column("status", id)).isEqualTo("expired");
    }

    /**
     * Waits until the order is marked for its refund (committed right before Stripe is called, which answers
     * 1.5 s later), then locks the order's row and its ticket type without waiting: that only succeeds if
     * nobody holds them while Stripe answers.
     */
    private void whileStripeIsAnswering(CompletableFuture<?> call, String order) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (column("refund_requested_at", order) == null) {
            assertThat(Instant.now()).as("the order is marked for a refund").isBefore(deadline);
            assertThat(call).as("the call is still waiting for Stripe").isNotDone();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select id from ticket_order where public_id = ?1 for update nowait")
                    .setParameter(1, UUID.fromString(order)).getResultList();
            em.createNativeQuery("select id from ticket_type for update nowait").getResultList();
        });
        assertThat(call).as("Stripe was still answering while the rows were locked").isNotDone();
    }
}
