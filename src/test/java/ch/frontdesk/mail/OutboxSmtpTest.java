package ch.frontdesk.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real SMTP server on loopback, which the tests stop and start, signing with DKIM. */
@QuarkusTest
@TestProfile(OutboxSmtpTest.RealSmtp.class)
class OutboxSmtpTest extends FrontdeskTest {

    /** Found free at run time, once per JVM (the profile and the test may be loaded by different class loaders). */
    static final int SMTP_PORT = FreePort.forKey("smtp-test-port.outbox");

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.mailer.mock", "false"),
                    Map.entry("quarkus.mailer.host", "127.0.0.1"),
                    Map.entry("quarkus.mailer.port", Integer.toString(SMTP_PORT)),
                    Map.entry("quarkus.mailer.tls", "false"),
                    Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                    Map.entry("quarkus.mailer.login", "DISABLED"),
                    // Short, so a server that never answers costs a test seconds, not a minute; not 2 s, which
                    // a loaded 2-core CI machine once needed for one of three concurrent senders' connections.
                    Map.entry("quarkus.mailer.timeout", "5s"),
                    Map.entry("frontdesk.outbox.max-attempts", "3"),
                    // DKIM as production sets it (QUARKUS_MAILER_DKIM_*), with a throwaway key.
                    Map.entry("quarkus.mailer.dkim.enabled", "true"),
                    Map.entry("quarkus.mailer.dkim.sdid", "engineeringprompts.ch"),
                    Map.entry("quarkus.mailer.dkim.selector", "frontdesk2026"),
                    Map.entry("quarkus.mailer.dkim.private-key", testKey()));
        }

        /** A throwaway RSA key, PKCS#8 in base64 as the mailer takes it. */
        private static String testKey() {
            try {
                var generator = java.security.KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return java.util.Base64.getEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    OutboxSender sender;
    @Inject
    OutboxLeases leases;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static void signUp(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        applySignups();
    }

    @Test
    void theOutboxRetriesWhileTheServerIsDownAndDeliversExactlyOnceWhenItIsBack() throws Exception {
        signUp("ada@example.org");

        assertThat(sender.sendDue()).isZero();
        assertThat(database.single("select status from outbox_message")).isEqualTo("pending");
        assertThat(database.count("select attempts from outbox_message")).isEqualTo(1);
        assertThat(database.single("select last_error from outbox_message")).isNotNull();
        assertThat(database.count("select count(*) from outbox_message where next_attempt_at = ?1",
                clock.instant().plusSeconds(10))).isEqualTo(1);

        assertThat(sender.sendDue()).as("not due again before the backoff").isZero();
        assertThat(database.count("select attempts from outbox_message")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(sender.sendDue()).isZero();
        assertThat(database.count("select attempts from outbox_message")).isEqualTo(2);
        assertThat(database.count("select count(*) from outbox_message where next_attempt_at = ?1",
                clock.instant().plusSeconds(20))).isEqualTo(1);

        startSmtp();
        clock.advance(Duration.ofSeconds(20));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDue()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
        assertThat(message.getSubject()).contains("confirm");
        assertThat(message.getHeader("List-Unsubscribe")[0])
                .startsWith("<http://localhost:8080/api/newsletter/unsubscribe?token=");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(hasPlainTextPart(message.getContent())).isTrue();
        assertThat(database.single("select status from outbox_message")).isEqualTo("sent");
    }

    @Test
    void afterTheLastAttemptTheMessageIsFailedAndTheAdminCanSendItAgain() {
        signUp("ada@example.org");
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(sender.sendDue()).isZero();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(database.single("select status from outbox_message")).isEqualTo("failed");
        assertThat(sender.sendDue()).isZero();
        long id = database.count("select id from outbox_message");

        given().auth().preemptive().basic("admin", "test-admin-password")
                .get("/api/admin/outbox?status=failed")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) id))
                .body("items[0].attempts", equalTo(3));
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON)
                .post("/api/admin/outbox/" + id + "/retry")
                .then().statusCode(200).body("status", equalTo("pending"));

        startSmtp();
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void twoSendersRunningAtOnceNeverSendAMessageTwice() throws Exception {
        startSmtp();
        int mails = 40;
        for (int i = 0; i < mails; i++) {
            signUp("reader" + i + "@example.org");
        }

        int senders = 3;
        CyclicBarrier start = new CyclicBarrier(senders);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<Integer>> rounds = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                rounds.add(pool.submit(() -> {
                    start.await();
                    return sender.sendDue();
                }));
            }
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // On a loaded machine a send can outlast the mailer's timeout; its row is retried later, as in production.
        clock.advance(Duration.ofMinutes(5));
        sender.sendDue();

        assertThat(database.count("select count(*) from outbox_message where status = 'sent'")).isEqualTo(mails);
        // Each row reaches the server once. Only a row whose send timed out (and so may have arrived after all) may
        // arrive a second time, with the same Message-ID: at least once is the outbox's promise, never a second
        // sender taking a row that another one holds.
        Map<String, Integer> perMessageId = new java.util.HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            perMessageId.merge(message.getHeader("Message-ID")[0], 1, Integer::sum);
        }
        assertThat(perMessageId).hasSize(mails);
        long retried = database.count("select count(*) from outbox_message where attempts > 1");
        assertThat(perMessageId.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(retried);
        assertThat(perMessageId.values()).allMatch(n -> n <= 2);
        if (retried == 0) {
            assertThat(smtp.getReceivedMessages()).hasSize(mails);
        }
    }

    @Test
    void everyMessageCarriesAMessageIdMadeFromItsIdThatARetryKeeps() throws Exception {
        signUp("ada@example.org");
        long id = database.count("select id from outbox_message");
        String expected = leases.messageId(id);
        assertThat(expected).matches("<outbox-" + id + "\\.[0-9a-f]{16}@engineeringprompts\\.ch>");

        assertThat(sender.sendDue()).as("the server is down: the first attempt fails").isZero();
        startSmtp();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()[0].getHeader("Message-ID")).containsExactly(expected);
    }

    @Test
    void aMessageWhoseSenderCrashedIsTakenOverWhenTheLeaseRunsOutAndSentOnce() throws Exception {
        startSmtp();
        signUp("ada@example.org");
        long id = database.count("select id from outbox_message");
        // A sender leased the message and died before sending it.
        OutboxSender.Delivery crashed = leases.lease(id);

        assertThat(sender.sendDue()).as("the lease still stands").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(database.single("select status from outbox_message")).isEqualTo("sent");
        assertThat(leases.stillLeased(crashed)).as("the crashed sender's lease is gone for good").isFalse();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheMessageIsRetriedInsteadOfHangingTheSender() throws Exception {
        signUp("ada@example.org");
        try (ServerSocket silent = new ServerSocket(SMTP_PORT, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            long started = System.nanoTime();
            assertThat(sender.sendDue()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
        assertThat(database.single("select status from outbox_message")).isEqualTo("pending");
        assertThat(database.count("select attempts from queue_failure where queue = 'outbox'")).isEqualTo(1);
    }

    @Test
    void aMessageThatCanNeverBeSentGoesDeadWhileTheOthersAreDeliveredAndTheAdminRetriesIt() throws Exception {
        startSmtp();
        signUp("ada@example.org");
        long poisoned = database.count("select id from outbox_message");
        database.count("update outbox_message set recipient = 'not an address' where id = ?1 returning id", poisoned);
        signUp("grace@example.org");

        for (int attempt = 1; attempt <= 3; attempt++) {
            sender.sendDue();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(database.single("select status from outbox_message where id = ?1", poisoned)).isEqualTo("failed");
        given().auth().preemptive().basic("admin", "test-admin-password").get("/api/admin/queues")
                .then().statusCode(200).body("find { it.queue == 'outbox' }.dead", equalTo(1));
        given().auth().preemptive().basic("admin", "test-admin-password").get("/api/admin/queues/dead")
                .then().statusCode(200).body("[0].queue", equalTo("outbox")).body("[0].id", equalTo((int) poisoned));

        database.count("update outbox_message set recipient = 'ada@example.org' where id = ?1 returning id", poisoned);
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON)
                .post("/api/admin/queues/outbox/" + poisoned + "/retry").then().statusCode(200);
        assertThat(database.single("select status from outbox_message where id = ?1", poisoned)).isEqualTo("pending");
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private static boolean hasPlainTextPart(Object content) throws Exception {
        if (content instanceof String) {
            return true;
        }
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") || hasPlainTextPart(part.getContent()) && part.isMimeType("multipart/*")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aSentMailCarriesADkimSignatureOfTheSendingDomainAndSelector() throws Exception {
        startSmtp();
        signUp("ada@example.org");
        assertThat(sender.sendDue()).isEqualTo(1);

        String[] signature = smtp.getReceivedMessages()[0].getHeader("DKIM-Signature");
        assertThat(signature).hasSize(1);
        String tags = signature[0].replaceAll("\\s+", "");
        assertThat(tags).contains("d=engineeringprompts.ch;").contains("s=frontdesk2026;").contains("b=");
    }
}
