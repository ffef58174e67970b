package ch.frontdesk.support;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.payment.PaymentEvent;
import ch.frontdesk.payment.PaymentEvent.CheckoutCompleted;
import ch.frontdesk.payment.PaymentEvent.CheckoutExpired;
import ch.frontdesk.payment.PaymentEvent.InvoicePaid;
import ch.frontdesk.payment.PaymentEvent.InvoicePaymentFailed;
import ch.frontdesk.payment.PaymentEvent.SubscriptionChanged;
import ch.frontdesk.payment.PaymentEventReceived;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.payment.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Card pledges as the payment provider reports them. Events may come twice (the webhook drops repeats) or out of
 * order, so a subscription's state is taken from the snapshot the webhook read from the provider, not from the
 * event. Money paid for a pledge that had already ended is given back, before the event is recorded.
 */
@ApplicationScoped
class SupportPayments {

    private static final Logger LOG = Logger.getLogger(SupportPayments.class);

    private final PaymentGateway gateway;
    private final SupportMails mails;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    SupportPayments(PaymentGateway gateway, SupportMails mails, EntityManager em, Clock clock, MeterRegistry metrics) {
        this.gateway = gateway;
        this.mails = mails;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Outside any transaction: a payment for an ended pledge is refunded, and its subscription ended now. */
    void giveBackLatePayments(@Observes PaymentEventReceived received) {
        if (received.event() instanceof CheckoutCompleted completed && completed.paid()) {
            endedPledge(completed.metadata().get("pledge"))
                    .ifPresent(p -> giveBack(p, completed.subscription(), completed.paymentId(), completed.amount()));
        } else if (received.event() instanceof InvoicePaid invoice && invoice.subscription() != null) {
            Subscription subscription = invoice.subscription();
            Optional<EndedPledge> ended = QuarkusTransaction.requiringNew().call(() ->
                    Pledge.<Pledge>find("stripeSubscriptionId", subscription.id()).firstResultOptional()
                            .map(p -> p.publicId.toString()))
                    .or(() -> Optional.ofNullable(subscription.metadata().get("pledge")))
                    .flatMap(this::endedPledge);
            ended.ifPresent(p -> giveBack(p, subscription, invoice.paymentId(), invoice.amount()));
        }
    }

    /** Inside the transaction that records the event. */
    void on(@Observes PaymentEvent event) {
        if (event instanceof CheckoutCompleted completed && completed.paid()) {
            pledge(completed.metadata().get("pledge")).ifPresent(p -> completed(p, completed));
        } else if (event instanceof CheckoutExpired expired) {
            pledge(expired.metadata().get("pledge")).ifPresent(this::checkoutExpired);
        } else if (event instanceof InvoicePaid invoice) {
            bySubscription(invoice.subscription()).ifPresent(p -> invoicePaid(p, invoice));
        } else if (event instanceof InvoicePaymentFailed failed) {
            bySubscription(failed.subscription()).ifPresent(p -> paymentFailed(p, failed.subscription()));
        } else if (event instanceof SubscriptionChanged changed) {
            bySubscription(changed.subscription()).ifPresent(p -> sync(p, changed.subscription()));
        }
    }

    private record EndedPledge(long id, UUID publicId, String currency) {
    }

    private Optional<EndedPledge> endedPledge(String publicId) {
        return QuarkusTransaction.requiringNew().call(() -> find(publicId, LockModeType.NONE)
                .filter(SupportPayments::ended)
                .map(p -> new EndedPledge(p.id, p.publicId, p.currency)));
    }

    /** Calls the provider first, then records the refund: a failed call leaves nothing recorded, and is retried. */
    private void giveBack(EndedPledge pledge, Subscription subscription, String paymentId, long amount) {
        if (subscription != null && subscription.state() != Subscription.State.ENDED) {
            gateway.cancelNow(subscription.id(), "frontdesk-cancel-late-" + pledge.publicId());
        }
        if (paymentId == null || amount == 0) {
            return;
        }
        gateway.refund(paymentId, "frontdesk-refund-late-" + paymentId);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into pledge_refund (pledge_id, payment_id, amount, currency, refunded_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (payment_id) do nothing""")
                .setParameter(1, pledge.id()).setParameter(2, paymentId).setParameter(3, amount)
                .setParameter(4, pledge.currency()).setParameter(5, clock.instant()).executeUpdate());
        metrics.counter("frontdesk.support.late-payments.refunded").increment();
        LOG.infof("Refunded payment %s made for pledge %s after it had ended", paymentId, pledge.publicId());
    }

    /**
     * A payment for an ended pledge keeps nothing and sends no receipt. Its refund was made before this
     * transaction; if the pledge ended in between (so none was made), the event fails and comes again.
     */
    private void requireGivenBack(Pledge pledge, String paymentId, long amount) {
        boolean refunded = paymentId == null || amount == 0 || !em.createNativeQuery(
                "select 1 from pledge_refund where payment_id = ?1").setParameter(1, paymentId).getResultList().isEmpty();
        if (!refunded) {
            throw new ProblemException(500, "late-payment-not-refunded", "Payment not yet refunded",
                    "The pledge ended while this payment was handled; the event will be handled again.");
        }
        LOG.infof("Pledge %s had ended when payment %s arrived: refunded, no receipt", pledge.publicId, paymentId);
    }

    private void completed(Pledge pledge, CheckoutCompleted session) {
        if (ended(pledge)) {
            requireGivenBack(pledge, session.paymentId(), session.amount());
            return;
        }
        if (pledge.status != PledgeStatus.PENDING_PAYMENT) {
            return;
        }
        pledge.checkoutUrl = null;
        if (session.subscription() != null) {
            pledge.stripeSubscriptionId = session.subscription().id();
            sync(pledge, session.subscription());
        } else {
            // A one-off gift: paid now, supporter for a year.
            Instant now = clock.instant();
            pledge.status = PledgeStatus.ACTIVE;
            pledge.periodAnchor = now;
            pledge.currentPeriodEnd = BillingInterval.YEAR.periodEnd(now);
            pledge.paymentDueAt = null;
            pledge.updatedAt = now;
            receipt(pledge, session.amount() > 0 ? session.amount() : pledge.amount, now);
        }
    }

    private void checkoutExpired(Pledge pledge) {
        if (pledge.status == PledgeStatus.PENDING_PAYMENT) {
            pledge.status = PledgeStatus.EXPIRED;
            pledge.checkoutUrl = null;
            pledge.paymentDueAt = null;
            pledge.updatedAt = clock.instant();
        }
    }

    private void invoicePaid(Pledge pledge, InvoicePaid invoice) {
        if (ended(pledge)) {
            requireGivenBack(pledge, invoice.paymentId(), invoice.amount());
            return;
        }
        sync(pledge, invoice.subscription());
        receipt(pledge, invoice.amount(), clock.instant());
    }

    private void paymentFailed(Pledge pledge, Subscription subscription) {
        sync(pledge, subscription);
        if (pledge.status == PledgeStatus.PAST_DUE) {
            mails.paymentFailed(pledge, SupportTier.findById(pledge.tierId), Contact.findById(pledge.contactId));
        }
    }

    /** Takes the subscription's state as the provider held it: status, paid period and pending cancellation. */
    private void sync(Pledge pledge, Subscription subscription) {
        Instant now = clock.instant();
        switch (subscription.state()) {
            case ACTIVE -> pledge.status = PledgeStatus.ACTIVE;
            case PAST_DUE -> pledge.status = PledgeStatus.PAST_DUE;
            case ENDED -> {
                if (pledge.status != PledgeStatus.CANCELLED) {
                    pledge.status = PledgeStatus.CANCELLED;
                    pledge.cancelledAt = now;
                }
            }
            case OTHER -> { }
        }
        if (subscription.currentPeriodEnd() != null) {
            pledge.currentPeriodEnd = subscription.currentPeriodEnd();
        }
        pledge.cancelAtPeriodEnd = subscription.cancelAtPeriodEnd();
        pledge.paymentDueAt = null;
        pledge.checkoutUrl = null;
        pledge.updatedAt = now;
    }

    private void receipt(Pledge pledge, long amount, Instant paidAt) {
        PledgePayment payment = new PledgePayment();
        payment.pledgeId = pledge.id;
        payment.amount = amount;
        payment.currency = pledge.currency;
        payment.method = PaymentMethod.CARD.json();
        payment.paidAt = paidAt;
        payment.periodEnd = pledge.currentPeriodEnd;
        payment.persist();
        mails.receipt(pledge, SupportTier.findById(pledge.tierId), Contact.findById(pledge.contactId), payment);
    }

    private static boolean ended(Pledge pledge) {
        return pledge.status == PledgeStatus.CANCELLED || pledge.status == PledgeStatus.EXPIRED;
    }

    private static Optional<Pledge> pledge(String publicId) {
        return find(publicId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Optional<Pledge> find(String publicId, LockModeType lock) {
        if (publicId == null) {
            return Optional.empty();
        }
        try {
            return Pledge.<Pledge>find("publicId", UUID.fromString(publicId)).withLock(lock).firstResultOptional();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The pledge of a subscription; an invoice may arrive before the checkout that links them. */
    private static Optional<Pledge> bySubscription(Subscription subscription) {
        if (subscription == null) {
            return Optional.empty();
        }
        Optional<Pledge> linked = Pledge.<Pledge>find("stripeSubscriptionId", subscription.id())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (linked.isPresent()) {
            return linked;
        }
        Optional<Pledge> pledge = pledge(subscription.metadata().get("pledge"));
        pledge.ifPresent(p -> p.stripeSubscriptionId = subscription.id());
        return pledge;
    }
}
