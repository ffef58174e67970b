package ch.frontdesk.payment;

import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.common.Language;
import ch.frontdesk.common.Money;
import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.codecrete.qrbill.generator.Bill;
import org.junit.jupiter.api.Test;

/**
 * An invoice is not rendered in the request that queues its mail: the outbox holds what to render, and the sender
 * renders it, with the date it was issued and the amounts and reference a banking app reads from its QR-bill.
 */
@QuarkusTest
class DeferredInvoiceTest extends FrontdeskTest {

    @Inject
    InvoicePdf invoices;

    @Test
    void theSpecRoundTripsEveryKindOfValueAnInvoiceHolds() {
        var invoice = new InvoiceDocument(InvoiceDocument.Kind.PLEDGE, Language.FR, InvoicePdfTest.QR_IBAN,
                "Engineering Prompts", "EP-ABCDEFGHJK", "Zoë «Ada» O'Brien \"\\ 🎟", "ada@example.org",
                List.of(InvoiceDocument.Line.pledge("Patron", InvoiceDocument.Period.YEAR, Money.of(123450, "EUR")),
                        InvoiceDocument.Line.ticket("Grace Hopper", "Workshop day", Money.of(0, "EUR"))),
                Money.of(123450, "EUR"), Instant.parse("2026-02-10T08:00:00.123456789Z"),
                ZoneId.of("America/New_York"));
        var spec = new InvoicePdf.Spec(Instant.parse("2026-01-15T09:00:00.000000001Z"), invoice);

        String json = invoices.spec(spec);

        assertThat(invoices.spec(json)).isEqualTo(spec);
        // Readable in the outbox: names, not numbers, for the enums, the zone and the instants.
        assertThat(json).contains("\"kind\":\"PLEDGE\"", "\"language\":\"FR\"", "\"period\":\"YEAR\"",
                "\"zone\":\"America/New_York\"", "\"issuedAt\":\"2026-01-15T09:00:00.000000001Z\"",
                "\"houseNumber\":null");

        var withoutDueDate = new InvoicePdf.Spec(MutableClock.START, new InvoiceDocument(InvoiceDocument.Kind.ORDER,
                Language.DE, InvoicePdfTest.PLAIN, "AMLD Intelligence Summit 2027", "FD-7KQ2M9XPRA", "Ada",
                "ada@example.org", InvoicePdfTest.twoTickets(), Money.of(139000, "CHF"), null, ZoneId.of("UTC")));
        assertThat(invoices.spec(invoices.spec(withoutDueDate))).isEqualTo(withoutDueDate);
    }

    @Test
    void aSpecThatCannotBeReadFailsWithoutQuotingWhatItHolds() {
        assertThatThrownBy(() -> invoices.render("{\"issuedAt\": \"2026-01-15T09:00:00Z\","
                + " \"invoice\": {\"payerName\": \"Ada Lovelace\", \"payerEmail\": \"ada@example.org\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not an invoice spec")
                .hasMessageNotContaining("Ada").hasMessageNotContaining("ada@example.org");
        assertThatThrownBy(() -> invoices.render("{\"issuedAt\": \"Ada Lovelace"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Ada");
    }

    @Test
    void theOrderRequestStoresNoPdfAndTheMailSentLaterCarriesTheInvoiceOfTheDayItWasPlaced() throws Exception {
        createEvent();
        createType("conference", 100, null);
        Map<String, Object> body = order("conference", 2, "buyer@example.org");
        body.put("buyer", Map.of("email", "buyer@example.org", "name", "Grace Hopper"));
        String reference = place(body).then().statusCode(201).extract().path("paymentReference");

        assertThat(database.count("select count(*) from outbox_attachment where content is not null")).isZero();
        assertThat(database.count("""
                select count(*) from outbox_attachment a join outbox_message m on m.id = a.message_id
                where m.kind = 'tickets.order-received' and a.file_name = ?1 and a.content_type = 'application/pdf'
                  and a.content is null and a.renderer = 'invoice-pdf' and a.spec -> 'invoice' ->> 'reference' = ?2
                  and a.spec -> 'invoice' -> 'total' ->> 'amount' = '60000'""", "invoice-" + reference + ".pdf",
                reference)).isEqualTo(1);

        // Sent the next day (a retry, say): the invoice is still dated the day of the order.
        clock.advance(Duration.ofDays(1));
        byte[] pdf = InvoiceReader.pdfAttachment(deliverTo("buyer@example.org").get(0),
                "invoice-" + reference + ".pdf");

        Bill bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("600.00"));
        assertThat(bill.getCurrency()).isEqualTo("CHF");
        assertThat(bill.getReference()).isEqualTo("RF" + bill.getReference().substring(2, 4)
                + reference.replace("-", ""));
        assertThat(InvoiceReader.text(pdf)).contains("Grace Hopper", "Attendee 0", "Attendee 1", reference,
                "15 January 2026").doesNotContain("16 January 2026");
        assertThat(database.count("select count(*) from outbox_attachment")).isZero();
    }

    @Test
    void anAttendeeErasedBeforeTheBuyersInvoiceIsRenderedIsNotNamedOnIt() throws Exception {
        createEvent();
        createType("conference", 100, null);
        Map<String, Object> body = order("conference", 2, "buyer@example.org");
        body.put("tickets", List.of(
                Map.of("type", "conference", "attendee", Map.of("name", "Grace Hopper", "email", "grace@example.org")),
                Map.of("type", "conference", "attendee", Map.of("name", "Alan Turing", "email", "alan@example.org"))));
        String reference = place(body).then().statusCode(201).extract().path("paymentReference");

        admin().body("{}").delete("/api/admin/contacts/grace@example.org").then().statusCode(204);

        assertThat(database.count("select count(*) from outbox_attachment where spec::text like '%Grace Hopper%'"))
                .isZero();
        byte[] pdf = InvoiceReader.pdfAttachment(deliverTo("buyer@example.org").get(0),
                "invoice-" + reference + ".pdf");
        assertThat(InvoiceReader.text(pdf)).contains("erased", "Alan Turing", reference)
                .doesNotContain("Grace Hopper");
        assertThat(InvoiceReader.bill(pdf).getAmount()).isEqualByComparingTo(new BigDecimal("600.00"));
    }
}
