package ch.frontdesk.mail;

import ch.frontdesk.common.Page;
import ch.frontdesk.common.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The only way to send an email: the message is written in the caller's transaction, so it leaves if and only
 * if the change that caused it commits. {@link OutboxSender} delivers it.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    Outbox(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(OutgoingMail mail) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage();
        message.kind = mail.kind();
        message.contactId = mail.contactId();
        message.recipient = mail.recipient();
        message.subject = mail.subject();
        message.textBody = mail.text();
        message.htmlBody = mail.html();
        message.headers = mail.headers();
        message.status = OutboxStatus.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.persist();
        for (Attachment file : mail.attachments()) {
            OutboxAttachment attachment = new OutboxAttachment();
            attachment.messageId = message.id;
            attachment.fileName = file.fileName();
            attachment.contentType = file.contentType();
            attachment.content = file.content();
            attachment.contentId = file.contentId();
            attachment.persist();
        }
        return message;
    }

    /** Lists messages, newest first, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OutboxMessageView> list(Optional<OutboxStatus> status, int page, int size) {
        var query = status.isPresent()
                ? OutboxMessage.<OutboxMessage>find("status", Sort.descending("createdAt", "id"), status.get())
                : OutboxMessage.<OutboxMessage>findAll(Sort.descending("createdAt", "id"));
        var items = query.page(page, size).list().stream().map(OutboxMessageView::of).toList();
        return new Page<>(items, query.count(), page, size);
    }

    /** Puts a failed (or pending) message back in line with a fresh set of attempts. */
    @Transactional
    public OutboxMessageView retry(long id) {
        OutboxMessage message = OutboxMessage.findById(id);
        if (message == null) {
            throw ProblemException.notFound("There is no outbox message " + id + ".");
        }
        if (message.status == OutboxStatus.SENT || message.status == OutboxStatus.SENDING) {
            throw ProblemException.conflict("not-retryable", "Not retryable",
                    "The message is " + message.status.name().toLowerCase() + ".");
        }
        message.status = OutboxStatus.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = clock.instant();
        message.lastError = null;
        return OutboxMessageView.of(message);
    }
}
