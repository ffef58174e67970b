package ch.frontdesk.mail;

import java.time.Instant;

/** An outbox message as the admin sees it (without the bodies). */
public record OutboxMessageView(long id, String kind, String recipient, String subject, String status, int attempts,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

    static OutboxMessageView of(OutboxMessage m) {
        return new OutboxMessageView(m.id, m.kind, m.recipient, m.subject, m.status.name().toLowerCase(),
                m.attempts, m.lastError, m.createdAt, m.status == OutboxStatus.PENDING ? m.nextAttemptAt : null,
                m.sentAt);
    }
}
