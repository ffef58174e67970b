package ch.frontdesk.payment;

/**
 * Fired outside any transaction, before a {@link PaymentEvent} is recorded: the one moment where a feature may call
 * the provider because of an event (giving back money it must not keep) without holding a lock or a connection while
 * the provider answers. Observers must only call the provider, with idempotency keys (the provider may deliver the
 * event again), and record what they did in a transaction of their own. If such a call fails, the webhook answers
 * {@code 500}, the event is not recorded, and the provider sends it again.
 */
public record PaymentEventReceived(PaymentEvent event) {
}
