package ch.frontdesk.tickets;

import ch.frontdesk.payment.StripeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/** Card-paid ticket orders as Stripe reports them. */
@ApplicationScoped
class TicketPayments {

    private final OrderService orders;

    TicketPayments(OrderService orders) {
        this.orders = orders;
    }

    void on(@Observes StripeEvent event) {
        switch (event.type()) {
            case "checkout.session.completed" -> {
                if (paid(event)) {
                    order(event).ifPresent(id -> orders.cardPaid(id, event.object().path("payment_intent").asText(null)));
                }
            }
            case "checkout.session.expired" -> order(event).ifPresent(orders::cardCheckoutExpired);
            case "charge.refunded" -> {
                String paymentIntent = event.object().path("payment_intent").asText(null);
                if (paymentIntent != null) {
                    orders.refunded(paymentIntent);
                }
            }
            case "charge.dispute.created" -> orders.disputed(event.object().path("payment_intent").asText(null));
            default -> { }
        }
    }

    /** A completed checkout may still wait for a delayed payment method; only money received confirms. */
    static boolean paid(StripeEvent event) {
        String status = event.object().path("payment_status").asText("");
        return status.equals("paid") || status.equals("no_payment_required");
    }

    private static java.util.Optional<UUID> order(StripeEvent event) {
        String id = event.metadata("order");
        try {
            return id == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
