package ch.frontdesk.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentSubscribeTest extends FrontdeskTest {

    private static final int THREADS = 12;

    @Test
    void oneAddressSubscribedFromManyThreadsAtOnceLeavesOneContactEveryConsentAndOneEmail() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                String spelling = i % 2 == 0 ? "rush@example.org" : " RUSH@example.org";
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON)
                            .body(Map.of("email", spelling, "consent", true))
                            .post("/api/newsletter/subscriptions").statusCode();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(database.count("select count(*) from newsletter_signup")).isEqualTo(THREADS);
        assertThat(applySignups()).isEqualTo(THREADS);
        assertThat(database.count("select count(*) from contact")).isEqualTo(1);
        assertThat(database.count("select count(*) from newsletter_subscription")).isEqualTo(1);
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(THREADS);
        // The twelve sign-ups are applied in one batch: one confirmation, not one per sign-up up to the daily cap.
        assertThat(database.count("select count(*) from outbox_message")).isEqualTo(1);
        assertThat(database.count("select count(*) from access_token")).isEqualTo(2);
        assertThat(outboxSender.sendDue()).isEqualTo(1);
        assertThat(mailbox.getTotalMessagesSent()).isEqualTo(1);
    }
}
