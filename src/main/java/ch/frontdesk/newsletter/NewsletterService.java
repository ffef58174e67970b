package ch.frontdesk.newsletter;

import ch.frontdesk.common.AccessToken;
import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.LinkState;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.contact.ContactService;
import ch.frontdesk.mail.MailConfig;
import ch.frontdesk.mail.Outbox;
import ch.frontdesk.mail.Suppressions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ch.frontdesk.queue.QueueWorker;
import ch.frontdesk.queue.WorkQueue;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Double opt-in sign-ups, confirmation and one-click unsubscribe for Engineering Prompts.
 * A sign-up answers the same whatever the address's state, so nobody can learn who is subscribed.
 */
@ApplicationScoped
public class NewsletterService {

    static final String CONSENT_PURPOSE = "newsletter";
    static final String SIGNUP_QUEUE = "newsletter.signups";

    private final ContactService contacts;
    private final AccessTokens tokens;
    private final Outbox outbox;
    private final MailConfig mailConfig;
    private final QueueWorker queues;
    private final Suppressions suppressions;
    private final NewsletterMails mails;
    private final SignupBatch batch;
    private final NewsletterConfig config;
    private final Clock clock;
    private final Counter confirmed;
    private final Counter unsubscribed;

    NewsletterService(ContactService contacts, AccessTokens tokens, Outbox outbox, MailConfig mailConfig,
            QueueWorker queues, Suppressions suppressions, NewsletterMails mails, SignupBatch batch,
            NewsletterConfig config, Clock clock, MeterRegistry metrics) {
        this.batch = batch;
        this.mailConfig = mailConfig;
        this.queues = queues;
        this.suppressions = suppressions;
        this.contacts = contacts;
        this.tokens = tokens;
        this.outbox = outbox;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
        this.confirmed = metrics.counter("frontdesk.newsletter.subscriptions.confirmed");
        this.unsubscribed = metrics.counter("frontdesk.newsletter.subscriptions.unsubscribed");
    }

    @Scheduled(every = "${frontdesk.newsletter.signups-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSignups() {
        applySignups();
    }

    /** Sign-ups waiting to be applied, oldest first. */
    @Produces
    @Singleton
    @Named(SIGNUP_QUEUE)
    static final WorkQueue SIGNUPS = new WorkQueue(SIGNUP_QUEUE, "newsletter_signup", "true", "t.received_at");

    /**
     * Applies every queued sign-up, a batch per transaction (see {@link SignupBatch}). Safe on several instances; a
     * sign-up that fails is retried later and, after a few attempts, left for the admin while the others go on.
     * Returns how many were applied.
     */
    public int applySignups() {
        return queues.drain(SIGNUPS, config.signupBatchSize(), batch::apply);
    }

    /**
     * Queues a confirmation email with a new token, unless the address had its daily share of mail to unconfirmed
     * addresses: then nothing is sent (no token issued) and the answer is when the next one may go.
     */
    private Optional<Instant> sendConfirmation(Contact contact, NewsletterSubscription subscription) {
        return outbox.enqueueToUnverified(contact.email, () -> {
            String confirmToken = tokens.issue(TokenPurpose.NEWSLETTER_CONFIRM, subscription.id,
                    config.confirmationValidity());
            String unsubscribeToken = tokens.issue(TokenPurpose.NEWSLETTER_UNSUBSCRIBE, subscription.id, null);
            return mails.confirmation(contact, confirmToken, unsubscribeToken);
        });
    }

    /**
     * The admin sends a pending subscriber a fresh confirmation email, within the same daily cap as sign-ups
     * ({@code 429} with {@code Retry-After} once reached). Returns the contact, to name in the audit log.
     */
    @Transactional
    public long resendConfirmation(String email) {
        String address = ContactService.normalize(email);
        // Contact first, then subscription: the same lock order as applying a batch of sign-ups.
        Contact contact = address == null || address.isEmpty() ? null
                : Contact.<Contact>find("emailKey = lower(?1)", address).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult();
        NewsletterSubscription subscription = contact == null ? null
                : NewsletterSubscription.<NewsletterSubscription>find("contactId", contact.id)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (subscription == null) {
            throw ProblemException.notFound("This address has no newsletter subscription.");
        }
        if (subscription.status != SubscriptionStatus.PENDING) {
            throw ProblemException.conflict("not-pending", "Not pending",
                    "The subscription is " + subscription.status.json() + "; only a pending one is confirmed.");
        }
        Instant now = clock.instant();
        sendConfirmation(contact, subscription).ifPresent(until -> {
            throw ProblemException.tooManyRequests(
                    "This address had " + mailConfig.unverifiedPerDay() + " emails in 24 hours.",
                    Duration.between(now, until));
        });
        return contact.id;
    }

