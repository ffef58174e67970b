package ch.frontdesk.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Stripe's API on loopback, answering with the object shapes Stripe documents. Tests add the
 * answers they need (subscriptions, failures) on top of the defaults set in {@link #defaults()}.
 */
public class StripeStandIn implements QuarkusTestResourceLifecycleManager {

    static final String SECRET_KEY = "sk_test_frontdesk";
    static final String WEBHOOK_SECRET = "whsec_test_frontdesk";
    static WireMockServer stripe;
    private static final java.util.concurrent.atomic.AtomicInteger EVENT_IDS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Sends the webhook event {@code type} about {@code object} (Stripe's JSON of it), signed at {@code now} as
     * Stripe signs, with an event id no other call used.
     */
    public static io.restassured.response.Response sendEvent(java.time.Instant now, String type, String object) {
        String payload = "{\"id\": \"evt_standin_" + EVENT_IDS.incrementAndGet() + "\", \"object\": \"event\", "
                + "\"type\": \"" + type + "\", \"data\": {\"object\": " + object + "}}";
        long timestamp = now.getEpochSecond();
        String signature = java.util.HexFormat.of().formatHex(StripeWebhooks.hmac(WEBHOOK_SECRET, timestamp + "." + payload));
        return io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                .body(payload).post("/api/payments/stripe/webhook");
    }

    @Override
    public Map<String, String> start() {
        stripe = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new LocksWhileCalled()));
        stripe.start();
        defaults();
        return Map.of(
                "frontdesk.stripe.secret-key", SECRET_KEY,
                "frontdesk.stripe.webhook-secret", WEBHOOK_SECRET,
                "frontdesk.stripe.api-base", "http://127.0.0.1:" + stripe.port(),
                "frontdesk.stripe.timeout", "2s");
    }

    static void defaults() {
        LocksWhileCalled.SEEN.clear();
        stripe.resetAll();
        stripe.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json("""
                {"id": "cus_test_1", "object": "customer", "email": "ada@example.org"}""")));
        stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json("""
                {"id": "cs_test_1", "object": "checkout.session", "status": "open",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_1"}""")));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id": "re_test_1", "object": "refund", "status": "succeeded", "payment_intent": "pi_test_1"}""")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * While Stripe's stand-in answers a call, the service is blocked waiting for it: this counts the locks that
     * other database sessions hold then on tables of the service's schema. Every transaction that has read or
     * written a table holds such a lock until it ends, so zero means the caller held no transaction open.
     */
    static final class LocksWhileCalled implements ServeEventListener {

        record Seen(String call, long locks) {
        }

        static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
            var dataSource = Arc.container().instance(AgroalDataSource.class).get();
            try (Connection connection = dataSource.getConnection();
                    var statement = connection.prepareStatement("""
                            select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                            join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = current_schema() and l.pid <> pg_backend_pid()""");
                    var rows = statement.executeQuery()) {
                rows.next();
                SEEN.add(new Seen(serveEvent.getRequest().getMethod() + " " + serveEvent.getRequest().getUrl(),
                        rows.getLong(1)));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getName() {
            return "locks-while-called";
        }
    }

    @Override
    public void stop() {
        if (stripe != null) {
            stripe.stop();
        }
    }
}
