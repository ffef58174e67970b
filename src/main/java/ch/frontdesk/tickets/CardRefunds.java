package ch.frontdesk.tickets;

import ch.frontdesk.payment.PaymentGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.UUID;

/**
 * Card refunds of ticket orders, always in three steps: a transaction marks the order ({@code refundRequestedAt}),
 * Stripe is called outside any transaction, and another transaction records the outcome. So no row lock is held
 * while Stripe answers, and a crash or a Stripe failure between the steps leaves a marked order that a retry (or
 * Stripe's {@code charge.refunded}) completes. The idempotency key makes a retried refund return the money once.
 */
@ApplicationScoped
class CardRefunds {

    private final PaymentGateway gateway;
    private final TransactionManager transactions;

    CardRefunds(PaymentGateway gateway, TransactionManager transactions) {
        this.gateway = gateway;
        this.transactions = transactions;
    }

    /** A refund the order is marked for, with the key Stripe recognises a retry by. */
    record RefundDue(UUID order, String paymentIntent, String idempotencyKey) {

        /** The refund of a paid order being cancelled, or of a payment that came after the order lapsed. */
        static RefundDue of(TicketOrder order) {
            String why = order.status == OrderStatus.CONFIRMED ? "order" : "late";
            return new RefundDue(order.publicId, order.stripePaymentIntent,
                    "frontdesk-refund-" + why + "-" + order.publicId);
        }
    }

    /** Asks Stripe for the refund; a failure is a 502 problem and leaves the order marked for a retry. */
    void refund(RefundDue due) {
        if (inTransaction()) {
            throw new IllegalStateException("A refund must not be requested inside a database transaction");
        }
        gateway.refund(due.paymentIntent(), due.idempotencyKey());
    }

    /** Active or about to roll back; a transaction that has just committed (after-success observers) holds no lock. */
    private boolean inTransaction() {
        try {
            int status = transactions.getStatus();
            return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
