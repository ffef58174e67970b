package ch.frontdesk.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The front page's form shares the API's rate limit on sign-ups: one budget per client, whichever way it signs up. */
@QuarkusTest
@TestProfile(SignUpRateLimitTest.FiveAMinute.class)
class HomePageRateLimitTest extends FrontdeskTest {

    private static Response signUpOnThePage(String email) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).accept("text/html")
                .formParam("email", email).formParam("name", "Grace").formParam("consent", "on")
                .formParam("lang", "fr").post("/");
    }

    @Test
    void pastTheLimitThePageComesBackAs429WithRetryAfterAndTheTypedValues() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", "api" + i + "@example.org", "consent", true))
                    .post("/api/newsletter/subscriptions").then().statusCode(202);
        }
        assertThat(signUpOnThePage("page1@example.org").statusCode()).isEqualTo(303);
        assertThat(signUpOnThePage("page2@example.org").statusCode()).isEqualTo(303);

        Response refused = signUpOnThePage("page3@example.org");

        refused.then().statusCode(429).contentType(ContentType.HTML);
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(refused.asString())
                .contains("<p class=\"form-summary\" role=\"alert\">Trop de tentatives depuis votre réseau.")
                .contains("value=\"page3@example.org\"").contains("value=\"Grace\"")
                .contains("<form id=\"newsletter-signup\"");
        assertThat(database.count("select count(*) from newsletter_signup where email = 'page3@example.org'")).isZero();

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(signUpOnThePage("page3@example.org").statusCode()).isEqualTo(303);
    }
}
