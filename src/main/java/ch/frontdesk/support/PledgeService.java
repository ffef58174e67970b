package ch.frontdesk.support;

import ch.frontdesk.common.AccessToken;
import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.LinkState;
import ch.frontdesk.common.LocalFormat;
import ch.frontdesk.common.Money;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.common.Tokens;
import ch.frontdesk.contact.ConsentWording;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.contact.ContactService;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.payment.PaymentGateway.Checkout;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.support.SupportBodies.PledgeRequest;
import ch.frontdesk.support.SupportBodies.PledgeView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pledges and their lifecycle. A pledge waits for its first payment, then is active until the end of each paid
 * period; an invoice pledge falls past due when a renewal is not paid, and a cancelled one ends with its paid
 * period. While a contact has an active pledge, their newsletter plan is {@code paid}.
 */
@ApplicationScoped
public class PledgeService {

    static final String CONSENT_PURPOSE = "support";
    private static final String IDEMPOTENCY_SCOPE = "support.pledge";
    private static final int BATCH = 50;

    private final ContactService contacts;
    private final AccessTokens tokens;
    private final SupportMails mails;
    private final SupportConfig config;
    private final Idempotency idempotency;
    private final PaymentGateway gateway;
    private final FrontdeskConfig frontdesk;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    PledgeService(ContactService contacts, AccessTokens tokens, SupportMails mails, SupportConfig config,
            Idempotency idempotency, PaymentGateway gateway, FrontdeskConfig frontdesk, EntityManager em, Clock clock,
            MeterRegistry metrics) {
        this.gateway = gateway;
        this.frontdesk = frontdesk;
        this.contacts = contacts;
        this.tokens = tokens;
        this.mails = mails;
        this.config = config;
        this.idempotency = idempotency;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Creates a pledge. By invoice, the payment details go out by email. By card, a Stripe Checkout is started
     * first, outside any transaction, and the pledge is only stored once Stripe has answered: a failed call
     * leaves no pledge behind. The request is validated here, the one place JSON and form pledges share.
     *
     * @param stated the language the request stated, which the contact's emails are written in from now on; null
     *               when it stated none (a known contact keeps theirs)
     */
    public PledgeView pledge(@Valid @NotNull PledgeRequest request, Language stated, ClientInfo client,
            String idempotencyKey) {
        boolean card = PaymentMethod.choose(request.paymentMethod(), gateway) == PaymentMethod.CARD;
        if (idempotencyKey != null) {
            var earlier = QuarkusTransaction.requiringNew()
                    .call(() -> idempotency.claim(IDEMPOTENCY_SCOPE, idempotencyKey, request));
            if (earlier.isPresent()) {
                return idempotency.read(earlier.get(), PledgeView.class);
            }
        }
        try {
            if (!card) {
                return QuarkusTransaction.requiringNew().call(() -> store(request, stated, client, idempotencyKey, null));
            }
            Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(request, stated));
            UUID id = UUID.randomUUID();
            String lang = "lang=" + prepared.language().code();
            Checkout checkout = gateway.startCheckout(new PaymentGateway.CheckoutRequest(
                    "frontdesk-pledge-" + id, prepared.contactId(), request.email(), request.name(),
                    SupportTexts.in(prepared.language()).checkout_description(prepared.tierName()),
                    prepared.amount(), prepared.currency(),
                    prepared.interval().recurring() ? prepared.interval().json() : null,
                    clock.instant().plus(java.time.Duration.ofHours(23)),
                    // Back from Stripe in the supporter's language: paid, to the thanks; turned back, to the tiers.
                    frontdesk.link("/support/thanks?paid=card&" + lang), frontdesk.link("/support?" + lang),
                    Map.of("pledge", id.toString())));
            return QuarkusTransaction.requiringNew().call(() -> store(request, stated, client, idempotencyKey,
                    new CardCheckout(id, checkout)));
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                QuarkusTransaction.requiringNew().run(() -> idempotency.release(IDEMPOTENCY_SCOPE, idempotencyKey));
            }
            throw e;
        }
    }

    private record Prepared(long contactId, Language language, String tierName, long amount, String currency,
            BillingInterval interval) {
    }

    private record CardCheckout(UUID pledgeId, Checkout checkout) {
    }

    private Prepared prepare(PledgeRequest request, Language stated) {
        SupportTier tier = offeredTier(request.tier());
        Contact contact = contacts.findOrCreate(request.email(), request.name(), stated);
        return new Prepared(contact.id, contact.language, tier.name, tier.amount, tier.currency, tier.interval);
    }

    private PledgeView store(PledgeRequest request, Language stated, ClientInfo client, String idempotencyKey,
            CardCheckout card) {
        SupportTier tier = offeredTier(request.tier());
        Instant now = clock.instant();
        Contact contact = contacts.findOrCreate(request.email(), request.name(), stated);
        contacts.recordConsent(contact, new ConsentWording(CONSENT_PURPOSE, "support-" + tier.code,
                consentWording(tier, contact.language)), "pledge:" + tier.code, client);

        Pledge pledge = new Pledge();
        pledge.publicId = card == null ? UUID.randomUUID() : card.pledgeId();
        pledge.contactId = contact.id;
        pledge.tierId = tier.id;
        pledge.paymentMethod = card == null ? PaymentMethod.INVOICE : PaymentMethod.CARD;
        pledge.status = PledgeStatus.PENDING_PAYMENT;
        pledge.amount = tier.amount;
        pledge.currency = tier.currency;
        pledge.interval = tier.interval;
        pledge.paymentReference = Tokens.paymentReference("EP");
        pledge.paymentDueAt = now.plus(card == null ? config.invoiceDue() : java.time.Duration.ofDays(1));
        pledge.createdAt = now;
        pledge.updatedAt = now;
        if (card != null) {
            pledge.stripeCheckoutSessionId = card.checkout().id();
            pledge.checkoutUrl = card.checkout().url();
        }
        pledge.persist();
        if (card == null) {
            // Without the mail the pledge could not be paid (the bank details are only in it), so a refused mail
            // refuses the pledge: this transaction stores nothing, and the reader learns when to try again.
            mails.paymentInstructions(pledge, tier, contact, config.bank().details()).ifPresent(until -> {
                throw ProblemException.tooManyRequests("This address has had as many emails as we send in a day to"
                        + " an address nobody has confirmed.", java.time.Duration.between(now, until));
            });
        }
        metrics.counter("frontdesk.support.pledges.created", "tier", tier.code).increment();

        PledgeView view = view(pledge, tier);
        if (idempotencyKey != null) {
            idempotency.complete(IDEMPOTENCY_SCOPE, idempotencyKey, 201, view);
        }
        return view;
    }

    /** What the supporter agreed to, in the language they read the form in. */
    private static String consentWording(SupportTier tier, Language language) {
        return SupportTexts.in(language).consent_record(LocalFormat.money(Money.of(tier.amount, tier.currency), language),
                SupportTexts.interval(tier.interval, language));
    }

    private static SupportTier offeredTier(String code) {
        return SupportTier.<SupportTier>find("code = ?1 and active = true", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("tier", "is not a support tier on offer"));
    }

    /** The admin records a bank transfer: the pledge is active for one more period and a receipt goes out. */
    @Transactional
    public PledgeView markPaid(UUID id) {
        Pledge pledge = lock(id);
        if (pledge.status == PledgeStatus.CANCELLED || pledge.status == PledgeStatus.EXPIRED) {
            throw ProblemException.conflict("not-payable", "Not payable", "The pledge is " + pledge.status.json() + ".");
        }
        Instant now = clock.instant();
        pledge.currentPeriodEnd = paidPeriodEnd(pledge, now);
        pledge.status = PledgeStatus.ACTIVE;
        pledge.paymentDueAt = null;
        pledge.updatedAt = now;

        PledgePayment payment = new PledgePayment();
        payment.pledgeId = pledge.id;
        payment.amount = pledge.amount;
        payment.currency = pledge.currency;
        payment.method = pledge.paymentMethod.json();
        payment.paidAt = now;
        payment.periodEnd = pledge.currentPeriodEnd;
        payment.persist();

        SupportTier tier = SupportTier.findById(pledge.tierId);
        mails.receipt(pledge, tier, Contact.findById(pledge.contactId), payment);
        metrics.counter("frontdesk.support.payments", "method", payment.method).increment();
        return view(pledge, tier);
    }

    /**
     * Until when a payment recorded now pays: a first payment starts the support now (the anchor of every later
     * period); a renewal continues where the paid period ended, to the next period end counted from the anchor.
     * A one-off gift counts as a year.
     */
    private static Instant paidPeriodEnd(Pledge pledge, Instant now) {
        BillingInterval interval = pledge.interval.recurring() ? pledge.interval : BillingInterval.YEAR;
        if (pledge.status == PledgeStatus.PENDING_PAYMENT || pledge.currentPeriodEnd == null) {
            pledge.periodAnchor = now;
            return interval.periodEnd(now, 1);
        }
        if (pledge.periodAnchor == null) {
            // Paid before anchors were kept, and not by invoice: its current end is the best anchor there is.
            pledge.periodAnchor = pledge.currentPeriodEnd;
        }
        return interval.nextPeriodEnd(pledge.periodAnchor, pledge.currentPeriodEnd);
    }

    /**
     * One click from any supporter email: nothing more is charged. An unpaid pledge ends now; a paid one stays
     * active until its paid period ends. Cancelling again changes nothing. The provider is told first, outside any
     * transaction, and the cancellation recorded after; should the pledge change meanwhile (a webhook), the step
     * is taken again for its new state.
     */
    public PledgeView cancel(String rawToken) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ProviderStep step = QuarkusTransaction.requiringNew().call(() -> providerStep(cancellable(rawToken, false)));
            step.take(gateway);
            Optional<PledgeView> recorded = QuarkusTransaction.requiringNew().call(() -> recordCancel(rawToken, step));
            if (recorded.isPresent()) {
                return recorded.get();
            }
        }
        throw ProblemException.conflict("pledge-changing", "Pledge changing",
                "The pledge is being changed by a payment right now; please try again in a moment.");
    }

    /** What the card provider must do before a pledge can be recorded as cancelled. */
    private record ProviderStep(String action, String id, String idempotencyKey) {

        static final ProviderStep NONE = new ProviderStep("none", null, null);

        void take(PaymentGateway gateway) {
            switch (action) {
                case "cancel-at-period-end" -> gateway.cancelAtPeriodEnd(id, idempotencyKey);
                case "cancel-now" -> gateway.cancelNow(id, idempotencyKey);
                case "expire-checkout" -> gateway.expireCheckout(id, idempotencyKey);
                default -> { }
            }
        }
    }

    private static ProviderStep providerStep(Pledge pledge) {
        String key = "frontdesk-cancel-" + pledge.publicId;
        if (cancelled(pledge)) {
            return ProviderStep.NONE;
        }
        if (pledge.stripeSubscriptionId != null && pledge.status == PledgeStatus.ACTIVE) {
            return new ProviderStep("cancel-at-period-end", pledge.stripeSubscriptionId, key);
        }
        if (pledge.stripeSubscriptionId != null) {
            // Past due: nothing is paid up, so the subscription ends now and Stripe stops retrying the card.
            return new ProviderStep("cancel-now", pledge.stripeSubscriptionId, key);
        }
        if (pledge.checkoutUrl != null && pledge.stripeCheckoutSessionId != null) {
            // Not paid yet: the checkout is closed so it cannot be paid after the cancellation.
            return new ProviderStep("expire-checkout", pledge.stripeCheckoutSessionId, key);
        }
        return ProviderStep.NONE;
    }

    private Pledge cancellable(String rawToken, boolean lock) {
        AccessToken token = tokens.find(TokenPurpose.PLEDGE_CANCEL, rawToken)
                .orElseThrow(() -> ProblemException.notFound("This link is not valid."));
        return lock ? Pledge.findById(token.subjectId, LockModeType.PESSIMISTIC_WRITE) : Pledge.findById(token.subjectId);
    }

    private static boolean cancelled(Pledge pledge) {
        return pledge.status == PledgeStatus.CANCELLED || pledge.status == PledgeStatus.EXPIRED || pledge.cancelAtPeriodEnd;
    }

    /** Records the cancellation if the step taken is still the one the pledge needs; empty when it is not. */
    private Optional<PledgeView> recordCancel(String rawToken, ProviderStep taken) {
        Pledge pledge = cancellable(rawToken, true);
        SupportTier tier = SupportTier.findById(pledge.tierId);
        if (cancelled(pledge)) {
            return Optional.of(view(pledge, tier));
        }
        if (!providerStep(pledge).equals(taken)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (taken.action().equals("expire-checkout")) {
            pledge.checkoutUrl = null;
        }
        if (pledge.status == PledgeStatus.ACTIVE) {
            pledge.cancelAtPeriodEnd = true;
        } else {
            pledge.status = PledgeStatus.CANCELLED;
            pledge.cancelledAt = now;
            pledge.paymentDueAt = null;
        }
        pledge.updatedAt = now;
        mails.cancelled(pledge, tier, Contact.findById(pledge.contactId));
        metrics.counter("frontdesk.support.pledges.cancelled").increment();
        return Optional.of(view(pledge, tier));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkState cancelLinkState(String rawToken) {
        return tokens.find(TokenPurpose.PLEDGE_CANCEL, rawToken).map(token -> {
            Pledge pledge = Pledge.findById(token.subjectId);
            boolean done = pledge.cancelAtPeriodEnd || pledge.status == PledgeStatus.CANCELLED
                    || pledge.status == PledgeStatus.EXPIRED;
            return done ? LinkState.DONE : LinkState.USABLE;
        }).orElse(LinkState.UNKNOWN);
    }

    /** Whether the contact's newsletter plan is {@code paid}: they have an active pledge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isPaidSupporter(long contactId) {
        return Pledge.count("contactId = ?1 and status = ?2", contactId, PledgeStatus.ACTIVE) > 0;
    }

    // The pledge calendar's steps, each run by SupportJobs on one due pledge, in the transaction that locked it.

    void expireUnpaid(long pledgeId) {
        Pledge pledge = Pledge.findById(pledgeId);
        pledge.status = PledgeStatus.EXPIRED;
        pledge.paymentDueAt = null;
        pledge.updatedAt = clock.instant();
    }

    void endPeriod(long pledgeId) {
        Pledge pledge = Pledge.findById(pledgeId);
        Instant now = clock.instant();
        pledge.updatedAt = now;
        if (pledge.cancelAtPeriodEnd) {
            pledge.status = PledgeStatus.CANCELLED;
            pledge.cancelledAt = now;
        } else if (!pledge.interval.recurring()) {
            pledge.status = PledgeStatus.EXPIRED;
        } else {
            pledge.status = PledgeStatus.PAST_DUE;
            pledge.paymentDueAt = now.plus(config.invoiceDue());
            mails.invoice(pledge, SupportTier.findById(pledge.tierId), Contact.findById(pledge.contactId), true, config.bank().details());
        }
    }

    void endUnpaidRenewal(long pledgeId) {
        Pledge pledge = Pledge.findById(pledgeId);
        pledge.status = PledgeStatus.CANCELLED;
        pledge.cancelledAt = clock.instant();
        pledge.paymentDueAt = null;
        pledge.updatedAt = pledge.cancelledAt;
    }

    void remind(long pledgeId) {
        Pledge pledge = Pledge.findById(pledgeId);
        pledge.remindedForPeriodEnd = pledge.currentPeriodEnd;
        pledge.updatedAt = clock.instant();
        mails.renewalReminder(pledge, SupportTier.findById(pledge.tierId), Contact.findById(pledge.contactId));
    }


    private static Pledge lock(UUID id) {
        return Pledge.<Pledge>find("publicId", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no pledge " + id + "."));
    }

    static PledgeView view(Pledge pledge, SupportTier tier) {
        return new PledgeView(pledge.publicId, tier.code, pledge.status, pledge.paymentMethod,
                Money.of(pledge.amount, pledge.currency), pledge.interval,
                pledge.status == PledgeStatus.PENDING_PAYMENT || pledge.status == PledgeStatus.PAST_DUE ? pledge.paymentReference : null,
                pledge.paymentDueAt, pledge.currentPeriodEnd, pledge.cancelAtPeriodEnd ? Boolean.TRUE : null,
                pledge.status == PledgeStatus.PENDING_PAYMENT ? pledge.checkoutUrl : null);
    }
}
