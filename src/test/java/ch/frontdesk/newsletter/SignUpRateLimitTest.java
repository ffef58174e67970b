package ch.frontdesk.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SignUpRateLimitTest.FiveAMinute.class)
class SignUpRateLimitTest extends FrontdeskTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("frontdesk.newsletter.signups-per-minute", "5");
        }
    }

    private static int signUp(int i) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", "reader" + i + "@example.org", "consent", true))
                .post("/api/newsletter/subscriptions").statusCode();
    }

    @Test
    void aClientOverTheLimitGets429WithRetryAfterUntilTheBucketRefills() {
        for (int i = 0; i < 5; i++) {
            assertThat(signUp(i)).isEqualTo(202);
        }

        var refused = given().contentType(ContentType.JSON)
                .body(Map.of("email", "reader6@example.org", "consent", true))
                .post("/api/newsletter/subscriptions");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 60);
        applySignups();
        assertThat(database.count("select count(*) from contact where email = 'reader4@example.org'")).isEqualTo(1);
        assertThat(database.count("select count(*) from contact where email = 'reader6@example.org'")).isZero();

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(signUp(7)).isEqualTo(202);
        assertThat(signUp(8)).isEqualTo(429);

        clock.advance(Duration.ofMinutes(1));
        for (int i = 10; i < 15; i++) {
            assertThat(signUp(i)).isEqualTo(202);
        }
    }
}
