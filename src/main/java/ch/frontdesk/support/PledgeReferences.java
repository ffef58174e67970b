package ch.frontdesk.support;

import ch.frontdesk.common.Money;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.payment.PaymentReferences;
import ch.frontdesk.payment.ReferencedPayment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Pledges by the reference their supporters write on a bank transfer. */
@ApplicationScoped
class PledgeReferences implements PaymentReferences {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReferencedPayment> find(String reference) {
        return Pledge.<Pledge>find("paymentReference", reference).firstResultOptional().map(pledge -> {
            Contact supporter = Contact.findById(pledge.contactId);
            return new ReferencedPayment("pledge", pledge.publicId, pledge.status.json(),
                    Money.of(pledge.amount, pledge.currency), supporter.email, supporter.name,
                    pledge.paymentMethod);
        });
    }
}
