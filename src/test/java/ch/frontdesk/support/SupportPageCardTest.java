package ch.frontdesk.support;

import static ch.frontdesk.testing.AdminApi.admin;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.payment.StripeStandIn;
import ch.frontdesk.testing.FrontdeskTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With Stripe configured (its stand-in on loopback), the support page offers card payment and sends a card pledge to Stripe's checkout. */
@QuarkusTest
@WithTestResource(StripeStandIn.class)
class SupportPageCardTest extends FrontdeskTest {

    private static final String CHECKOUT_URL = "https://checkout.stripe.com/c/pay/cs_page_1";

    @ConfigProperty(name = "frontdesk.stripe.api-base")
    String stripeBase;

    private WireMock stripe;

    @BeforeEach
    void stripeAndTier() {
        URI base = URI.create(stripeBase);
        stripe = new WireMock(base.getHost(), base.getPort());
        // Other classes share this stand-in and leave their stubs: the newest stubs answer.
        stripe.resetRequests();
        stripe.register(post(urlPathEqualTo("/v1/customers")).willReturn(okJson("""
                {"id": "cus_page_1", "object": "customer", "email": "ada@example.org"}""")));
        stripe.register(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(okJson("""
                {"id": "cs_page_1", "object": "checkout.session", "status": "open", "url": "%s"}""".formatted(CHECKOUT_URL))));
        admin().contentType(ContentType.JSON).body(Map.of("code", "reader", "name", "Reader",
                "price", Map.of("amount", 500, "currency", "CHF"), "interval", "month"))
                .post("/api/admin/support/tiers").then().statusCode(201);
    }

    @Test
    void theFormOffersCardAndACardPledgeGoesToStripesCheckoutInTheReadersLanguage() {
        String page = given().get("/support?lang=fr").then().statusCode(200).extract().asString();
        assertThat(page).contains("name=\"paymentMethod\" id=\"pay-card\" value=\"card\"")
                .contains("Par carte, via Stripe")
                .contains("id=\"pay-invoice\" value=\"invoice\" checked");

        given().redirects().follow(false).contentType(ContentType.URLENC).accept(ContentType.HTML)
                .formParams(Map.of("lang", "fr", "tier", "reader", "email", "ada@example.org", "consent", "on",
                        "paymentMethod", "card"))
                .post("/support").then().statusCode(303).header("Location", equalTo(CHECKOUT_URL));

        assertThat(database.single("select payment_method from pledge")).isEqualTo("card");
        assertThat(database.single("select language from contact")).isEqualTo("fr");
        List<LoggedRequest> calls = stripe.find(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
        assertThat(calls).hasSize(1);
        String sent = URLDecoder.decode(calls.get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(sent).contains("Soutien à Engineering Prompts : Reader")
                .containsPattern("success_url=http://[^&]+/support/thanks\\?paid=card&lang=fr")
                .containsPattern("cancel_url=http://[^&]+/support\\?lang=fr");
        // By card no bank details are mailed.
        assertThat(deliverTo("ada@example.org")).isEmpty();

        given().get("/support/thanks?paid=card&lang=fr").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Votre paiement par carte est en cours de confirmation."));
    }
}
