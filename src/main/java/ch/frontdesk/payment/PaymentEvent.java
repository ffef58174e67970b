package ch.frontdesk.payment;

import java.util.Map;

/**
 * What the payment provider tells us, in our own terms: {@code payment/} maps each provider event it understands
 * to one of these, so features never read a provider's field names. Features observe it synchronously, inside
 * the transaction that records the event as handled, so an event either leaves its whole effect or none; nothing
 * in that transaction calls the provider (see {@link PaymentEventReceived} for what must).
 *
 * <p>{@code metadata} is what we put on the checkout ({@code pledge}, {@code order}); a {@link Subscription} is read
 * from the provider just before the transaction, since events come late and out of order.
 */
public sealed interface PaymentEvent {

    /** The provider's id of the event, unique per event. */
    String eventId();

    /**
     * A checkout was finished. {@code paid} is false while a delayed payment method has not yet brought the money.
     *
     * @param subscription the subscription it started, or null for a one-off payment
     * @param paymentId    the payment to refund, for a one-off payment
     * @param amount       the amount charged, in minor units
     */
    record CheckoutCompleted(String eventId, String checkoutId, boolean paid, Subscription subscription,
            String paymentId, long amount, Map<String, String> metadata) implements PaymentEvent {
    }

    /** A checkout was not paid in time and can no longer be paid. */
    record CheckoutExpired(String eventId, String checkoutId, Map<String, String> metadata) implements PaymentEvent {
    }

    /**
     * A subscription's invoice was paid (its first one too).
     *
     * @param paymentId the payment to refund, null when the invoice cost nothing
     */
    record InvoicePaid(String eventId, Subscription subscription, String paymentId, long amount)
            implements PaymentEvent {
    }

    /** A subscription's renewal could not be charged. */
    record InvoicePaymentFailed(String eventId, Subscription subscription) implements PaymentEvent {
    }

    /** A subscription changed (renewed, scheduled to end, ended). */
    record SubscriptionChanged(String eventId, Subscription subscription) implements PaymentEvent {
    }

    /**
     * A payment was refunded, by us or from the provider's dashboard.
     *
     * @param full     whether all of it is refunded now (a partial refund leaves part of the payment standing)
     * @param metadata what we put on the payment's checkout: a refund may arrive before the checkout's completion
     *                 has told us which payment it took, and this still finds the order
     */
    record Refunded(String eventId, String paymentId, boolean full, Map<String, String> metadata)
            implements PaymentEvent {
    }

    /** The payer disputed a payment with their bank (a chargeback); the money is held until it is decided. */
    record Disputed(String eventId, String paymentId) implements PaymentEvent {
    }
}