    /**
     * Confirms the subscription behind a confirmation token and sends the welcome email. Confirming again is
     * harmless; an unknown token is 404, an expired one, or one that an unsubscribe has since revoked, is 410.
     */
    @Transactional
    public SubscriptionAnswer confirm(String rawToken) {
        AccessToken token = tokens.find(TokenPurpose.NEWSLETTER_CONFIRM, rawToken)
                .orElseThrow(() -> ProblemException.notFound("This confirmation link is not valid."));
        NewsletterSubscription subscription = lockSubscription(token.subjectId);
        Instant now = clock.instant();
        if (subscription.status == SubscriptionStatus.ACTIVE) {
            return new SubscriptionAnswer(SubscriptionStatus.ACTIVE);
        }
        if (token.isUsed() || token.isExpired(now) || subscription.status != SubscriptionStatus.PENDING) {
            throw ProblemException.gone("This confirmation link has expired. Please subscribe again to get a new one.");
        }
        subscription.activate(now);
        token.usedAt = now;
        Contact contact = Contact.findById(subscription.contactId);
        contacts.confirmConsents(contact, CONSENT_PURPOSE);
        // The owner of an address that asked to be forgotten has just opted in anew: mail may reach it again.
        suppressions.lift(contact.email);
        String unsubscribeToken = tokens.issue(TokenPurpose.NEWSLETTER_UNSUBSCRIBE, subscription.id, null);
        outbox.enqueue(mails.welcome(contact, unsubscribeToken));
        confirmed.increment();
        return new SubscriptionAnswer(SubscriptionStatus.ACTIVE);
    }

    /**
     * Unsubscribes the subscription behind an unsubscribe token. Idempotent; unsubscribe links do not expire,
     * and outstanding confirmation links stop working.
     */
    @Transactional
    public SubscriptionAnswer unsubscribe(String rawToken) {
        AccessToken token = tokens.find(TokenPurpose.NEWSLETTER_UNSUBSCRIBE, rawToken)
                .orElseThrow(() -> ProblemException.notFound("This unsubscribe link is not valid."));
        NewsletterSubscription subscription = lockSubscription(token.subjectId);
        if (subscription.status != SubscriptionStatus.UNSUBSCRIBED) {
            subscription.unsubscribe(clock.instant());
            tokens.revokeUnused(TokenPurpose.NEWSLETTER_CONFIRM, subscription.id);
            unsubscribed.increment();
        }
        return new SubscriptionAnswer(SubscriptionStatus.UNSUBSCRIBED);
    }

    /** What a confirmation link would do, for the page that shows its button. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkState confirmationLinkState(String rawToken) {
        return tokens.find(TokenPurpose.NEWSLETTER_CONFIRM, rawToken).map(token -> {
            NewsletterSubscription subscription = NewsletterSubscription.findById(token.subjectId);
            if (subscription.status == SubscriptionStatus.ACTIVE) {
                return LinkState.DONE;
            }
            boolean usable = !token.isUsed() && !token.isExpired(clock.instant())
                    && subscription.status == SubscriptionStatus.PENDING;
            return usable ? LinkState.USABLE : LinkState.EXPIRED;
        }).orElse(LinkState.UNKNOWN);
    }

    /** What an unsubscribe link would do, for the page that shows its button. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkState unsubscribeLinkState(String rawToken) {
        return tokens.find(TokenPurpose.NEWSLETTER_UNSUBSCRIBE, rawToken).map(token -> {
            NewsletterSubscription subscription = NewsletterSubscription.findById(token.subjectId);
            return subscription.status == SubscriptionStatus.UNSUBSCRIBED ? LinkState.DONE : LinkState.USABLE;
        }).orElse(LinkState.UNKNOWN);
    }

    private static NewsletterSubscription lockSubscription(long id) {
        return NewsletterSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
