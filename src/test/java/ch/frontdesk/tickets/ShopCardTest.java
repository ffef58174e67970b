package ch.frontdesk.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.payment.StripeStandIn;
import ch.frontdesk.testing.FrontdeskTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shop with card payment configured (against the Stripe stand-in): the buyer goes on to Stripe's checkout. */
@QuarkusTest
@WithTestResource(StripeStandIn.class)
class ShopCardTest extends FrontdeskTest {

    private WireMock stripe;

    @BeforeEach
    void stripeAndSummit() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("frontdesk.stripe.api-base", String.class));
        stripe = new WireMock(base.getHost(), base.getPort());
        stripe.resetToDefaultMappings();
        stripe.resetRequests();
        stripe.register(post(urlPathEqualTo("/v1/customers")).willReturn(json("""
                {"id": "cus_test_1", "object": "customer", "email": "buyer@example.org"}""")));
        stripe.register(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json("""
                {"id": "cs_test_1", "object": "checkout.session", "status": "open",
                 "url": "https://checkout.stripe.com/c/pay/cs_test_1"}""")));
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 10, null);
    }

    @Test
    void aCardOrderFromTheShopGoesOnToStripesCheckoutAndComesBackToTheShopIfAbandoned() {
        String shop = given().accept(ContentType.HTML).get("/events/" + TicketFixtures.EVENT + "?lang=en")
                .then().statusCode(200).extract().asString();
        assertThat(shop).contains("name=\"paymentMethod\" value=\"card\"", "name=\"paymentMethod\" value=\"invoice\"");

        Response placed = given().contentType(ContentType.URLENC).accept(ContentType.HTML).redirects().follow(false)
                .formParam("lang", "en").formParam("quantity.conference", "1")
                .formParam("tickets[0].type", "conference").formParam("tickets[0].attendee.name", "Ada Lovelace")
                .formParam("email", "buyer@example.org").formParam("name", "Buyer").formParam("consent", "on")
                .formParam("paymentMethod", "card").formParam("action", "order")
                .post("/events/" + TicketFixtures.EVENT + "/order");

        assertThat(placed.statusCode()).isEqualTo(303);
        assertThat(placed.header("Location")).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_1");
        assertThat(database.single("select payment_method from ticket_order")).isEqualTo("card");
        stripe.verifyThat(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withRequestBody(matching(".*cancel_url=[^&]*%2Fevents%2F" + TicketFixtures.EVENT + "(&.*)?")));
        stripe.verifyThat(0, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withRequestBody(matching(".*cancel_url=[^&]*%2Fapi%2F.*")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
