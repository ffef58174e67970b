package ch.frontdesk.mail;

import ch.frontdesk.queue.LeasedHandler;
import ch.frontdesk.queue.QueueFailure;
import ch.frontdesk.queue.QueueWorker;
import ch.frontdesk.queue.RetryPolicy;
import ch.frontdesk.queue.WorkQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, one message at a time through {@link QueueWorker}: each message is leased (claimed with
 * {@code FOR UPDATE SKIP LOCKED}, marked {@code sending} until a deadline) in its own transaction right before it is
 * sent, sent with no database lock held, and its outcome recorded only if the lease still stands. A message whose
 * sender died mid-delivery is taken over when its lease runs out. Each message carries a {@code Message-ID} made
 * from its id, so a mail sent twice after an ambiguous SMTP answer is recognisable as one.
 *
 * <p>A {@link Attachment#deferred deferred} attachment is rendered here, when its message is leased: off the request
 * that queued the mail. Its bytes are written into its row in the lease transaction, so every later attempt (after a
 * refused or ambiguous send, or by the instance that takes over a lapsed lease) sends the very same file rather than
 * a new rendering (a PDF's trailer id differs each time, and the renderer's code or data may have changed between
 * attempts), and renders nothing again. A renderer that throws fails the attempt like a refused send: the message
 * waits its backoff, then is dead for the admin; it never leaves without the file.
 */
@ApplicationScoped
public class OutboxSender implements LeasedHandler<OutboxSender.Delivery> {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    static final String QUEUE = "outbox";

    private final Mailer mailer;
    private final QueueWorker worker;
    private final WorkQueue queue;
    private final OutboxConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final AttachmentRenderers renderers;
    private final String sendingDomain;

    OutboxSender(Mailer mailer, QueueWorker worker, @Named(QUEUE) WorkQueue outboxQueue, OutboxConfig config, Clock clock,
            MeterRegistry metrics, AttachmentRenderers renderers,
            @ConfigProperty(name = "quarkus.mailer.from") String from,
            @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s") Duration mailerTimeout) {
        this.mailer = mailer;
        this.renderers = renderers;
        this.worker = worker;
        this.queue = outboxQueue;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.sendingDomain = domainOf(from);
        // A send that outlasts its lease could be taken over and sent again by another instance.
        if (config.lease().compareTo(mailerTimeout) <= 0) {
            LOG.warnf("frontdesk.outbox.lease (%s) should be longer than quarkus.mailer.timeout (%s)",
                    config.lease(), mailerTimeout);
        }
    }

    /** The outbox as a queue: pending messages, and those whose sender's lease ran out. */
    @Produces
    @Singleton
    @Named(QUEUE)
    static WorkQueue outboxQueue(OutboxConfig config) {
        return new WorkQueue(QUEUE, "outbox_message", """
                (status = 'pending' and next_attempt_at <= :now) or (status = 'sending' and lease_until <= :now)""",
                "t.created_at")
                .withRetry(new RetryPolicy(config.maxAttempts(), config.firstRetryDelay(), config.maxRetryDelay()));
    }

    /**
     * A leased message, detached from the persistence context so it can be sent outside any transaction. With an
     * {@code unrendered} error, an attachment could not be rendered: {@link #perform} fails with it, sending nothing.
     */
    record Delivery(long id, String kind, String recipient, String subject, String text, String html,
            Map<String, String> headers, List<Attachment> attachments, int attempt, String messageId,
            RuntimeException unrendered) {
    }

    @Scheduled(every = "${frontdesk.outbox.every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRound() {
        sendDue();
    }

    /** Sends every due message. Returns how many were delivered. */
    public int sendDue() {
        return worker.drain(queue, this);
    }

    @Override
    public Delivery lease(long id) {
        OutboxMessage m = OutboxMessage.findById(id);
        m.status = OutboxStatus.SENDING;
        m.leaseUntil = clock.instant().plus(config.lease());
        m.attempts++;
        List<Attachment> files = new ArrayList<>();
        RuntimeException unrendered = null;
        for (OutboxAttachment a : OutboxAttachment.<OutboxAttachment>list("messageId = ?1 order by id", id)) {
            if (a.content == null) {
                try {
                    a.content = render(a);
                } catch (RuntimeException e) {
                    // The lease (and its attempt) still commits, so the failure is counted as a send's would be.
                    LOG.warnf(e, "Email %d: could not render its attachment %s", id, a.fileName);
                    unrendered = new IllegalStateException("Could not render the attachment " + a.fileName
                            + " with " + a.renderer, e);
                    break;
                }
            }
            files.add(new Attachment(a.fileName, a.contentType, a.content, a.contentId));
        }
        return new Delivery(m.id, m.kind, m.recipient, m.subject, m.textBody, m.htmlBody, Map.copyOf(m.headers),
                unrendered == null ? List.copyOf(files) : List.of(), m.attempts, messageId(m), unrendered);
    }

    private byte[] render(OutboxAttachment attachment) {
        byte[] content = renderers.named(attachment.renderer).render(attachment.spec);
        if (content == null || content.length == 0) {
            throw new IllegalStateException("The renderer made an empty file");
        }
        return content;
    }

    /**
     * {@code <outbox-{id}.{hash}@{sending domain}>}: the same for every attempt at one message, and, through the hash
     * of its creation time and recipient, different from a message that reuses the id in another database.
     */
    String messageId(OutboxMessage message) {
        String hash = HexFormat.of().formatHex(sha256(message.id + "|" + message.createdAt + "|" + message.recipient),
                0, 8);
        return "<outbox-" + message.id + "." + hash + "@" + sendingDomain + ">";
    }

    @Override
    public void perform(Delivery delivery) {
        if (delivery.unrendered() != null) {
            throw delivery.unrendered();
        }
        mailer.send(toMail(delivery));
    }

    private static Mail toMail(Delivery delivery) {
        Mail mail = Mail.withText(delivery.recipient(), delivery.subject(), delivery.text());
        if (delivery.html() != null) {
            mail.setHtml(delivery.html());
        }
        delivery.headers().forEach(mail::addHeader);
        mail.addHeader("Message-ID", delivery.messageId());
        for (Attachment file : delivery.attachments()) {
            if (file.contentId() != null) {
                mail.addInlineAttachment(file.fileName(), file.content(), file.contentType(), "<" + file.contentId() + ">");
            } else {
                mail.addAttachment(file.fileName(), file.content(), file.contentType());
            }
        }
        return mail;
    }

    /**
     * Whether this sender's lease still stands. Another instance may have taken the message over after the lease ran
     * out; then its outcome is that instance's to record. An erasure may also have deleted it meanwhile.
     */
    @Override
    public boolean stillLeased(Delivery delivery) {
        OutboxMessage message = OutboxMessage.findById(delivery.id(), LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return false;
        }
        boolean ours = message.status == OutboxStatus.SENDING && message.attempts == delivery.attempt();
        if (!ours) {
            LOG.warnf("Email %d was taken over by another sender; leaving its outcome to it", delivery.id());
        }
        return ours;
    }

    @Override
    public void done(Delivery delivery) {
        OutboxMessage message = OutboxMessage.findById(delivery.id());
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

    /** The message waits its backoff as {@code pending}, or is {@code failed} for the admin after the last attempt. */
    @Override
    public void failed(Delivery delivery, QueueFailure failure) {
        OutboxMessage message = OutboxMessage.findById(delivery.id());
        message.leaseUntil = null;
        message.lastError = failure.error();
        message.nextAttemptAt = failure.nextAttemptAt();
        message.status = failure.dead() ? OutboxStatus.FAILED : OutboxStatus.PENDING;
        metrics.counter(failure.dead() ? "frontdesk.emails.failed" : "frontdesk.emails.retried",
                "kind", delivery.kind()).increment();
    }

    private static String domainOf(String from) {
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.lastIndexOf('>')) : from;
        return address.substring(address.lastIndexOf('@') + 1).strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
