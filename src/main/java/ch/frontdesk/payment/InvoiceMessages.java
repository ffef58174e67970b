package ch.frontdesk.payment;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of an invoice PDF in English, French and German: {@code messages/invoice_en.properties},
 * {@code invoice_fr.properties} and {@code invoice_de.properties}. The bill's own part (receipt, payment part) is
 * worded by qrbill-generator in the same language.
 */
@MessageBundle(value = "invoice", locale = "en")
public interface InvoiceMessages {

    @Message
    String title();

    @Message
    String orderTitle(String subject);

    @Message
    String pledgeTitle(String subject);

    @Message
    String orderThanks();

    @Message
    String pledgeThanks(String subject);

    @Message
    String date();

    @Message
    String dueDate();

    @Message
    String reference();

    @Message
    String billedTo();

    @Message
    String description();

    @Message
    String amount();

    @Message
    String total();

    @Message
    String periodMonth();

    @Message
    String periodYear();

    @Message
    String periodOnce();

    @Message
    String moreTickets(int count);

    @Message
    String payBy(String due, String reference);

    @Message
    String payWithReference(String reference);

    @Message
    String scanHint();

    @Message
    String account();

    @Message
    String bank();

    @Message
    String orderMessage(String subject, String reference);

    @Message
    String pledgeMessage(String subject, String reference);
}
