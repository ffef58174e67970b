package ch.frontdesk.payment;

import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.codecrete.qrbill.generator.Bill;
import net.codecrete.qrbill.generator.Payments;
import org.junit.jupiter.api.Test;

/**
 * Every invoice email carries the invoice as a PDF with a QR-bill, and the reference a bank transfer arrives with
 * (the bill's RF or QR form) leads the admin to the order or pledge.
 */
@QuarkusTest
class InvoiceMailTest extends FrontdeskTest {

    @Test
    void anInvoiceOrdersEmailCarriesAQrBillForItsTotalWhoseReferenceFindsTheOrder() throws Exception {
        createEvent();
        createType("conference", 100, null);
        Map<String, Object> body = order("conference", 2, "buyer@example.org");
        body.put("buyer", Map.of("email", "buyer@example.org", "name", "Grace Hopper"));
        var placed = place(body).then().statusCode(201).extract();
        String id = placed.path("id");
        String reference = placed.path("paymentReference");

        List<Mail> mails = deliverTo("buyer@example.org");
        assertThat(mails).hasSize(1);
        byte[] pdf = InvoiceReader.pdfAttachment(mails.get(0), "invoice-" + reference + ".pdf");

        // Two early-bird tickets at CHF 300, to the tickets account configured in application.properties.
        assertThat(InvoiceReader.text(pdf)).contains("Invoice", "AMLD Intelligence Summit", "Station 5",
                "1015 Lausanne", "Grace Hopper", "buyer@example.org", "Tickets for AMLD Intelligence Summit 2027",
                "Attendee 0", "Attendee 1", "Pass conference", "CHF 300.00", "CHF 600.00", reference,
                "20 January 2026");
        Bill bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAccount()).isEqualTo("CH9300762011623852957");
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("600.00"));
        assertThat(bill.getCurrency()).isEqualTo("CHF");
        assertThat(bill.getCreditor().getName()).isEqualTo("AMLD Intelligence Summit");
        assertThat(bill.getReference()).isEqualTo("RF" + bill.getReference().substring(2, 4)
                + reference.replace("-", ""));
        assertThat(bill.getUnstructuredMessage()).contains(reference);

        // The bank statement shows the bill's reference: as the bill carries it, or as printed in groups of four.
        String printed = bill.getReference().replaceAll("(.{4})", "$1 ").strip().toLowerCase(Locale.ROOT);
        for (String typed : List.of(bill.getReference(), printed)) {
            lookUp(typed).body("kind", equalTo("order")).body("id", equalTo(id))
                    .body("amount.amount", equalTo(60000));
        }
        // Had the account been a QR-IBAN, the bill would carry the 27-digit QR reference: it leads there too.
        String qr = Payments.formatQRReferenceNumber(BillReference.qrReference(reference).orElseThrow());
        lookUp(qr).body("kind", equalTo("order")).body("id", equalTo(id));
    }

    @Test
    void theNamesOnTheInvoiceToAnUnconfirmedAddressAreCleanedAsInTheMail() throws Exception {
        createEvent();
        createType("conference", 100, null);
        Map<String, Object> body = order("conference", 1, "buyer@example.org");
        body.put("buyer", Map.of("email", "buyer@example.org", "name", "Grace visit evil.example now"));
        String reference = place(body).then().statusCode(201).extract().path("paymentReference");

        String text = InvoiceReader.text(
                InvoiceReader.pdfAttachment(deliverTo("buyer@example.org").get(0), "invoice-" + reference + ".pdf"));
        assertThat(text).contains("Grace visit now").doesNotContain("evil.example");
    }

    @Test
    void anInvoicePledgesEmailCarriesAQrBillWhoseQrReferenceFindsThePledge() throws Exception {
        admin().body(Map.of("code", "reader", "name", "Reader", "price", Map.of("amount", 500, "currency", "CHF"),
                        "interval", "month"))
                .post("/api/admin/support/tiers").then().statusCode(201);
        var pledged = given().contentType(ContentType.JSON).body(Map.of("tier", "reader", "email", "ada@example.org",
                        "name", "Ada Lovelace", "consent", true))
                .post("/api/support/pledges").then().statusCode(201).extract();
        String id = pledged.path("id");
        String reference = pledged.path("paymentReference");

        byte[] pdf = InvoiceReader.pdfAttachment(deliverTo("ada@example.org").get(0),
                "invoice-" + reference + ".pdf");
        assertThat(InvoiceReader.text(pdf)).contains("EPFL AI Center (Engineering Prompts support)",
                "Support for Engineering Prompts", "Reader", "monthly", "CHF 5.00", "Ada Lovelace", reference);
        Bill bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAccount()).isEqualTo("CH5604835012345678009");
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("5.00"));
        assertThat(bill.getCreditor().getName()).isEqualTo("EPFL AI Center (Engineering Prompts support)");
        assertThat(BillReference.canonical(bill.getReference())).contains(reference);

        lookUp(bill.getReference()).body("kind", equalTo("pledge")).body("id", equalTo(id));
        String qr = BillReference.qrReference(reference).orElseThrow();
        lookUp(Payments.formatQRReferenceNumber(qr)).body("kind", equalTo("pledge")).body("id", equalTo(id));
        lookUp(qr).body("kind", equalTo("pledge")).body("id", equalTo(id));
    }

    @Test
    void aBillReferenceWithAWrongCheckDigitFindsNothing() {
        String qr = BillReference.qrReference("FD-7KQ2M9XPRA").orElseThrow();
        String wrong = qr.substring(0, 26) + (char) ('0' + (qr.charAt(26) - '0' + 1) % 10);
        admin().queryParam("reference", wrong).get("/api/admin/payments").then().statusCode(404);
        admin().queryParam("reference", "RF00FD7KQ2M9XPRA").get("/api/admin/payments").then().statusCode(404);
    }

    @Test
    void theConfirmationOfAPaidOrderCarriesNoInvoice() throws Exception {
        createEvent();
        createType("conference", 100, null);
        String id = place(order("conference", 1, "buyer@example.org")).then().statusCode(201).extract().path("id");
        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);

        List<Mail> mails = deliverTo("buyer@example.org");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).contains("Your tickets");
        assertThat(mails.get(1).getAttachments()).noneMatch(a -> a.getContentType().startsWith("application/pdf"));
    }

    private static io.restassured.response.ValidatableResponse lookUp(String typed) {
        return admin().queryParam("reference", typed).get("/api/admin/payments").then().statusCode(200);
    }
}
