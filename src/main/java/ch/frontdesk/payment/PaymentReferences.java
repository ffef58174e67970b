package ch.frontdesk.payment;

import java.util.Optional;

/**
 * Something paid by bank transfer under a reference: ticket orders and pledges each implement this, so the admin's
 * reference lookup asks every feature without {@code payment/} knowing any of them.
 */
public interface PaymentReferences {

    /** The order or pledge issued with {@code reference}, given in its canonical form ({@code FD-7KQ2M9XPRA}). */
    Optional<ReferencedPayment> find(String reference);
}
