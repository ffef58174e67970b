package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.payment.InvoiceReader;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reminder before an invoice order's hold lapses carries the invoice again, QR-bill and all. */
@QuarkusTest
class InvoiceReminderPdfTest extends FrontdeskTest {

    @Inject
    OrderExpiry expiry;

    @Test
    void theReminderCarriesTheSameInvoiceWithItsQrBill() throws Exception {
        createEvent();
        createType("conference", 100, null);
        String reference = place(order("conference", 2, "buyer@example.org")).then().statusCode(201).extract()
                .path("paymentReference");
        clock.advance(Duration.ofDays(3)); // the hold lasts five days; the reminder goes two days before its end
        assertThat(expiry.remindDue()).isEqualTo(1);

        List<Mail> mails = deliverTo("buyer@example.org");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).contains("Reminder");
        byte[] pdf = InvoiceReader.pdfAttachment(mails.get(1), "invoice-" + reference + ".pdf");
        assertThat(InvoiceReader.text(pdf)).contains("Attendee 0", "Attendee 1", "CHF 600.00", reference);
        var bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("600.00"));
        assertThat(bill.getReference()).endsWith(reference.replace("-", ""));
    }
}
