package ch.frontdesk.tickets;

import ch.frontdesk.common.AccessToken;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.payment.PaymentGateway.Checkout;
import ch.frontdesk.payment.PaymentGateway.CheckoutRequest;
import ch.frontdesk.tickets.CardRefunds.RefundDue;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Paying an order by card through Stripe Checkout: the checkout is started outside any transaction once the seats
 * are held, the payment link attached (or the order undone when Stripe fails), and Stripe's reports applied.
 */
@ApplicationScoped
class OrderCheckout {

    private static final Logger LOG = Logger.getLogger(OrderCheckout.class);

    private final PaymentGateway gateway;
    private final OrderFulfilment fulfilment;
    private final OrderExpiry expiry;
    private final OrderRelease release;
    private final OrderAccess access;
    private final CardRefunds refunds;
    private final Waitlist waitlist;
    private final Idempotency idempotency;
    private final FrontdeskConfig frontdesk;
    private final Event<LatePayment> latePayments;
    private final Clock clock;

    OrderCheckout(PaymentGateway gateway, OrderFulfilment fulfilment, OrderExpiry expiry, OrderRelease release,
            OrderAccess access, CardRefunds refunds, Waitlist waitlist, Idempotency idempotency,
            FrontdeskConfig frontdesk, Event<LatePayment> latePayments, Clock clock) {
        this.gateway = gateway;
        this.fulfilment = fulfilment;
        this.expiry = expiry;
        this.release = release;
        this.access = access;
        this.refunds = refunds;
        this.waitlist = waitlist;
        this.idempotency = idempotency;
        this.frontdesk = frontdesk;
        this.latePayments = latePayments;
        this.clock = clock;
    }

    /** What Stripe Checkout needs for a held card order: back to the order page when paid, to the shop if not. */
    CheckoutRequest request(TicketOrder order, ch.frontdesk.tickets.Event event, Contact buyer, int tickets) {
        return new CheckoutRequest("frontdesk-order-" + order.publicId, buyer.id, buyer.email, order.buyerName,
                event.name + ": " + tickets + " ticket(s)", order.totalAmount, order.currency, null,
                order.expiresAt, access.link(order), frontdesk.link("/events/" + event.slug),
                Map.of("order", order.publicId.toString()));
    }

    /** Starts the checkout outside any transaction; if Stripe fails, the order never happened. */
    OrderView start(OrderView held, CheckoutRequest request, String idempotencyScope, String idempotencyKey) {
        Checkout checkout;
        try {
            checkout = gateway.startCheckout(request);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> undo(held.id(), idempotencyScope, idempotencyKey));
            throw e;
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> attach(held.id(), checkout, idempotencyScope, idempotencyKey));
    }

    /** Stripe could not start the checkout: the order is deleted, its seats and voucher uses are free again. */
    private void undo(UUID id, String idempotencyScope, String idempotencyKey) {
        TicketOrder order = OrderFulfilment.lockByPublicId(id);
        List<Ticket> tickets = OrderViews.tickets(order);
        release.release(order, tickets, clock.instant());
        if (order.waitlistEntryId != null) {
            waitlist.backInLine(order.waitlistEntryId);
        }
        for (Ticket ticket : tickets) {
            ticket.delete();
        }
        AccessToken.delete("purpose = ?1 and subjectId = ?2", TokenPurpose.ORDER_ACCESS, order.id);
        order.delete();
        if (idempotencyKey != null) {
            idempotency.release(idempotencyScope, idempotencyKey);
        }
    }

    private OrderView attach(UUID id, Checkout checkout, String idempotencyScope, String idempotencyKey) {
        TicketOrder order = OrderFulfilment.lockByPublicId(id);
        order.stripeCheckoutSessionId = checkout.id();
        order.checkoutUrl = checkout.url();
        OrderView view = OrderViews.view(order, ch.frontdesk.tickets.Event.findById(order.eventId),
                OrderViews.tickets(order), false);
        if (idempotencyKey != null) {
            idempotency.complete(idempotencyScope, idempotencyKey, 201, view);
        }
        return view;
    }

    /** Stripe reports a completed card checkout: the order is confirmed, or refunded if the money came too late. */
    @Transactional(Transactional.TxType.MANDATORY)
    void paid(UUID id, String paymentIntent) {
        TicketOrder order = lock(id);
        if (order == null || order.status == OrderStatus.CONFIRMED) {
            return;
        }
        if (order.refundedAt != null) {
            return; // the refund of this payment overtook its completion: the money is already back
        }
        order.stripePaymentIntent = paymentIntent;
        if (order.status == OrderStatus.PENDING_PAYMENT) {
            fulfilment.confirm(order);
        } else if (paymentIntent != null && order.refundRequestedAt == null) {
            // Paid after the hold ran out: the seats may be gone, so the money goes back, once this
            // webhook's transaction has committed, so that no lock is held while Stripe answers.
            order.refundRequestedAt = clock.instant();
            latePayments.fire(new LatePayment(RefundDue.of(order)));
        }
    }

    /** Stripe reports the checkout expired unpaid: the order expires now rather than at the next job run. */
    @Transactional(Transactional.TxType.MANDATORY)
    void expired(UUID id) {
        TicketOrder order = lock(id);
        if (order != null && order.status == OrderStatus.PENDING_PAYMENT) {
            expiry.expire(order);
        }
    }

    /** A payment that came too late, to refund once the transaction that noticed it has committed. */
    record LatePayment(RefundDue refund) {
    }

    /**
     * Refunds a late payment after the webhook's transaction. If Stripe fails, the order stays marked: the admin's
     * cancel retries the refund, and Stripe's charge.refunded records it if it went through after all.
     */
    void refundLatePayment(@Observes(during = TransactionPhase.AFTER_SUCCESS) LatePayment late) {
        try {
            refunds.refund(late.refund());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Refunding the late payment of order %s failed; cancelling it again retries",
                    late.refund().order());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            TicketOrder order = OrderFulfilment.lockByPublicId(late.refund().order());
            if (order.refundedAt == null) {
                order.refundedAt = clock.instant();
            }
        });
    }

    private static TicketOrder lock(UUID id) {
        return TicketOrder.<TicketOrder>find("publicId", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
