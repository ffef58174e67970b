package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.tickets.CardRefunds.RefundDue;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Cancelling an order, by its buyer (until the deadline) or by the admin. An unpaid or invoice-paid order is
 * cancelled in one transaction. A card-paid one is refunded first, outside any transaction ({@link CardRefunds}),
 * and cancelled only once Stripe has given the money back: if Stripe fails, the order stays confirmed with its
 * tickets, the caller gets a problem, and cancelling again completes it.
 */
@ApplicationScoped
class OrderCancellation {

    private final OrderAccess access;
    private final OrderRelease release;
    private final CardRefunds refunds;
    private final TicketMails mails;
    private final TicketsConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    OrderCancellation(OrderAccess access, OrderRelease release, CardRefunds refunds, TicketMails mails,
            TicketsConfig config, Clock clock, MeterRegistry metrics) {
        this.access = access;
        this.release = release;
        this.refunds = refunds;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What the first transaction decided: the answer, or a refund to ask Stripe for before finishing. */
    private record Start(OrderView view, RefundDue refund) {
    }

    OrderView byBuyer(UUID id, String token) {
        return cancel(() -> access.authorize(id, token, true), true);
    }

    OrderView byAdmin(UUID id) {
        return cancel(() -> OrderFulfilment.lockByPublicId(id), false);
    }

    private OrderView cancel(Supplier<TicketOrder> lockedOrder, boolean byBuyer) {
        Start start = QuarkusTransaction.requiringNew().call(() -> start(lockedOrder.get(), byBuyer));
        if (start.refund() == null) {
            return start.view();
        }
        refunds.refund(start.refund());
        return QuarkusTransaction.requiringNew().call(() -> refunded(start.refund().order()));
    }

    private Start start(TicketOrder order, boolean byBuyer) {
        boolean retry = order.refundRequestedAt != null;
        if (byBuyer && !retry && order.status != OrderStatus.CANCELLED) {
            checkDeadline(Event.findById(order.eventId));
        }
        if (order.refundDue()) {
            if (!retry) {
                order.refundRequestedAt = clock.instant();
            }
            return new Start(null, RefundDue.of(order));
        }
        if (order.status == OrderStatus.EXPIRED) {
            throw ProblemException.conflict("not-cancellable", "Not cancellable", "The order has expired.");
        }
        if (order.status != OrderStatus.CANCELLED) {
            cancelNow(order);
        }
        return new Start(OrderViews.view(order), null);
    }

    private void checkDeadline(Event event) {
        Instant deadline = event.startsAt().minus(config.cancellationDeadline());
        if (!clock.instant().isBefore(deadline)) {
            throw ProblemException.conflict("cancellation-closed", "Cancellation closed",
                    "Orders can be cancelled until " + deadline + ".");
        }
    }

    /** Stripe gave the money back: record it, and finish the cancellation it was for (if not done meanwhile). */
    private OrderView refunded(UUID id) {
        TicketOrder order = OrderFulfilment.lockByPublicId(id);
        recordRefund(order);
        return OrderViews.view(order);
    }

    /**
     * Stripe reports a refund ({@code charge.refunded}), made here or in Stripe's dashboard. A cancellation
     * started here whose outcome was never recorded (Stripe failed to answer, the process died) completes now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void refundReported(String paymentIntent, Optional<UUID> orderOfPayment) {
        Optional<TicketOrder> paid = byPaymentIntent(paymentIntent);
        if (paid.isPresent()) {
            recordRefund(paid.get());
        } else {
            orderOfPayment.map(OrderCancellation::lockByPublicId).ifPresent(order -> refundBeforeCompletion(order,
                    paymentIntent));
        }
    }

    /**
     * Stripe delivers events in no particular order: the refund of a payment can arrive before the completion of the
     * checkout that took it. The money is back with the buyer, so the order must not be confirmed by the completion
     * when it comes ({@link OrderCheckout#paid} sees {@code refundedAt}): an unpaid order is cancelled now, its
     * seats freed; one that expired meanwhile stays expired, and the late completion refunds nothing more.
     */
    private void refundBeforeCompletion(TicketOrder order, String paymentIntent) {
        if (order.stripePaymentIntent != null) {
            return; // paid with another payment, which is still standing
        }
        order.stripePaymentIntent = paymentIntent;
        order.refundedAt = clock.instant();
        if (order.status == OrderStatus.PENDING_PAYMENT) {
            cancelNow(order);
        }
    }

    private static TicketOrder lockByPublicId(UUID id) {
        return TicketOrder.<TicketOrder>find("publicId", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Stripe reports a dispute ({@code charge.dispute.created}): the card holder contests the payment, so its tickets
     * let nobody in. The order and its seats stay as they are for the admin to settle, as the dispute may be won.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void disputeReported(String paymentIntent) {
        byPaymentIntent(paymentIntent).ifPresent(order -> {
            voidTickets(order, Ticket.DISPUTED);
            metrics.counter("frontdesk.tickets.orders.disputed").increment();
        });
    }

    private static Optional<TicketOrder> byPaymentIntent(String paymentIntent) {
        if (paymentIntent == null) {
            return Optional.empty();
        }
        return TicketOrder.<TicketOrder>find("stripePaymentIntent", paymentIntent)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The money is back with the buyer, however it got there: the tickets are void from now. */
    private void recordRefund(TicketOrder order) {
        if (order.refundedAt == null) {
            order.refundedAt = clock.instant();
        }
        voidTickets(order, Ticket.REFUNDED);
        if (order.refundRequestedAt != null && order.status == OrderStatus.CONFIRMED) {
            cancelNow(order);
        }
    }

    /** Voids the order's tickets that are not void yet; the first reason and time stay. */
    private void voidTickets(TicketOrder order, String reason) {
        Instant now = clock.instant();
        for (Ticket ticket : OrderViews.tickets(order)) {
            if (ticket.voidedAt == null) {
                ticket.voidedAt = now;
                ticket.voidReason = reason;
            }
        }
    }

    /** Seats and voucher uses back, the buyer told, the waiting list served. */
    private void cancelNow(TicketOrder order) {
        Instant now = clock.instant();
        List<Ticket> tickets = OrderViews.tickets(order);
        release.release(order, tickets, now);
        order.status = OrderStatus.CANCELLED;
        order.cancelledAt = now;
        order.updatedAt = now;
        mails.orderCancelled(order, Event.findById(order.eventId), Contact.findById(order.buyerId));
        metrics.counter("frontdesk.tickets.orders.cancelled").increment();
        release.offerToWaitlist(tickets);
    }
}
