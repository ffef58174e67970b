package ch.frontdesk.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Queued sign-ups applied many to a transaction, set-based: each sign-up has the outcome it had applied alone, a bad
 * one is set aside without costing the others, and two workers never apply one twice.
 */
@QuarkusTest
class SignupBatchTest extends FrontdeskTest {

    private static void signUp(String email, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "consent", true));
        if (name != null) {
            body.put("name", name);
        }
        given().contentType(ContentType.JSON).body(body).post("/api/newsletter/subscriptions").then().statusCode(202);
    }

    /** A sign-up the worker cannot apply: the contact table refuses an address this short. */
    private long poisonedSignup() {
        return database.count("insert into newsletter_signup (email, received_at) values ('x', ?1) returning id",
                clock.instant());
    }

    @Test
    void aPoisonedSignUpInTheMiddleOfABatchIsSetAsideWhileEveryOtherOneIsApplied() {
        for (int i = 1; i <= 4; i++) {
            signUp("before" + i + "@example.org", null);
        }
        long poisoned = poisonedSignup();
        for (int i = 1; i <= 5; i++) {
            signUp("after" + i + "@example.org", null);
        }

        assertThat(applySignups()).isEqualTo(9);

        assertThat(database.count("select count(*) from newsletter_subscription")).isEqualTo(9);
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(9);
        assertThat(database.count("select count(*) from outbox_message where kind = 'newsletter.confirmation'"))
                .isEqualTo(9);
        assertThat(database.count("select count(*) from access_token")).isEqualTo(18);
        assertThat(database.count("select count(*) from newsletter_signup")).as("only the poisoned one is left")
                .isEqualTo(1);
        assertThat(database.count("select attempts from queue_failure where queue = 'newsletter.signups'"
                + " and item_id = ?1 and dead_at is null", poisoned)).isEqualTo(1);
        assertThat(database.count("select count(*) from queue_failure")).isEqualTo(1);
        outboxSender.sendDue();
        assertThat(mailbox.getMailsSentTo("before1@example.org")).hasSize(1);
        assertThat(mailbox.getMailsSentTo("after5@example.org")).hasSize(1);
    }

    @Test
    void aSignUpThatFailedBeforeAndIsAppliedInABatchLeavesNoFailureBehind() {
        long poisoned = poisonedSignup();
        applySignups();
        database.count("update newsletter_signup set email = 'repaired@example.org' where id = ?1 returning id",
                poisoned);
        signUp("other@example.org", null);
        clock.advance(java.time.Duration.ofMinutes(1));

        assertThat(applySignups()).isEqualTo(2);

        assertThat(database.count("select count(*) from queue_failure")).isZero();
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
        assertThat(deliverTo("repaired@example.org")).hasSize(1);
    }

    @Test
    void oneAddressTwiceInOneBatchGivesOneSubscriptionOneMailAndTwoConsentsWithTheFirstSpellingAndName() {
        signUp(" Ada@Example.org", null);
        signUp("ada@example.ORG", "Ada Lovelace");
        signUp("ADA@example.org", "Someone Else");

        assertThat(applySignups()).isEqualTo(3);

        assertThat(database.count("select count(*) from contact")).isEqualTo(1);
        assertThat(database.single("select email from contact")).isEqualTo("Ada@Example.org");
        assertThat(database.single("select name from contact")).isEqualTo("Ada Lovelace");
        assertThat(database.count("select count(*) from newsletter_subscription where status = 'pending'"))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(3);
        assertThat(database.count("select count(*) from unverified_mail")).isEqualTo(1);
        outboxSender.sendDue();
        assertThat(mailbox.getTotalMessagesSent()).isEqualTo(1);
        Mail mail = mailbox.getMailsSentTo("Ada@Example.org").get(0);
        assertThat(mail.getText()).contains("Hello Ada Lovelace");
        String confirm = tokenIn(mail.getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", confirm)).post("/api/newsletter/confirm")
                .then().statusCode(200);
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("active");
    }

    @Test
    void aKnownNameIsNeverOverwrittenByABatch() {
        signUp("grace@example.org", "Grace Hopper");
        applySignups();
        signUp("grace@example.org", "Mallory");

        applySignups();

        assertThat(database.single("select name from contact")).isEqualTo("Grace Hopper");
    }

    @Test
    void aBatchTreatsEachAddressByItsStateActiveUnsubscribedSuppressedAndNew() {
        for (String email : List.of("active@example.org", "gone@example.org", "forgotten@example.org")) {
            signUp(email, null);
        }
        applySignups();
        database.execute("update newsletter_subscription s set status = 'active' from contact c"
                + " where c.id = s.contact_id and c.email = 'active@example.org'");
        database.execute("update newsletter_subscription s set status = 'unsubscribed' from contact c"
                + " where c.id = s.contact_id and c.email = 'gone@example.org'");
        database.execute("insert into email_suppression (email_hash, created_at) values"
                + " (encode(sha256(convert_to(lower('forgotten@example.org'), 'UTF8')), 'hex'), now())");
        database.execute("delete from outbox_message");
        database.execute("delete from unverified_mail");
        for (String email : List.of("active@example.org", "gone@example.org", "forgotten@example.org",
                "new@example.org")) {
            signUp(email, null);
        }

        assertThat(applySignups()).isEqualTo(4);

        assertThat(statusOf("active@example.org")).isEqualTo("active");
        assertThat(statusOf("gone@example.org")).isEqualTo("pending");
        assertThat(statusOf("forgotten@example.org")).isEqualTo("pending");
        assertThat(statusOf("new@example.org")).isEqualTo("pending");
        outboxSender.sendDue();
        assertThat(mailbox.getMailsSentTo("active@example.org")).isEmpty();
        assertThat(mailbox.getMailsSentTo("gone@example.org")).hasSize(1);
        // The opt-in confirmation is the one mail a suppressed address may get: it is how its owner opts in again.
        assertThat(mailbox.getMailsSentTo("forgotten@example.org")).hasSize(1);
        assertThat(mailbox.getMailsSentTo("new@example.org")).hasSize(1);
    }

    @Test
    void anAddressAtItsDailyCapGetsNoMailAndNoTokenWhileTheOthersInTheBatchDo() {
        signUp("eager@example.org", null);
        applySignups();
        signUp("eager@example.org", null);
        applySignups();
        signUp("eager@example.org", null);
        applySignups();
        long tokens = database.count("select count(*) from access_token");
        signUp("eager@example.org", null);
        signUp("calm@example.org", null);

        assertThat(applySignups()).isEqualTo(2);

        assertThat(database.count("select count(*) from access_token") - tokens).as("calm's two only").isEqualTo(2);
        outboxSender.sendDue();
        assertThat(mailbox.getMailsSentTo("eager@example.org")).hasSize(3);
        assertThat(mailbox.getMailsSentTo("calm@example.org")).hasSize(1);
    }

    @Test
    void twoWorkersDrainingOneQueueAtOnceNeverApplyASignUpTwice() throws Exception {
        int signups = 1200;
        database.execute("insert into newsletter_signup (email, received_at) select 'reader' || g || '@example.org',"
                + " now() from generate_series(1, " + signups + ") g");
        int workers = 2;
        CyclicBarrier start = new CyclicBarrier(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> applied = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                applied.add(pool.submit(() -> {
                    start.await();
                    return applySignups();
                }));
            }
            int total = 0;
            for (Future<Integer> worker : applied) {
                total += worker.get();
            }
            assertThat(total).isEqualTo(signups);
        } finally {
            pool.shutdownNow();
        }

        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
        assertThat(database.count("select count(*) from contact")).isEqualTo(signups);
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(signups);
        assertThat(database.count("select count(*) from newsletter_subscription")).isEqualTo(signups);
        assertThat(database.count("select count(*) from outbox_message")).isEqualTo(signups);
        assertThat(database.count("select count(distinct recipient) from outbox_message")).isEqualTo(signups);
        assertThat(database.count("select count(*) from access_token")).isEqualTo(2L * signups);
        assertThat(database.count("select count(*) from queue_failure")).isZero();
    }

    private String statusOf(String email) {
        return (String) database.single("select s.status from newsletter_subscription s join contact c"
                + " on c.id = s.contact_id where c.email = ?1", email);
    }
}
