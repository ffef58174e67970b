package ch.frontdesk.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest extends FrontdeskTest {

    /** The management interface, wherever the test run put it. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void readinessChecksTheDatabaseOnTheManagementPort() {
        given().get(management("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get(management("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void metricsCountSubscriptionsAndEmails() {
        double requestedBefore = counter("frontdesk_newsletter_subscriptions_requested_total");
        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        deliverTo("ada@example.org");

        String metrics = given().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(counter("frontdesk_newsletter_subscriptions_requested_total"))
                .isEqualTo(requestedBefore + 1);
        org.assertj.core.api.Assertions.assertThat(metrics)
                .contains("frontdesk_newsletter_subscriptions_confirmed_total")
                .contains("frontdesk_newsletter_subscriptions_unsubscribed_total")
                .contains("frontdesk_emails_sent_total{kind=\"newsletter.confirmation\"");
    }

    @Test
    void theOpenApiDocumentDescribesEveryPublicEndpoint() {
        given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/newsletter/subscriptions"))
                .body("paths.keySet()", hasItem("/api/newsletter/confirm"))
                .body("paths.keySet()", hasItem("/api/newsletter/unsubscribe"))
                .body("paths.keySet()", hasItem("/newsletter/confirm"))
                .body("paths.keySet()", hasItem("/api/admin/outbox"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    private String management(String path) {
        return management.getProtocol() + "://" + management.getAuthority() + path;
    }

    private double counter(String name) {
        String metrics = given().get(management("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
    }
}
