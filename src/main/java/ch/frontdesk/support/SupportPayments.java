package ch.frontdesk.support;

import ch.frontdesk.contact.Contact;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.payment.StripeEvent;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Card pledges as Stripe reports them. Events may come twice (the webhook drops repeats) or out of order, so a
 * subscription's state is always read from Stripe itself rather than trusted from the event.
 */
@ApplicationScoped
class SupportPayments {

    private final PaymentGateway gateway;
    private final SupportMails mails;
    private final Clock clock;

    SupportPayments(PaymentGateway gateway, SupportMails mails, Clock clock) {
        this.gateway = gateway;
        this.mails = mails;
        this.clock = clock;
    }

    void on(@Observes StripeEvent event) {
        switch (event.type()) {
            case "checkout.session.completed" -> {
                String paid = event.object().path("payment_status").asText("");
                if (paid.equals("paid") || paid.equals("no_payment_required")) {
                    pledge(event.metadata("pledge")).ifPresent(p -> completed(p, event.object()));
                }
            }
            case "checkout.session.expired" -> pledge(event.metadata("pledge")).ifPresent(this::checkoutExpired);
            case "invoice.paid" -> bySubscription(event.invoiceSubscription()).ifPresent(p -> invoicePaid(p, event.object()));
            case "invoice.payment_failed" -> bySubscription(event.invoiceSubscription()).ifPresent(this::paymentFailed);
            case "customer.subscription.updated", "customer.subscription.deleted" ->
                    bySubscription(event.object().path("id").asText(null)).ifPresent(this::sync);
            default -> { }
        }
    }

    private void completed(Pledge pledge, JsonNode session) {
        if (pledge.status == PledgeStatus.CANCELLED || pledge.status == PledgeStatus.EXPIRED) {
            // Paid after the supporter cancelled (or the pledge lapsed): nothing is kept.
            String subscription = session.path("subscription").asText(null);
            String payment = session.path("payment_intent").asText(null);
            if (subscription != null) {
                gateway.cancelNow(subscription, "frontdesk-cancel-late-" + pledge.publicId);
            } else if (payment != null) {
                gateway.refund(payment, "frontdesk-refund-late-" + pledge.publicId);
            }
            return;
        }
        if (pledge.status != PledgeStatus.PENDING_PAYMENT) {
            return;
        }
        pledge.checkoutUrl = null;
        if ("subscription".equals(session.path("mode").asText())) {
            pledge.stripeSubscriptionId = session.path("subscription").asText(null);
            sync(pledge);
        } else {
            // A one-off gift: paid now, supporter for a year.
            Instant now = clock.instant();
            pledge.status = PledgeStatus.ACTIVE;
            pledge.currentPeriodEnd = BillingInterval.YEAR.periodEnd(now);
            pledge.paymentDueAt = null;
            pledge.updatedAt = now;
            receipt(pledge, session.path("amount_total").asLong(pledge.amount), now);
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

    private void invoicePaid(Pledge pledge, JsonNode invoice) {
        sync(pledge);
        receipt(pledge, invoice.path("amount_paid").asLong(pledge.amount), clock.instant());
    }

    private void paymentFailed(Pledge pledge) {
        sync(pledge);
        if (pledge.status == PledgeStatus.PAST_DUE) {
            mails.paymentFailed(pledge, SupportTier.findById(pledge.tierId), Contact.findById(pledge.contactId));
        }
    }

    /** Takes the subscription's state as Stripe holds it now: status, paid period and pending cancellation. */
    private void sync(Pledge pledge) {
        if (pledge.stripeSubscriptionId == null) {
            return;
        }
        JsonNode subscription = gateway.subscription(pledge.stripeSubscriptionId);
        Instant now = clock.instant();
        switch (subscription.path("status").asText()) {
            case "active", "trialing" -> pledge.status = PledgeStatus.ACTIVE;
            case "past_due", "unpaid" -> pledge.status = PledgeStatus.PAST_DUE;
            case "canceled", "incomplete_expired" -> {
                if (pledge.status != PledgeStatus.CANCELLED) {
                    pledge.status = PledgeStatus.CANCELLED;
                    pledge.cancelledAt = now;
                }
            }
            default -> { }
        }
        long periodEnd = subscription.path("current_period_end").asLong(
                subscription.path("items").path("data").path(0).path("current_period_end").asLong(0));
        if (periodEnd > 0) {
            pledge.currentPeriodEnd = Instant.ofEpochSecond(periodEnd);
        }
        pledge.cancelAtPeriodEnd = subscription.path("cancel_at_period_end").asBoolean(false);
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

    private static Optional<Pledge> pledge(String publicId) {
        if (publicId == null) {
            return Optional.empty();
        }
        try {
            return Pledge.<Pledge>find("publicId", UUID.fromString(publicId))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The pledge of a subscription; an invoice may arrive before the checkout that links them, so ask Stripe. */
    private Optional<Pledge> bySubscription(String subscriptionId) {
        if (subscriptionId == null) {
            return Optional.empty();
        }
        Optional<Pledge> linked = Pledge.<Pledge>find("stripeSubscriptionId", subscriptionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (linked.isPresent()) {
            return linked;
        }
        String pledgeId = gateway.subscription(subscriptionId).path("metadata").path("pledge").asText(null);
        Optional<Pledge> pledge = pledge(pledgeId);
        pledge.ifPresent(p -> p.stripeSubscriptionId = subscriptionId);
        return pledge;
    }
}
