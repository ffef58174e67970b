package ch.frontdesk.tickets;

import ch.frontdesk.payment.PaymentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Card-paid ticket orders as the payment provider reports them. */
@ApplicationScoped
class TicketPayments {

    private final OrderService orders;

    TicketPayments(OrderService orders) {
        this.orders = orders;
    }

    void on(@Observes PaymentEvent event) {
        if (event instanceof PaymentEvent.CheckoutCompleted completed && completed.paid()) {
            order(completed.metadata()).ifPresent(id -> orders.cardPaid(id, completed.paymentId()));
        } else if (event instanceof PaymentEvent.CheckoutExpired expired) {
            order(expired.metadata()).ifPresent(orders::cardCheckoutExpired);
        } else if (event instanceof PaymentEvent.Refunded refunded && refunded.paymentId() != null && refunded.full()) {
            // A partial refund (a goodwill gesture) leaves the tickets valid; a full one voids them.
            orders.refunded(refunded.paymentId(), order(refunded.metadata()));
        } else if (event instanceof PaymentEvent.Disputed disputed && disputed.paymentId() != null) {
            orders.disputed(disputed.paymentId());
        }
    }

    private static Optional<UUID> order(Map<String, String> metadata) {
        String id = metadata.get("order");
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
