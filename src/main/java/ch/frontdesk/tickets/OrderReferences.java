package ch.frontdesk.tickets;

import ch.frontdesk.common.Money;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.payment.PaymentReferences;
import ch.frontdesk.payment.ReferencedPayment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Ticket orders by the reference their buyers write on a bank transfer. */
@ApplicationScoped
class OrderReferences implements PaymentReferences {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReferencedPayment> find(String reference) {
        return TicketOrder.<TicketOrder>find("paymentReference", reference).firstResultOptional().map(order -> {
            Contact buyer = Contact.findById(order.buyerId);
            return new ReferencedPayment("order", order.publicId, order.status.json(),
                    Money.of(order.totalAmount, order.currency), buyer.email, order.buyerName,
                    order.paymentMethod);
        });
    }
}
