package ch.frontdesk.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Drives single steps of the outbox's lease, to stand for a sender that crashed half-way. */
@ApplicationScoped
class OutboxLeases {

    private final OutboxSender sender;

    OutboxLeases(OutboxSender sender) {
        this.sender = sender;
    }

    @Transactional
    OutboxSender.Delivery lease(long id) {
        return sender.lease(id);
    }

    @Transactional
    boolean stillLeased(OutboxSender.Delivery delivery) {
        return sender.stillLeased(delivery);
    }

    @Transactional
    String messageId(long id) {
        return sender.messageId(OutboxMessage.findById(id));
    }
}
