package ch.frontdesk.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox. Each round claims due messages with {@code FOR UPDATE SKIP LOCKED} and a short lease,
 * so several instances never take the same message; sends them with no database lock held; then records the
 * outcome. A failed delivery is retried with exponential backoff until {@link OutboxConfig#maxAttempts()}.
 * A message whose sender died mid-delivery is taken over when its lease runs out.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Mailer mailer;
    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    OutboxSender(Mailer mailer, EntityManager em, OutboxConfig config, Clock clock, MeterRegistry metrics) {
        this.mailer = mailer;
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A claimed message, detached from the persistence context so it can be sent outside any transaction. */
    record Delivery(long id, String kind, String recipient, String subject, String text, String html,
            Map<String, String> headers, List<Attachment> attachments, int attempt) {
    }

    @Scheduled(every = "${frontdesk.outbox.every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRound() {
        sendDue();
    }

    /** Sends every due message, a batch at a time. Returns how many were delivered. */
    public int sendDue() {
        int delivered = 0;
        List<Delivery> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::claimBatch);
            for (Delivery delivery : batch) {
                if (deliver(delivery)) {
                    delivered++;
                }
            }
        } while (batch.size() == config.batchSize());
        return delivered;
    }

    private List<Delivery> claimBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                update outbox_message set status = 'sending', lease_until = ?1, attempts = attempts + 1
                where id in (
                    select id from outbox_message
                    where (status = 'pending' and next_attempt_at <= ?2)
                       or (status = 'sending' and lease_until <= ?2)
                    order by next_attempt_at, id
                    limit ?3
                    for update skip locked)
                returning id""")
                .setParameter(1, now.plus(config.lease()))
                .setParameter(2, now)
                .setParameter(3, config.batchSize())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        Map<Long, List<Attachment>> files = OutboxAttachment.<OutboxAttachment>list("messageId in ?1 order by id", claimed)
                .stream()
                .collect(Collectors.groupingBy(a -> a.messageId, Collectors.mapping(
                        a -> new Attachment(a.fileName, a.contentType, a.content, a.contentId), Collectors.toList())));
        return OutboxMessage.<OutboxMessage>list("id in ?1 order by id", claimed).stream()
                .map(m -> new Delivery(m.id, m.kind, m.recipient, m.subject, m.textBody, m.htmlBody,
                        Map.copyOf(m.headers), files.getOrDefault(m.id, List.of()), m.attempts))
                .toList();
    }

    private boolean deliver(Delivery delivery) {
        try {
            mailer.send(toMail(delivery));
        } catch (RuntimeException e) {
            // The SMTP server refused or could not be reached: keep the message and try again later.
            QuarkusTransaction.requiringNew().run(() -> recordFailure(delivery, e));
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> recordSent(delivery));
        return true;
    }

    private static Mail toMail(Delivery delivery) {
        Mail mail = Mail.withText(delivery.recipient(), delivery.subject(), delivery.text());
        if (delivery.html() != null) {
            mail.setHtml(delivery.html());
        }
        delivery.headers().forEach(mail::addHeader);
        for (Attachment file : delivery.attachments()) {
            if (file.contentId() != null) {
                mail.addInlineAttachment(file.fileName(), file.content(), file.contentType(), "<" + file.contentId() + ">");
            } else {
                mail.addAttachment(file.fileName(), file.content(), file.contentType());
            }
        }
        return mail;
    }

    private void recordSent(Delivery delivery) {
        OutboxMessage message = ownClaim(delivery);
        if (message == null) {
            return;
        }
        message.status = OutboxStatus.SENT;
        message.sentAt = clock.instant();
        message.leaseUntil = null;
        message.lastError = null;
        forgetSecrets(message);
        metrics.counter("frontdesk.emails.sent", "kind", delivery.kind()).increment();
    }

    /**
     * A delivered mail is kept for a while (the admin's view, a GDPR export), but not its live secrets: the link
     * tokens in its bodies and headers are redacted, and its attachments (QR codes of tickets) are deleted.
     */
    private static void forgetSecrets(OutboxMessage message) {
        SecretRedaction redaction = SecretRedaction.of(
                message.textBody, message.htmlBody, String.join("\n", message.headers.values()));
        message.textBody = redaction.apply(message.textBody);
        message.htmlBody = redaction.apply(message.htmlBody);
        message.headers = redaction.apply(message.headers);
        OutboxAttachment.delete("messageId", message.id);
    }

    private void recordFailure(Delivery delivery, RuntimeException error) {
        OutboxMessage message = ownClaim(delivery);
        if (message == null) {
            return;
        }
        message.leaseUntil = null;
        message.lastError = describe(error);
        if (delivery.attempt() >= config.maxAttempts()) {
            message.status = OutboxStatus.FAILED;
            metrics.counter("frontdesk.emails.failed", "kind", delivery.kind()).increment();
            LOG.errorf("Gave up on email %d (%s) after %d attempts: %s", delivery.id(), delivery.kind(),
                    delivery.attempt(), message.lastError);
        } else {
            message.status = OutboxStatus.PENDING;
            message.nextAttemptAt = clock.instant().plus(backoff(delivery.attempt()));
            metrics.counter("frontdesk.emails.retried", "kind", delivery.kind()).increment();
            LOG.warnf("Email %d (%s) not delivered, attempt %d, retry at %s: %s", delivery.id(), delivery.kind(),
                    delivery.attempt(), message.nextAttemptAt, message.lastError);
        }
    }

    /**
     * The message if this sender's claim still stands. Another instance may have taken it over after the lease
     * ran out; then its outcome is that instance's to record. An erasure may also have deleted it meanwhile.
     */
    private static OutboxMessage ownClaim(Delivery delivery) {
        OutboxMessage message = OutboxMessage.findById(delivery.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            // Deleted while it was being delivered: its recipient was erased. Nothing is left to record.
            return null;
        }
        boolean ours = message.status == OutboxStatus.SENDING && message.attempts == delivery.attempt();
        if (!ours) {
            LOG.warnf("Email %d was taken over by another sender; leaving its outcome to it", delivery.id());
        }
        return ours ? message : null;
    }

    /** The wait after the given failed attempt: the first retry delay, doubled each time, capped. */
    Duration backoff(int failedAttempt) {
        Duration delay = config.firstRetryDelay();
        for (int i = 1; i < failedAttempt && delay.compareTo(config.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null && text.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(cause.getMessage());
            }
        }
        String message = text.length() == 0 ? "delivery failed" : text.toString();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
