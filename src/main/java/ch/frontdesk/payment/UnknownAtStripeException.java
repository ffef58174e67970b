package ch.frontdesk.payment;

/**
 * Stripe answered {@code 404}: the object (a subscription, a session) does not exist in this Stripe account. To a
 * buyer this is a {@code 502} like any Stripe failure; a webhook event about such an object is ignored.
 */
public class UnknownAtStripeException extends PaymentProviderException {

    public UnknownAtStripeException(String what) {
        super(what + ": unknown to Stripe");
    }
}
