package ch.frontdesk.payment;

import static ch.frontdesk.payment.StripeStandIn.json;
import static ch.frontdesk.payment.StripeStandIn.stripe;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Card payments against a stand-in for Stripe's API, with webhooks signed as Stripe signs them. */
@QuarkusTest
@WithTestResource(StripeStandIn.class)
class StripePaymentsTest extends FrontdeskTest {

    private static final long PERIOD_END = Instant.parse("2026-02-15T09:00:00Z").getEpochSecond();

    @BeforeEach
    void stripeAndTiers() {
        StripeStandIn.defaults();
        admin().body(Map.of("code", "reader", "name", "Reader", "price", Map.of("amount", 500, "currency", "CHF"),
                "interval", "month")).post("/api/admin/support/tiers").then().statusCode(201);
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    private Response webhook(String payload, long timestamp, String secret) {
        String signature = HexFormat.of().formatHex(StripeWebhooks.hmac(secret, timestamp + "." + payload));
        return given().contentType(ContentType.JSON).header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                .body(payload).post("/api/payments/stripe/webhook");
    }

    private Response event(String type, String object) {
        return StripeStandIn.sendEvent(clock.instant(), type, object);
    }

    private static void subscriptionIs(String status, long periodEnd, boolean cancelAtPeriodEnd, String pledge) {
        stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions/sub_test_1")).willReturn(json("""
                {"id": "sub_test_1", "object": "subscription", "status": "%s", "cancel_at_period_end": %s,
                 "items": {"object": "list", "data": [{"id": "si_1", "current_period_end": %d}]},
                 "metadata": {"pledge": "%s"}}""".formatted(status, cancelAtPeriodEnd, periodEnd, pledge))));
    }

    private String cardPledge() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("tier", "reader", "email", "ada@example.org", "name", "Ada", "consent", true,
                        "paymentMethod", "card"))
                .post("/api/support/pledges")
                .then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("pending_payment"))
                .body("paymentMethod", org.hamcrest.Matchers.equalTo("card"))
                .body("checkoutUrl", org.hamcrest.Matchers.equalTo("https://checkout.stripe.com/c/pay/cs_test_1"))
                .extract().path("id");
    }

    private static String sessionCompleted(String pledge) {
        return """
                {"id": "cs_test_1", "object": "checkout.session", "mode": "subscription", "status": "complete", "payment_status": "paid",
                 "subscription": "sub_test_1", "customer": "cus_test_1", "metadata": {"pledge": "%s"}}""".formatted(pledge);
    }

    private static String invoice(String type, long amountPaid) {
        return """
                {"id": "in_%s", "object": "invoice", "status": "%s", "amount_paid": %d, "currency": "chf",
                 "subscription": "sub_test_1"}""".formatted(type.hashCode(), type, amountPaid);
    }

    private static void summitWithSeats(int capacity) {
        admin().body(Map.of("slug", "summit", "name", "Summit", "startsOn", "2027-02-09", "endsOn", "2027-02-11",
                "venue", "EPFL", "timezone", "Europe/Zurich")).post("/api/admin/events").then().statusCode(201);
        admin().body(Map.of("code", "conference", "name", "Conference", "capacity", capacity,
                "price", Map.of("amount", 50000, "currency", "CHF"))).post("/api/admin/events/summit/ticket-types")
                .then().statusCode(201);
    }

    private static Map<String, Object> cardOrder(String email) {
        return Map.of("buyer", Map.of("email", email, "name", "Ada"), "consent", true, "paymentMethod", "card",
                "tickets", List.of(Map.of("type", "conference", "attendee", Map.of("name", "Ada", "email", email))));
    }

    private String status() {
        return (String) database.single("select status from pledge");
    }

    @Test
    void aCardSupporterBecomesActiveFromTheWebhookAndGetsAReceipt() {
        String pledge = cardPledge();
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + StripeStandIn.SECRET_KEY))
                .withHeader("Idempotency-Key", equalTo("frontdesk-pledge-" + pledge))
                .withRequestBody(containing("mode=subscription"))
                .withRequestBody(containing("customer=cus_test_1"))
                .withRequestBody(containing("line_items[0][price_data][recurring][interval]=month"))
                .withRequestBody(containing("subscription_data[metadata][pledge]=" + pledge)));
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("frontdesk-customer-1")));
        assertThat(status()).isEqualTo("pending_payment");

        subscriptionIs("active", PERIOD_END, false, pledge);
        event("checkout.session.completed", sessionCompleted(pledge)).then().statusCode(200);
        event("invoice.paid", invoice("paid", 500)).then().statusCode(200);

        assertThat(status()).isEqualTo("active");
        assertThat(database.count("select count(*) from pledge where current_period_end = ?1",
                Instant.ofEpochSecond(PERIOD_END))).isEqualTo(1);
        var receipt = deliverTo("ada@example.org");
        assertThat(receipt).hasSize(1);
        assertThat(receipt.get(0).getText()).contains("CHF 5.00").contains("/support/cancel?token=");
    }

    @Test
    void aCheckoutCompletedWithoutMoneyYetActivatesNothing() {
        String pledge = cardPledge();
        subscriptionIs("active", PERIOD_END, false, pledge);
        event("checkout.session.completed", sessionCompleted(pledge).replace("\"payment_status\": \"paid\"",
                "\"payment_status\": \"unpaid\"")).then().statusCode(200);
        assertThat(status()).isEqualTo("pending_payment");
    }

    @Test
    void cancellingAnUnpaidCardPledgeClosesItsCheckout() {
        String pledge = cardPledge();
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/cs_test_1/expire")).willReturn(json("""
                {"id": "cs_test_1", "object": "checkout.session", "status": "expired"}""")));
        var pledges = io.quarkus.arc.Arc.container().instance(ch.frontdesk.common.AccessTokens.class).get();
        String cancel = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> pledges.issue(
                ch.frontdesk.common.TokenPurpose.PLEDGE_CANCEL, database.count("select id from pledge"), null));
        given().post("/api/support/pledges/cancel?token=" + cancel).then().statusCode(200);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/cs_test_1/expire"))
                .withHeader("Idempotency-Key", equalTo("frontdesk-cancel-" + pledge)));
        assertThat(status()).isEqualTo("cancelled");
    }

    @Test
    void renewalsFailuresAndCancellationFollowTheSubscription() {
        String pledge = cardPledge();
        subscriptionIs("active", PERIOD_END, false, pledge);
        event("checkout.session.completed", sessionCompleted(pledge)).then().statusCode(200);
        event("invoice.paid", invoice("paid", 500)).then().statusCode(200);

        long nextEnd = Instant.parse("2026-03-15T09:00:00Z").getEpochSecond();
        subscriptionIs("active", nextEnd, false, pledge);
        event("invoice.paid", invoice("paid", 500).replace("in_", "in_renewal_")).then().statusCode(200);
        assertThat(database.count("select count(*) from pledge_payment")).isEqualTo(2);
        assertThat(database.count("select count(*) from pledge where current_period_end = ?1",
                Instant.ofEpochSecond(nextEnd))).isEqualTo(1);

        subscriptionIs("past_due", nextEnd, false, pledge);
        event("invoice.payment_failed", invoice("open", 0)).then().statusCode(200);
        assertThat(status()).isEqualTo("past_due");
        var mails = deliverTo("ada@example.org");
        assertThat(mails.get(mails.size() - 1).getSubject()).contains("did not go through");

        subscriptionIs("active", nextEnd, false, pledge);
        event("customer.subscription.updated", "{\"id\": \"sub_test_1\", \"object\": \"subscription\"}")
                .then().statusCode(200);
        assertThat(status()).isEqualTo("active");

        String token = tokenIn(mails.get(0).getText(), "/support/cancel");
        stripe.stubFor(post(urlPathEqualTo("/v1/subscriptions/sub_test_1")).willReturn(json("""
                {"id": "sub_test_1", "object": "subscription", "status": "active", "cancel_at_period_end": true}""")));
        given().post("/api/support/pledges/cancel?token=" + token).then().statusCode(200);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_test_1"))
                .withHeader("Idempotency-Key", equalTo("frontdesk-cancel-" + pledge))
                .withRequestBody(containing("cancel_at_period_end=true")));
        assertThat(status()).isEqualTo("active");

        subscriptionIs("canceled", nextEnd, true, pledge);
        event("customer.subscription.deleted", "{\"id\": \"sub_test_1\", \"object\": \"subscription\"}")
                .then().statusCode(200);
        assertThat(status()).isEqualTo("cancelled");
    }

    @Test
    void eventsOutOfOrderAndTwiceLeaveTheRightState() {
        String pledge = cardPledge();
        subscriptionIs("active", PERIOD_END, false, pledge);

        event("invoice.paid", invoice("paid", 500)).then().statusCode(200);
        assertThat(status()).isEqualTo("active");
        event("checkout.session.completed", sessionCompleted(pledge)).then().statusCode(200);

        String replay = "{\"id\": \"evt_replayed\", \"object\": \"event\", \"type\": \"invoice.paid\", \"data\": {\"object\": "
                + invoice("paid", 500).replace("in_", "in_other_") + "}}";
        webhook(replay, clock.instant().getEpochSecond(), StripeStandIn.WEBHOOK_SECRET).then().statusCode(200);
        webhook(replay, clock.instant().getEpochSecond(), StripeStandIn.WEBHOOK_SECRET).then().statusCode(200);

        assertThat(status()).isEqualTo("active");
        assertThat(database.count("select count(*) from pledge_payment")).isEqualTo(2);
        assertThat(database.count("select count(*) from stripe_event")).isEqualTo(3);
    }

    @Test
    void badSignaturesStaleTimestampsAndUnknownEventsAreHandledAsStripeExpects() {
        String pledge = cardPledge();
        subscriptionIs("active", PERIOD_END, false, pledge);
        String payload = "{\"id\": \"evt_x\", \"object\": \"event\", \"type\": \"checkout.session.completed\", "
                + "\"data\": {\"object\": " + sessionCompleted(pledge) + "}}";

        webhook(payload, clock.instant().getEpochSecond(), "whsec_wrong").then().statusCode(400)
                .body("type", endsWith("bad-signature"));
        webhook(payload, clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond(), StripeStandIn.WEBHOOK_SECRET)
                .then().statusCode(400).body("type", endsWith("bad-signature"));
        given().contentType(ContentType.JSON).body(payload).post("/api/payments/stripe/webhook").then().statusCode(400);
        assertThat(status()).isEqualTo("pending_payment");
        assertThat(database.count("select count(*) from stripe_event")).isZero();

        event("customer.created", "{\"id\": \"cus_other\", \"object\": \"customer\"}").then().statusCode(200);
        webhook(payload.replace("evt_x", "evt_x2"), clock.instant().minus(Duration.ofMinutes(4)).getEpochSecond(),
                StripeStandIn.WEBHOOK_SECRET).then().statusCode(200);
        assertThat(database.count("select count(*) from stripe_event")).isEqualTo(2);
    }

    @Test
    void aSignedEventAboutASubscriptionOrSessionWeDoNotKnowIsIgnoredWith200() {
        // No stub: Stripe's stand-in answers 404 for sub_unknown, as Stripe does for a subscription of another account.
        event("invoice.paid", """
                {"id": "in_unknown", "object": "invoice", "status": "paid", "amount_paid": 500, "currency": "chf",
                 "subscription": "sub_unknown"}""").then().statusCode(200);
        event("customer.subscription.updated", """
                {"id": "sub_unknown", "object": "subscription", "status": "active"}""").then().statusCode(200);
        event("checkout.session.completed", """
                {"id": "cs_unknown", "object": "checkout.session", "mode": "payment", "payment_status": "paid",
                 "metadata": {"pledge": "%s", "order": "%s"}}""".formatted(java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID())).then().statusCode(200);

        assertThat(database.count("select count(*) from pledge_payment")).isZero();
        assertThat(database.count("select count(*) from outbox_message")).isZero();
    }

    @Test
    void theSignatureIsCheckedOnTheBytesAsSentBeforeTheyAreDecoded() {
        // Bytes that are not UTF-8: decoding them first would change what the signature is compared against.
        byte[] payload = "{\"id\": \"evt_bytes\", \"type\": \"customer.created\", \"note\": \"\u00ff\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long timestamp = clock.instant().getEpochSecond();
        String signature = HexFormat.of().formatHex(StripeWebhooks.hmac(StripeStandIn.WEBHOOK_SECRET,
                (timestamp + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8), payload));

        given().contentType(ContentType.JSON).header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                .body(payload).post("/api/payments/stripe/webhook")
                .then().statusCode(400).contentType("application/problem+json").body("type", endsWith("malformed-body"));
        assertThat(database.count("select count(*) from stripe_event")).isZero();
    }

    @Test
    void whenStripeFailsOrTimesOutTheClientGetsA502AndNoPledgeIsMade() {
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}")));
        var body = Map.of("tier", "reader", "email", "ada@example.org", "consent", true, "paymentMethod", "card");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "try-1").body(body).post("/api/support/pledges")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", endsWith("payment-provider-unavailable"));

        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json("{\"id\": \"cs_late\"}")
                .withFixedDelay(3000)));
        given().contentType(ContentType.JSON).body(body).post("/api/support/pledges").then().statusCode(502);
        assertThat(database.count("select count(*) from pledge")).isZero();
        assertThat(database.count("select count(*) from consent_record")).isZero();

        StripeStandIn.defaults();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "try-1").body(body).post("/api/support/pledges")
                .then().statusCode(201);
    }

    private static final String REFUNDS = "/v1/refunds";

    private String cancelLink() {
        var tokens = io.quarkus.arc.Arc.container().instance(ch.frontdesk.common.AccessTokens.class).get();
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> tokens.issue(
                ch.frontdesk.common.TokenPurpose.PLEDGE_CANCEL, database.count("select id from pledge"), null));
    }

    private String eventPayload(String id, String type, String object) {
        return "{\"id\": \"" + id + "\", \"object\": \"event\", \"type\": \"" + type
                + "\", \"data\": {\"object\": " + object + "}}";
    }

    private Response send(String payload) {
        return webhook(payload, clock.instant().getEpochSecond(), StripeStandIn.WEBHOOK_SECRET);
    }

    @Test
    void aWebhookThatNeedsStripeWhileItIsDownAnswers500AndIsHandledWhenSentAgain() {
        String pledge = cardPledge();
        stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions/sub_test_1")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": \"api_error\"}}")));
        String completed = eventPayload("evt_retried", "checkout.session.completed", sessionCompleted(pledge));

        send(completed).then().statusCode(500).contentType("application/problem+json")
                .body("type", endsWith("payment-provider-unavailable"));
        assertThat(database.count("select count(*) from stripe_event")).isZero();
        assertThat(status()).isEqualTo("pending_payment");

        subscriptionIs("active", PERIOD_END, false, pledge);
        send(completed).then().statusCode(200);
        assertThat(status()).isEqualTo("active");
        assertThat(database.count("select count(*) from stripe_event where id = 'evt_retried'")).isEqualTo(1);
    }

    @Test
    void noTransactionIsOpenWhileTheWebhookOrACancellationCallsStripe() {
        String pledge = cardPledge();
        subscriptionIs("active", PERIOD_END, false, pledge);
        stripe.stubFor(post(urlPathEqualTo("/v1/subscriptions/sub_test_1")).willReturn(json("""
                {"id": "sub_test_1", "object": "subscription", "status": "active", "cancel_at_period_end": true}""")));
        StripeStandIn.LocksWhileCalled.SEEN.clear();

        event("checkout.session.completed", sessionCompleted(pledge)).then().statusCode(200);
        event("invoice.paid", invoice("paid", 500)).then().statusCode(200);
        event("customer.subscription.updated", "{\"id\": \"sub_test_1\", \"object\": \"subscription\"}")
                .then().statusCode(200);
        given().post("/api/support/pledges/cancel?token=" + cancelLink()).then().statusCode(200);

        assertThat(StripeStandIn.LocksWhileCalled.SEEN).extracting(StripeStandIn.LocksWhileCalled.Seen::call)
                .contains("GET /v1/subscriptions/sub_test_1", "POST /v1/subscriptions/sub_test_1");
        assertThat(StripeStandIn.LocksWhileCalled.SEEN).allSatisfy(seen -> assertThat(seen.locks()).isZero());
        assertThat(status()).isEqualTo("active");
        assertThat(database.count("select count(*) from pledge where cancel_at_period_end")).isEqualTo(1);
    }

    @Test
    void theLockProbeSeesACallMadeInsideATransaction() {
        String pledge = cardPledge();
        subscriptionIs("active", PERIOD_END, false, pledge);
        StripeStandIn.LocksWhileCalled.SEEN.clear();
        var gateway = io.quarkus.arc.Arc.container().instance(PaymentGateway.class).get();

        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            database.count("select count(*) from pledge");
            io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                    .createNativeQuery("select id from pledge for update").getResultList();
            gateway.subscription("sub_test_1");
        });

        assertThat(StripeStandIn.LocksWhileCalled.SEEN).singleElement()
                .satisfies(seen -> assertThat(seen.locks()).isPositive());
    }

    @Test
    void aPledgePaidAfterItWasCancelledIsRefundedFirstInvoiceIncludedAndGetsNoReceipt() {
        String pledge = cardPledge();
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/cs_test_1/expire")).willReturn(json("""
                {"id": "cs_test_1", "object": "checkout.session", "status": "expired"}""")));
        given().post("/api/support/pledges/cancel?token=" + cancelLink()).then().statusCode(200);
        assertThat(status()).isEqualTo("cancelled");

        // The supporter had paid in another tab just before: Stripe reports the checkout and its first invoice.
        subscriptionIs("active", PERIOD_END, false, pledge);
        stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/v1/subscriptions/sub_test_1"))
                .willReturn(json("{\"id\": \"sub_test_1\", \"object\": \"subscription\", \"status\": \"canceled\"}")));
        event("checkout.session.completed", sessionCompleted(pledge)).then().statusCode(200);
        stripe.verify(com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                urlPathEqualTo("/v1/subscriptions/sub_test_1")).withHeader("Idempotency-Key", equalTo("frontdesk-cancel-late-" + pledge)));

        stripe.stubFor(post(urlPathEqualTo(REFUNDS)).willReturn(aResponse().withStatus(500)));
        String firstInvoice = eventPayload("evt_first_invoice", "invoice.paid", """
                {"id": "in_first", "object": "invoice", "status": "paid", "amount_paid": 500, "currency": "chf",
                 "payment_intent": "pi_first", "subscription": "sub_test_1"}""");
        send(firstInvoice).then().statusCode(500);
        assertThat(database.count("select count(*) from stripe_event where id = 'evt_first_invoice'")).isZero();

        stripe.stubFor(post(urlPathEqualTo(REFUNDS)).willReturn(json("""
                {"id": "re_first", "object": "refund", "status": "succeeded", "payment_intent": "pi_first"}""")));
        send(firstInvoice).then().statusCode(200);
        stripe.verify(postRequestedFor(urlPathEqualTo(REFUNDS))
                .withHeader("Idempotency-Key", equalTo("frontdesk-refund-late-pi_first"))
                .withRequestBody(containing("payment_intent=pi_first")));

        assertThat(status()).isEqualTo("cancelled");
        assertThat(database.count("select count(*) from pledge_refund where payment_id = 'pi_first' and amount = 500"))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from pledge_payment")).isZero();
        assertThat(deliverTo("ada@example.org")).extracting(io.quarkus.mailer.Mail::getSubject)
                .noneMatch(subject -> subject.contains("Receipt"));
    }

    @Test
    void aCardTicketOrderIsConfirmedByTheWebhookAndRefundedWhenTheAdminCancelsIt() {
        summitWithSeats(5);
        var order = cardOrder("ada@example.org");

        String id = given().contentType(ContentType.JSON).body(order).post("/api/events/summit/orders")
                .then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("pending_payment"))
                .body("checkoutUrl", org.hamcrest.Matchers.equalTo("https://checkout.stripe.com/c/pay/cs_test_1"))
                .body("expiresAt", org.hamcrest.Matchers.equalTo(clock.instant().plus(Duration.ofMinutes(31)).toString()))
                .extract().path("id");
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("frontdesk-order-" + id))
                .withRequestBody(containing("mode=payment"))
                .withRequestBody(containing("line_items[0][price_data][unit_amount]=50000")));

        event("checkout.session.completed", """
                {"id": "cs_test_1", "object": "checkout.session", "mode": "payment", "status": "complete", "payment_status": "paid",
                 "payment_intent": "pi_test_1", "metadata": {"order": "%s"}}""".formatted(id)).then().statusCode(200);
        assertThat(database.single("select status from ticket_order")).isEqualTo("confirmed");
        assertThat(database.count("select sold from seat_count")).isEqualTo(1);
        outboxSender.sendDue();
        assertThat(mailbox.getMailsSentTo("ada@example.org")).extracting(m -> m.getSubject())
                .anyMatch(s -> s.startsWith("Your ticket for"));

        admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("frontdesk-refund-order-" + id))
                .withRequestBody(containing("payment_intent=pi_test_1")));
        event("charge.refunded", "{\"id\": \"ch_1\", \"object\": \"charge\", \"refunded\": true, \"payment_intent\": \"pi_test_1\"}")
                .then().statusCode(200);
        assertThat(database.count("select count(*) from ticket_order where refunded_at is not null")).isEqualTo(1);
        assertThat(database.count("select sold from seat_count")).isZero();
    }

    @Test
    void theBuyerCancellingACardPaidOrderGetsTheMoneyBack() {
        summitWithSeats(5);
        var order = cardOrder("ada@example.org");
        String id = given().contentType(ContentType.JSON).body(order).post("/api/events/summit/orders")
                .then().statusCode(201).extract().path("id");
        event("checkout.session.completed", """
                {"id": "cs_test_1", "object": "checkout.session", "mode": "payment", "status": "complete",
                 "payment_status": "paid", "payment_intent": "pi_test_1", "metadata": {"order": "%s"}}"""
                .formatted(id)).then().statusCode(200);
        String token = tokenIn(deliverTo("ada@example.org").stream()
                .filter(m -> m.getSubject().startsWith("Your tickets")).findFirst().orElseThrow().getText(), "/orders/" + id);

        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(500)));
        given().post("/api/orders/" + id + "/cancel?token=" + token).then().statusCode(502);
        assertThat(database.single("select status from ticket_order")).isEqualTo("confirmed");

        StripeStandIn.defaults();
        given().post("/api/orders/" + id + "/cancel?token=" + token).then().statusCode(200);
        stripe.verify(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=pi_test_1")));
        assertThat(database.single("select status from ticket_order")).isEqualTo("cancelled");
        assertThat(database.count("select count(*) from ticket_order where refunded_at is not null")).isEqualTo(1);
    }

    @Test
    void aWaitingListOfferSurvivesACheckoutThatStripeCouldNotStart() {
        summitWithSeats(1);
        var first = Map.of("buyer", Map.of("email", "first@example.org", "name", "First"), "consent", true,
                "tickets", List.of(Map.of("type", "conference", "attendee", Map.of("name", "First", "email", "first@example.org"))));
        String taken = given().contentType(ContentType.JSON).body(first).post("/api/events/summit/orders")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("email", "wait@example.org", "name", "Wait", "type", "conference"))
                .post("/api/events/summit/waitlist").then().statusCode(202);
        given().contentType(ContentType.JSON)
                .body(Map.of("token", tokenIn(deliverTo("wait@example.org").get(0).getText(), "/waitlist/confirm")))
                .post("/api/waitlist/confirm").then().statusCode(200);
        admin().post("/api/admin/orders/" + taken + "/cancel").then().statusCode(200);
        var offer = deliverTo("wait@example.org");
        var matcher = java.util.regex.Pattern.compile("offer=([A-Za-z0-9_-]+)").matcher(offer.get(1).getText());
        assertThat(matcher.find()).isTrue();

        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(500)));
        var withOffer = new java.util.HashMap<String, Object>(Map.of("buyer", Map.of("email", "wait@example.org", "name", "Wait"),
                "consent", true, "paymentMethod", "card", "waitlistOffer", matcher.group(1),
                "tickets", List.of(Map.of("type", "conference", "attendee", Map.of("name", "Wait", "email", "wait@example.org")))));
        given().contentType(ContentType.JSON).body(withOffer).post("/api/events/summit/orders").then().statusCode(502);

        assertThat(database.single("select status from waitlist_entry")).isEqualTo("offered");
        assertThat(database.count("select held from seat_count")).isEqualTo(1);
        assertThat(deliverTo("wait@example.org")).hasSize(3);
    }

    @Test
    void aFailedCheckoutLeavesNoOrderAndAnExpiredOneFreesItsSeats() {
        summitWithSeats(1);
        var order = cardOrder("ada@example.org");

        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(500)));
        given().contentType(ContentType.JSON).body(order).post("/api/events/summit/orders").then().statusCode(502);
        assertThat(database.count("select count(*) from ticket_order")).isZero();
        assertThat(database.count("select held from seat_count")).isZero();

        StripeStandIn.defaults();
        String id = given().contentType(ContentType.JSON).body(order).post("/api/events/summit/orders")
                .then().statusCode(201).extract().path("id");
        assertThat(database.count("select held from seat_count")).isEqualTo(1);
        event("checkout.session.expired", """
                {"id": "cs_test_1", "object": "checkout.session", "status": "expired", "metadata": {"order": "%s"}}"""
                .formatted(id)).then().statusCode(200);
        assertThat(database.single("select status from ticket_order")).isEqualTo("expired");
        assertThat(database.count("select held from seat_count")).isZero();
    }
}
