package ch.frontdesk.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.payment.InvoiceReader;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A renewal invoice carries the invoice PDF with a QR-bill for the next period, as the first one did. */
@QuarkusTest
class RenewalInvoicePdfTest extends FrontdeskTest {

    @Inject
    SupportJobs jobs;

    @Test
    void theRenewalInvoiceCarriesAQrBillForTheNextPeriod() throws Exception {
        var admin = given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
        admin.body(Map.of("code", "patron", "name", "Patron", "price", Map.of("amount", 10000, "currency", "CHF"),
                "interval", "year")).post("/api/admin/support/tiers").then().statusCode(201);
        var pledged = given().contentType(ContentType.JSON).body(Map.of("tier", "patron", "email", "ada@example.org",
                "name", "Ada Lovelace", "consent", true)).post("/api/support/pledges").then().statusCode(201).extract();
        String reference = pledged.path("paymentReference");
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON)
                .post("/api/admin/pledges/" + pledged.path("id") + "/mark-paid").then().statusCode(200);

        clock.set(Instant.parse("2027-01-15T09:00:00Z"));
        jobs.runCalendar();

        List<Mail> mails = deliverTo("ada@example.org");
        Mail renewal = mails.get(mails.size() - 1);
        assertThat(renewal.getSubject()).contains("Renewing");
        byte[] pdf = InvoiceReader.pdfAttachment(renewal, "invoice-" + reference + ".pdf");
        assertThat(InvoiceReader.text(pdf)).contains("Support for Engineering Prompts", "Patron", "yearly",
                "CHF 100.00", "15 January 2027");
        var bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("100.00"));
        assertThat(bill.getReference()).endsWith(reference.replace("-", ""));
    }
}
