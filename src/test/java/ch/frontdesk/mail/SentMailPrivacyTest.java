package ch.frontdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mail kept after sending holds no live secret, and it is not kept for ever. */
@QuarkusTest
class SentMailPrivacyTest extends FrontdeskTest {

    private static final String TOKEN = "Zq3mQ0vYk1T8xW2rLp9sNbC4dHfGjA7e";
    private static final String UNSUBSCRIBE = "Un5ub5cr1beT0kenUn5ub5cr1beT0ken";

    @Inject
    Outbox outbox;
    @Inject
    OutboxRetention retention;

    private long queue(String to) {
        OutgoingMail mail = new OutgoingMail("test.order", null, to, "Your order",
                "See your order: https://example.org/orders/1?token=" + TOKEN + "\nCode: " + TOKEN,
                "<a href=\"https://example.org/orders/1?token=" + TOKEN + "&amp;lang=en\">order</a>",
                Map.of("List-Unsubscribe", "<https://example.org/api/newsletter/unsubscribe?token=" + UNSUBSCRIBE + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                List.of(new Attachment("ticket-qr.png", "image/png", new byte[] {1, 2, 3}, "qr@frontdesk"),
                        new Attachment("summit.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes(), null)));
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(mail).id);
    }

    @Test
    void aSentMailKeepsNoTokenAndNoAttachmentButTheRecipientGotBoth() {
        long id = queue("ada@example.org");

        outboxSender.sendDue();

        Mail delivered = mailbox.getMailsSentTo("ada@example.org").get(0);
        assertThat(delivered.getText()).contains("token=" + TOKEN);
        assertThat(delivered.getHeaders().get("List-Unsubscribe").get(0)).contains(UNSUBSCRIBE);
        assertThat(delivered.getAttachments()).hasSize(2);

        assertThat(database.single("select status from outbox_message where id = ?1", id)).isEqualTo("sent");
        assertThat(database.single("select text_body from outbox_message where id = ?1", id)).isEqualTo(
                "See your order: https://example.org/orders/1?token=redacted\nCode: redacted");
        assertThat(database.single("select html_body from outbox_message where id = ?1", id)).isEqualTo(
                "<a href=\"https://example.org/orders/1?token=redacted&amp;lang=en\">order</a>");
        assertThat(database.single("select headers ->> 'List-Unsubscribe' from outbox_message where id = ?1", id))
                .isEqualTo("<https://example.org/api/newsletter/unsubscribe?token=redacted>");
        assertThat(database.single("select headers ->> 'List-Unsubscribe-Post' from outbox_message where id = ?1", id))
                .isEqualTo("List-Unsubscribe=One-Click");
        assertThat(database.count("select count(*) from outbox_attachment")).isZero();
    }

    @Test
    void aMailNotYetSentKeepsItsTokenAndAttachmentsForTheNextAttempt() {
        long id = queue("ada@example.org");

        assertThat(database.single("select text_body from outbox_message where id = ?1", id).toString())
                .contains(TOKEN);
        assertThat(database.count("select count(*) from outbox_attachment where message_id = ?1", id)).isEqualTo(2);
    }

    @Test
    void theRetentionJobDeletesOnlySentMailsOlderThanThirtyDays() {
        long old = queue("old@example.org");
        outboxSender.sendDue();
        clock.advance(Duration.ofDays(20));
        long recent = queue("recent@example.org");
        outboxSender.sendDue();
        long failed = queue("failed@example.org");
        database.count("update outbox_message set status = 'failed' where id = ?1 returning 1", failed);
        long pending = queue("pending@example.org");

        clock.advance(Duration.ofDays(10));
        assertThat(retention.deleteExpired()).isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(retention.deleteExpired()).isEqualTo(1);
        assertThat(database.count("select count(*) from outbox_message where id = ?1", old)).isZero();
        assertThat(database.count("select count(*) from outbox_message where id in (?1, ?2, ?3)", recent, failed, pending))
                .isEqualTo(3);

        clock.advance(Duration.ofDays(365));
        assertThat(retention.deleteExpired()).isEqualTo(1);
        assertThat(database.count("select count(*) from outbox_message where id in (?1, ?2)", failed, pending))
                .isEqualTo(2);
    }
}
