package ch.frontdesk.payment;

import java.time.Instant;
import java.util.Map;

/**
 * Card payments, as the features need them. Every call carries an idempotency key derived from our own ids, so
 * a retried call never charges anybody twice. Failures are {@link PaymentProviderException}s.
 */
public interface PaymentGateway {

    /** Whether card payment is configured. */
    boolean available();

    /** A hosted checkout page for one payment ({@code interval} null) or a subscription (month or year). */
    Checkout startCheckout(CheckoutRequest request);

    /** The subscription as the provider holds it now; {@link UnknownAtStripeException} when it has none. */
    Subscription subscription(String subscriptionId);

    /** Ends the subscription when its paid period ends. */
    void cancelAtPeriodEnd(String subscriptionId, String idempotencyKey);

    /** Closes a checkout that was not paid, so it can no longer be paid. */
    void expireCheckout(String sessionId, String idempotencyKey);

    /** Ends the subscription now: no further payment is attempted. */
    void cancelNow(String subscriptionId, String idempotencyKey);

    /** Deletes the customer at the provider, with the name and address it holds (and ends its subscriptions). */
    void deleteCustomer(String customerId);

    /** Refunds a payment in full. */
    void refund(String paymentIntentId, String idempotencyKey);

    record Checkout(String id, String url) {
    }

    /**
     * @param idempotencyKey derived from our id of what is paid
     * @param metadata       carried back by every webhook about this checkout
     */
    record CheckoutRequest(String idempotencyKey, long contactId, String email, String name, String description,
            long amount, String currency, String interval, Instant expiresAt, String successUrl, String cancelUrl,
            Map<String, String> metadata) {
    }
}
