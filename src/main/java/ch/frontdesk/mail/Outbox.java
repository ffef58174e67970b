package ch.frontdesk.mail;

import ch.frontdesk.common.Page;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.queue.QueueItemRetried;
import ch.frontdesk.queue.QueueWorker;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The only way to send an email: the message is written in the caller's transaction, so it leaves if and only
 * if the change that caused it commits. {@link OutboxSender} delivers it.
 */
@ApplicationScoped
public class Outbox {

    /**
     * The only mail that may reach a suppressed address: the newsletter's double opt-in confirmation, because that
     * is how a person who asked to be forgotten opts in again (confirming lifts the suppression).
     */
    static final String OPT_IN_CONFIRMATION = "newsletter.confirmation";

    private final Suppressions suppressions;
    private final UnverifiedMailCap unverifiedCap;
    private final jakarta.persistence.EntityManager em;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final QueueWorker queues;
    private final AttachmentRenderers renderers;
    private final Clock clock;

    Outbox(Suppressions suppressions, UnverifiedMailCap unverifiedCap, QueueWorker queues,
            AttachmentRenderers renderers, Clock clock, jakarta.persistence.EntityManager em,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.em = em;
        this.renderers = renderers;
        this.json = json;
        this.suppressions = suppressions;
        this.unverifiedCap = unverifiedCap;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * Queues a mail to an address nobody has confirmed (a newsletter confirmation, an order received, pledge
     * instructions, a waiting-list confirmation), within {@link MailConfig#unverifiedPerDay()} such mails per
     * address in 24 hours, counted in the database so the cap holds across instances. The mail is made only when it
     * may go, so no token is issued for a mail that is not sent. Names the requester typed belong in it only through
     * {@link MailText#requesterName(String)}.
     *
     * @return empty when queued; else the instant the cap lets the next mail to this address go
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> enqueueToUnverified(String recipient, Supplier<OutgoingMail> mail) {
        Optional<Instant> refusedUntil = unverifiedCap.take(recipient);
        if (refusedUntil.isEmpty()) {
            enqueue(mail.get());
        }
        return refusedUntil;
    }

    /**
     * {@link #enqueueToUnverified} for many addresses at once, for a worker that applies a batch of requests: the cap
     * is taken for all of them in two statements, the mails are made for the granted addresses only (so no token is
     * issued for a mail that is not sent), and queued in one statement. Returns the addresses whose mail was queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<String> enqueueAllToUnverified(java.util.Collection<String> recipients,
            java.util.function.Function<java.util.Set<String>, java.util.List<OutgoingMail>> mails) {
        java.util.Set<String> granted = unverifiedCap.takeAll(recipients);
        if (!granted.isEmpty()) {
            enqueueAll(mails.apply(granted));
        }
        return granted;
    }

    /**
     * Queues many mails in one statement. Mails that carry attachments or may be suppressed go through
     * {@link #enqueue} one by one: only opt-in confirmations without attachments (the bulk of a sign-up flood) need
     * neither check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(java.util.List<OutgoingMail> mails) {
        java.util.List<OutgoingMail> plain = new java.util.ArrayList<>();
        for (OutgoingMail mail : mails) {
            if (OPT_IN_CONFIRMATION.equals(mail.kind()) && mail.attachments().isEmpty()) {
                plain.add(mail);
            } else {
                enqueue(mail);
            }
        }
        if (plain.isEmpty()) {
            return;
        }
        int n = plain.size();
        String[] kinds = new String[n];
        Long[] contacts = new Long[n];
        String[] recipients = new String[n];
        String[] subjects = new String[n];
        String[] texts = new String[n];
        String[] htmls = new String[n];
        String[] headers = new String[n];
        for (int i = 0; i < n; i++) {
            OutgoingMail mail = plain.get(i);
            kinds[i] = mail.kind();
            contacts[i] = mail.contactId();
            recipients[i] = mail.recipient();
            subjects[i] = mail.subject();
            texts[i] = mail.text();
            htmls[i] = mail.html();
            headers[i] = headersJson(mail.headers());
        }
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into outbox_message (kind, contact_id, recipient, subject, text_body, html_body, headers, status,
                                            attempts, next_attempt_at, created_at)
                select k, c, r, s, t, h, cast(hd as jsonb), 'pending', 0, ?8, ?8
                from unnest(cast(?1 as text[]), cast(?2 as bigint[]), cast(?3 as text[]), cast(?4 as text[]),
                            cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]))
                     with ordinality as m(k, c, r, s, t, h, hd, i)
                order by i""")
                .setParameter(1, kinds).setParameter(2, contacts).setParameter(3, recipients)
                .setParameter(4, subjects).setParameter(5, texts).setParameter(6, htmls).setParameter(7, headers)
                .setParameter(8, now).executeUpdate();
    }

    /** A header map as the JSON object {@code outbox_message.headers} holds. */
    private String headersJson(java.util.Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /**
     * Queues a mail. A mail to a suppressed address (other than an opt-in confirmation) is recorded without its
     * bodies, headers or attachments, with status {@code suppressed}, and never sent. A deferred attachment is stored
     * as its renderer and spec, for {@link OutboxSender} to render; a renderer nobody provides fails here, at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(OutgoingMail mail) {
        if (!OPT_IN_CONFIRMATION.equals(mail.kind()) && suppressions.isSuppressed(mail.recipient())) {
            return suppressed(mail);
        }
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
            if (file.isDeferred() && !renderers.has(file.deferred().renderer())) {
                throw new IllegalStateException("Mail " + mail.kind() + " attaches " + file.fileName()
                        + " from renderer " + file.deferred().renderer() + ", which nobody provides");
            }
            OutboxAttachment attachment = new OutboxAttachment();
            attachment.messageId = message.id;
            attachment.fileName = file.fileName();
            attachment.contentType = file.contentType();
            attachment.content = file.content();
            attachment.contentId = file.contentId();
            if (file.isDeferred()) {
                attachment.renderer = file.deferred().renderer();
                attachment.spec = file.deferred().spec();
            }
            attachment.persist();
        }
        return message;
    }

    private OutboxMessage suppressed(OutgoingMail mail) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage();
        message.kind = mail.kind();
        message.contactId = mail.contactId();
        message.recipient = mail.recipient();
        message.subject = mail.subject();
        message.textBody = "";
        message.htmlBody = null;
        message.headers = java.util.Map.of();
        message.status = OutboxStatus.SUPPRESSED;
        message.attempts = 0;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.persist();
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
        // A suppressed message has no bodies left to send, and its address asked for none.
        if (message.status == OutboxStatus.SENT || message.status == OutboxStatus.SENDING
                || message.status == OutboxStatus.SUPPRESSED) {
            throw ProblemException.conflict("not-retryable", "Not retryable",
                    "The message is " + message.status.name().toLowerCase() + ".");
        }
        queues.forget(OutboxSender.QUEUE, id);
        backInLine(message);
        return OutboxMessageView.of(message);
    }

    /** The admin retried a dead message from the queues' view. */
    void retried(@Observes QueueItemRetried item) {
        if (OutboxSender.QUEUE.equals(item.queue())) {
            OutboxMessage message = OutboxMessage.findById(item.id());
            if (message != null && message.status == OutboxStatus.FAILED) {
                backInLine(message);
            }
        }
    }

    private void backInLine(OutboxMessage message) {
        message.status = OutboxStatus.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = clock.instant();
        message.lastError = null;
    }
}
