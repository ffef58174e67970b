package ch.frontdesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate limits count in PostgreSQL, so every instance sees the same buckets; test clients are not behind a proxy. */
@QuarkusTest
@TestProfile(SharedRateLimitTest.FourAMinuteNoProxy.class)
class SharedRateLimitTest extends FrontdeskTest {

    public static class FourAMinuteNoProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("frontdesk.newsletter.signups-per-minute", "4");
        }
    }

    private static final String SIGNUP_KIND = "newsletter.subscribe";

    @Inject
    AgroalDataSource dataSource;

    private static Response signUp(int i, String forwardedFor) {
        var request = given().contentType(ContentType.JSON)
                .body(Map.of("email", "reader" + i + "@example.org", "consent", true));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.post("/api/newsletter/subscriptions");
    }

    private static void assertLimited(Response response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, 60);
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseSharesTheLimitOfTheFirst() {
        // Another instance of the service: its own RateLimiter object, the same database.
        RateLimiter otherInstance = new RateLimiter(clock, dataSource);

        assertThat(signUp(1, null).statusCode()).isEqualTo(202);
        otherInstance.check(SIGNUP_KIND, "127.0.0.1", 4);
        assertThat(signUp(2, null).statusCode()).isEqualTo(202);
        otherInstance.check(SIGNUP_KIND, "127.0.0.1", 4);

        assertLimited(signUp(3, null));
        assertThat(catchProblem(() -> otherInstance.check(SIGNUP_KIND, "127.0.0.1", 4)).status()).isEqualTo(429);
        assertThat(database.count("select count(*) from rate_limit_bucket")).isEqualTo(1);
    }

    @Test
    void theLimitAnswers429WithRetryAfterAndRefillsAfterTheWindow() {
        for (int i = 0; i < 4; i++) {
            assertThat(signUp(i, null).statusCode()).isEqualTo(202);
        }
        Response refused = signUp(4, null);
        assertLimited(refused);
        assertThat(refused.header("Retry-After")).isEqualTo("15");

        clock.advance(Duration.ofSeconds(14));
        assertLimited(signUp(5, null));
        clock.advance(Duration.ofSeconds(1));
        assertThat(signUp(6, null).statusCode()).isEqualTo(202);
        assertLimited(signUp(7, null));

        clock.advance(Duration.ofMinutes(1));
        for (int i = 10; i < 14; i++) {
            assertThat(signUp(i, null).statusCode()).isEqualTo(202);
        }
        assertLimited(signUp(14, null));
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() {
        for (int i = 0; i < 4; i++) {
            assertThat(signUp(i, "203.0.113." + i).statusCode()).isEqualTo(202);
        }
        assertLimited(signUp(4, "203.0.113.99"));

        applySignups();
        assertThat(database.single("select client_address from consent_record cr join contact c on c.id = cr.contact_id"
                + " where c.email = 'reader1@example.org'")).isEqualTo("127.0.0.1");
    }

    @Test
    void idleBucketsAreForgottenOnceFullAgain() {
        RateLimiter limiter = new RateLimiter(clock, dataSource);
        limiter.check("test.kind", "203.0.113.7", 2);
        limiter.check("test.kind", "203.0.113.8", 2);
        clock.advance(Duration.ofSeconds(30));
        limiter.check("test.kind", "203.0.113.8", 2);

        assertThat(limiter.forgetIdleClients()).isEqualTo(1);
        assertThat(database.count("select count(*) from rate_limit_bucket where client = '203.0.113.8'")).isEqualTo(1);
    }

    private static ProblemException catchProblem(Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("no problem was raised");
    }
}
