package ch.frontdesk.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasing a card supporter ends their Stripe subscription too, after the erasure has committed. */
@QuarkusTest
@WithTestResource(StripeStandIn.class)
class ErasureAtStripeTest extends FrontdeskTest {

    private static final String EMAIL = "grace@example.org";
    private String pledge;

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    @BeforeEach
    void aSupporterWithACardSubscription() {
        StripeStandIn.defaults();
        admin().body(Map.of("code", "reader", "name", "Reader", "price", Map.of("amount", 500, "currency", "CHF"),
                "interval", "month")).post("/api/admin/support/tiers").then().statusCode(201);
        pledge = given().contentType(ContentType.JSON)
                .body(Map.of("tier", "reader", "email", EMAIL, "name", "Grace", "consent", true))
                .post("/api/support/pledges").then().statusCode(201).extract().path("id");
        admin().body("{}").post("/api/admin/pledges/" + pledge + "/mark-paid").then().statusCode(200);
        // A shortcut for the checkout and webhooks StripePaymentsTest goes through: the pledge has a subscription.
        database.count("update pledge set stripe_subscription_id = 'sub_test_9' returning 1");
        database.count("with c as (insert into stripe_customer (contact_id, customer_id) "
                + "select id, 'cus_test_9' from contact where email_key = ?1 returning 1) select count(*) from c", EMAIL);
    }

    @Test
    void theSubscriptionIsCancelledAndTheCustomerDeletedAtStripe() {
        StripeStandIn.stripe.stubFor(delete(urlPathEqualTo("/v1/customers/cus_test_9")).willReturn(StripeStandIn.json(
                "{\"id\": \"cus_test_9\", \"object\": \"customer\", \"deleted\": true}")));
        StripeStandIn.stripe.stubFor(delete(urlPathEqualTo("/v1/subscriptions/sub_test_9")).willReturn(StripeStandIn.json("""
                {"id": "sub_test_9", "object": "subscription", "status": "canceled"}""")));

        admin().body("{}").delete("/api/admin/contacts/" + EMAIL).then().statusCode(204);

        StripeStandIn.stripe.verify(deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_test_9"))
                .withHeader("Idempotency-Key", equalTo("frontdesk-erase-" + pledge)));
        StripeStandIn.stripe.verify(deleteRequestedFor(urlPathEqualTo("/v1/customers/cus_test_9")));
        assertThat(database.count("select count(*) from stripe_customer")).isZero();
        assertThat(database.single("select status from pledge")).isEqualTo("cancelled");
    }

    @Test
    void aStripeFailureDoesNotUndoTheErasure() {
        StripeStandIn.stripe.stubFor(delete(urlPathEqualTo("/v1/subscriptions/sub_test_9"))
                .willReturn(aResponse().withStatus(500)));

        admin().body("{}").delete("/api/admin/contacts/" + EMAIL).then().statusCode(204);

        assertThat(database.count("select count(*) from contact where email_key = ?1", EMAIL)).isZero();
        assertThat(database.single("select status from pledge")).isEqualTo("cancelled");
    }
}
