package ch.frontdesk.common;

import static ch.frontdesk.testing.AdminApi.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import ch.frontdesk.support.SupportBodies.PledgeRequest;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key whose first request died after claiming the key (as a card pledge claims it before calling
 * Stripe) blocks retries only for the lease (30 s in the default configuration), not for the day the key is kept.
 */
@QuarkusTest
class IdempotencyTest extends FrontdeskTest {

    private static final String KEY = "pledge-died-half-way";
    private static final PledgeRequest REQUEST = new PledgeRequest("reader", "ada@example.org", "Ada", true, null);

    @Inject
    Idempotency idempotency;

    @BeforeEach
    void tier() {
        admin().contentType(ContentType.JSON).body(Map.of("code", "reader", "name", "Reader", "price", Map.of("amount", 500, "currency", "CHF"),
                "interval", "month")).post("/api/admin/support/tiers").then().statusCode(201);
    }

    /** The first request claimed the key in its own transaction, then its process died before completing it. */
    private void firstRequestDiedAfterClaiming() {
        QuarkusTransaction.requiringNew().run(() -> idempotency.claim("support.pledge", KEY, REQUEST));
    }

    private static ValidatableResponse retry(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header(Idempotency.HEADER, KEY).body(body)
                .post("/api/support/pledges").then();
    }

    private static Map<String, Object> sameBody() {
        return Map.of("tier", "reader", "email", "ada@example.org", "name", "Ada", "consent", true);
    }

    @Test
    void aKeyInProgressWithinItsLeaseIsRefusedWith409() {
        firstRequestDiedAfterClaiming();
        clock.advance(Duration.ofSeconds(29));

        retry(sameBody()).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("idempotency-key-in-use"));
        assertThat(database.count("select count(*) from pledge")).isZero();
    }

    @Test
    void afterTheLeaseTheSameRequestIsProcessedOnceAndThenReplayed() {
        firstRequestDiedAfterClaiming();
        clock.advance(Duration.ofSeconds(31));

        String id = retry(sameBody()).statusCode(201).extract().path("id");
        String replayed = retry(sameBody()).statusCode(201).extract().path("id");
        clock.advance(Duration.ofHours(1));
        String muchLater = retry(sameBody()).statusCode(201).extract().path("id");

        assertThat(replayed).isEqualTo(id);
        assertThat(muchLater).isEqualTo(id);
        assertThat(database.count("select count(*) from pledge")).isEqualTo(1);
        assertThat(deliverTo("ada@example.org")).hasSize(1);
    }

    @Test
    void aLapsedLeaseIsNotTakenOverByADifferentRequest() {
        firstRequestDiedAfterClaiming();
        clock.advance(Duration.ofMinutes(5));

        var other = new java.util.HashMap<>(sameBody());
        other.put("name", "Someone else");
        retry(other).statusCode(422).body("type", endsWith("idempotency-key-reused"));
        assertThat(database.count("select count(*) from pledge")).isZero();
    }
}
