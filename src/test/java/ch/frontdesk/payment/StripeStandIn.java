package ch.frontdesk.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A stand-in for Stripe's API on loopback, answering with the object shapes Stripe documents. Tests add the
 * answers they need (subscriptions, failures) on top of the defaults set in {@link #defaults()}.
 */
public class StripeStandIn implements QuarkusTestResourceLifecycleManager {

    static final String SECRET_KEY = "sk_test_frontdesk";
    static final String WEBHOOK_SECRET = "whsec_test_frontdesk";
    static WireMockServer stripe;

    @Override
    public Map<String, String> start() {
        stripe = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        stripe.start();
        defaults();
        return Map.of(
                "frontdesk.stripe.secret-key", SECRET_KEY,
                "frontdesk.stripe.webhook-secret", WEBHOOK_SECRET,
                "frontdesk.stripe.api-base", "http://127.0.0.1:" + stripe.port(),
                "frontdesk.stripe.timeout", "2s");
    }

    static void defaults() {
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

    @Override
    public void stop() {
        if (stripe != null) {
            stripe.stop();
        }
    }
}
