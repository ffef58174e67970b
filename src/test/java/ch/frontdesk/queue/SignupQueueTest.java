package ch.frontdesk.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import ch.frontdesk.testing.FrontdeskTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue worker on the newsletter's sign-up queue: a row that keeps failing must not hold up the others. */
@QuarkusTest
class SignupQueueTest extends FrontdeskTest {

    private static final String QUEUE = "newsletter.signups";

    @Inject
    MeterRegistry metrics;

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    private static void signUp(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
    }

    /** A sign-up the worker cannot apply: the contact table refuses an address this short. */
    private long poisonedSignup() {
        return database.count("insert into newsletter_signup (email, received_at) values ('x', ?1) returning id",
                clock.instant());
    }

    private double deadGauge() {
        return metrics.get("frontdesk.queue.dead").tag("queue", QUEUE).gauge().value();
    }

    @Test
    void aSignupThatAlwaysFailsIsGivenUpOnAfterFiveAttemptsWhileTheRowsBehindItAreApplied() {
        long poisoned = poisonedSignup();
        signUp("ada@example.org");
        signUp("grace@example.org");
        double failuresBefore = metrics.counter("frontdesk.queue.failures", "queue", QUEUE).count();

        assertThat(applySignups()).as("the two good sign-ups behind the poisoned one").isEqualTo(2);
        assertThat(database.count("select count(*) from newsletter_subscription")).isEqualTo(2);
        assertThat(database.count("select attempts from queue_failure where item_id = ?1", poisoned)).isEqualTo(1);
        assertThat(applySignups()).as("backing off").isZero();
        assertThat(database.count("select attempts from queue_failure where item_id = ?1", poisoned)).isEqualTo(1);

        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofHours(1));
            assertThat(applySignups()).isZero();
        }
        clock.advance(Duration.ofDays(1));
        applySignups();

        assertThat(database.count("select attempts from queue_failure where item_id = ?1 and dead_at is not null",
                poisoned)).isEqualTo(5);
        assertThat(metrics.counter("frontdesk.queue.failures", "queue", QUEUE).count() - failuresBefore).isEqualTo(5);
        assertThat(deadGauge()).isEqualTo(1);
        admin().get("/api/admin/queues").then().statusCode(200)
                .body("find { it.queue == 'newsletter.signups' }.dead", equalTo(1))
                .body("find { it.queue == 'newsletter.signups' }.waiting", equalTo(0));
        admin().get("/api/admin/queues/dead?queue=" + QUEUE).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo((int) poisoned))
                .body("[0].attempts", equalTo(5))
                .body("[0].lastError", containsString("contact_email_check"));
    }

    @Test
    void theAdminRetriesADeadSignupOnceItsCauseIsFixed() {
        long poisoned = poisonedSignup();
        for (int attempt = 1; attempt <= 5; attempt++) {
            applySignups();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(deadGauge()).isEqualTo(1);
        // Still dead, however often the worker runs.
        assertThat(applySignups()).isZero();
        database.count("update newsletter_signup set email = 'repaired@example.org' where id = ?1 returning id",
                poisoned);

        admin().post("/api/admin/queues/" + QUEUE + "/" + poisoned + "/retry").then().statusCode(200)
                .body("queue", equalTo(QUEUE)).body("id", equalTo((int) poisoned));

        assertThat(deadGauge()).isZero();
        admin().get("/api/admin/queues").then().statusCode(200)
                .body("find { it.queue == 'newsletter.signups' }.dead", equalTo(0))
                .body("find { it.queue == 'newsletter.signups' }.waiting", equalTo(1));
        assertThat(applySignups()).isEqualTo(1);
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
        assertThat(database.count("select count(*) from queue_failure")).isZero();
        assertThat(deliverTo("repaired@example.org")).hasSize(1);
    }

    @Test
    void retryingARowThatIsNotDeadOrAQueueThatDoesNotExistIs404() {
        long poisoned = poisonedSignup();
        applySignups();

        admin().post("/api/admin/queues/" + QUEUE + "/" + poisoned + "/retry").then().statusCode(404);
        admin().post("/api/admin/queues/no.such.queue/1/retry").then().statusCode(404);
        admin().get("/api/admin/queues/dead?queue=no.such.queue").then().statusCode(404);
    }

    @Test
    void everyQueueIsListedFromTheStartWithTheOldestDueRow() {
        signUp("ada@example.org");

        admin().get("/api/admin/queues").then().statusCode(200)
                .body("queue", org.hamcrest.Matchers.hasItems("newsletter.signups", "outbox", "pledges.end-period",
                        "pledges.expire-unpaid", "pledges.end-unpaid-renewal", "pledges.remind-renewal"))
                .body("find { it.queue == 'newsletter.signups' }.waiting", equalTo(1))
                .body("find { it.queue == 'newsletter.signups' }.oldestDue", equalTo(clock.instant().toString()));
    }
}
