package ch.frontdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deferred attachment is stored as its renderer and spec, rendered when its mail is sent, and the mail never
 * leaves without it: a renderer that fails makes the attempt fail as a refused send would.
 */
@QuarkusTest
class DeferredAttachmentTest extends FrontdeskTest {

    @Inject
    Outbox outbox;
    @Inject
    TestRenderer renderer;

    @BeforeEach
    void healthyRenderer() {
        renderer.reset();
    }

    private long queue(String to, Attachment... files) {
        OutgoingMail mail = new OutgoingMail("test.invoice", null, to, "Your invoice", "See the attachment.", null,
                Map.of(), List.of(files));
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(mail).id);
    }

    private static Attachment echo(String fileName, String spec) {
        return Attachment.deferred(fileName, "text/plain", TestRenderer.NAME, spec);
    }

    private static String text(io.quarkus.mailer.Attachment attachment) {
        List<Byte> data = io.smallrye.mutiny.Multi.createFrom().publisher(attachment.getData())
                .collect().asList().await().indefinitely();
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = data.get(i);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void theRowHoldsTheRendererAndSpecUntilTheSenderRendersTheFileIntoTheMail() {
        long id = queue("ada@example.org", echo("note.txt", "{\"words\": \"hello\"}"),
                new Attachment("logo.png", "image/png", new byte[] {1, 2, 3}, "logo@frontdesk"));

        assertThat(renderer.calls()).as("nothing is rendered while queueing").isZero();
        assertThat(database.count("select count(*) from outbox_attachment where message_id = ?1"
                + " and file_name = 'note.txt' and content is null and renderer = 'test-echo'"
                + " and spec ->> 'words' = 'hello'", id)).isEqualTo(1);
        assertThat(database.count("select count(*) from outbox_attachment where message_id = ?1"
                + " and file_name = 'logo.png' and content is not null and renderer is null and spec is null", id))
                .isEqualTo(1);

        assertThat(outboxSender.sendDue()).isEqualTo(1);

        Mail sent = mailbox.getMailsSentTo("ada@example.org").get(0);
        assertThat(sent.getAttachments()).hasSize(2);
        var note = sent.getAttachments().stream().filter(a -> a.getName().equals("note.txt")).findFirst().orElseThrow();
        assertThat(note.isInlineAttachment()).isFalse();
        assertThat(note.getContentType()).isEqualTo("text/plain");
        assertThat(text(note)).isEqualTo("rendered: {\"words\": \"hello\"}");
        assertThat(renderer.calls()).isEqualTo(1);
        // Sent: the file and its spec go with the other secrets.
        assertThat(database.count("select count(*) from outbox_attachment")).isZero();
    }

    @Test
    void aRendererThatFailsLeavesTheMailUnsentAndRetriedThenDeadNeverSentWithoutTheFile() {
        renderer.breakDown(true);
        long id = queue("ada@example.org", echo("note.txt", "{\"words\": \"hello\"}"));

        assertThat(outboxSender.sendDue()).isZero();

        assertThat(mailbox.getTotalMessagesSent()).isZero();
        assertThat(database.single("select status from outbox_message where id = ?1", id)).isEqualTo("pending");
        assertThat(database.count("select attempts from outbox_message where id = ?1", id)).isEqualTo(1);
        assertThat(database.single("select last_error from outbox_message where id = ?1", id).toString())
                .contains("Could not render the attachment note.txt with test-echo",
                        "the test renderer was told to fail");
        assertThat(database.count("select count(*) from outbox_message where id = ?1 and next_attempt_at = ?2", id,
                clock.instant().plusSeconds(10))).isEqualTo(1);
        assertThat(database.count("select count(*) from outbox_attachment where content is null")).isEqualTo(1);

        assertThat(outboxSender.sendDue()).as("not again before the backoff").isZero();
        assertThat(renderer.calls()).isEqualTo(1);

        for (int attempt = 2; attempt <= 8; attempt++) {
            clock.advance(Duration.ofHours(1));
            assertThat(outboxSender.sendDue()).isZero();
        }
        assertThat(renderer.calls()).isEqualTo(8);
        assertThat(mailbox.getTotalMessagesSent()).isZero();
        assertThat(database.single("select status from outbox_message where id = ?1", id)).isEqualTo("failed");
        assertThat(database.count("select count(*) from queue_failure where queue = 'outbox' and item_id = ?1"
                + " and dead_at is not null", id)).isEqualTo(1);

        // Mended, and sent again by the admin: it leaves with its file.
        renderer.breakDown(false);
        QuarkusTransaction.requiringNew().run(() -> outbox.retry(id));
        assertThat(outboxSender.sendDue()).isEqualTo(1);
        Mail sent = mailbox.getMailsSentTo("ada@example.org").get(0);
        assertThat(sent.getAttachments()).singleElement()
                .satisfies(a -> assertThat(text(a)).isEqualTo("rendered: {\"words\": \"hello\"}"));
    }

    @Test
    void aFileRenderedOnceIsKeptSoTheNextAttemptSendsTheSameBytesWithoutRenderingIt() {
        long id = queue("ada@example.org", echo("first.txt", "{\"n\": 1}"), echo("second.txt", "{\"n\": \"fail\"}"));

        assertThat(outboxSender.sendDue()).isZero();
        assertThat(renderer.calls()).isEqualTo(2);
        assertThat(mailbox.getTotalMessagesSent()).isZero();
        assertThat(new String((byte[]) database.single(
                "select content from outbox_attachment where message_id = ?1 and file_name = 'first.txt'", id),
                StandardCharsets.UTF_8)).isEqualTo("rendered: {\"n\": 1}");
        assertThat(database.count("select count(*) from outbox_attachment where message_id = ?1"
                + " and file_name = 'second.txt' and content is null", id)).isEqualTo(1);

        // The spec is mended (standing for a renderer that is fixed); the first file is not rendered again.
        database.execute("update outbox_attachment set spec = '{\"n\": 2}' where file_name = 'second.txt'");
        database.execute("update outbox_attachment set content = 'kept bytes' where file_name = 'first.txt'");
        clock.advance(Duration.ofSeconds(10));
        assertThat(outboxSender.sendDue()).isEqualTo(1);

        assertThat(renderer.calls()).isEqualTo(3);
        Mail sent = mailbox.getMailsSentTo("ada@example.org").get(0);
        assertThat(sent.getAttachments()).extracting(a -> a.getName() + "=" + text(a))
                .containsExactly("first.txt=kept bytes", "second.txt=rendered: {\"n\": 2}");
    }

    @Test
    void aMailNamingARendererNobodyProvidesIsRefusedWhereItIsQueued() {
        OutgoingMail mail = new OutgoingMail("test.invoice", null, "ada@example.org", "Your invoice", "words", null,
                Map.of(), List.of(Attachment.deferred("x.pdf", "application/pdf", "no-such-renderer", "{}")));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(mail)))
                .hasMessageContaining("no-such-renderer");

        assertThat(database.count("select count(*) from outbox_message")).isZero();
    }

    @Test
    void aQueuedFileWhoseRendererIsGoneFailsItsAttemptsInsteadOfLeavingWithoutIt() {
        long id = queue("ada@example.org", echo("note.txt", "{}"));
        database.execute("update outbox_attachment set renderer = 'retired-renderer'");

        assertThat(outboxSender.sendDue()).isZero();

        assertThat(mailbox.getTotalMessagesSent()).isZero();
        assertThat(database.single("select status from outbox_message where id = ?1", id)).isEqualTo("pending");
        assertThat(database.single("select last_error from outbox_message where id = ?1", id).toString())
                .contains("retired-renderer");
    }

    @Test
    void anAttachmentHasEitherItsBytesOrARenderer() {
        assertThatThrownBy(() -> new Attachment("x.txt", "text/plain", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment("x.txt", "text/plain", new byte[] {1}, null,
                new Attachment.Deferred(TestRenderer.NAME, "{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(echo("x.txt", "{}").isDeferred()).isTrue();
        assertThat(new Attachment("x.txt", "text/plain", new byte[] {1}, null).isDeferred()).isFalse();
    }

    @Test
    void theDatabaseRefusesARowWithNeitherBytesNorARenderer() {
        long id = queue("ada@example.org");

        assertThatThrownBy(() -> database.execute("insert into outbox_attachment (message_id, file_name, content_type)"
                + " values (" + id + ", 'x.txt', 'text/plain')"))
                .hasStackTraceContaining("outbox_attachment_content_or_renderer");
    }
}
