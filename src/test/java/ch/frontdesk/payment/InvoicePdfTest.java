package ch.frontdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.common.Language;
import ch.frontdesk.common.Money;
import ch.frontdesk.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import net.codecrete.qrbill.generator.Bill;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invoices rendered and read back: the words a payer reads, and the QR code a banking app scans. */
@QuarkusTest
class InvoicePdfTest {

    static final BankDetails PLAIN = new BankDetails("AMLD Intelligence Summit", "CH93 0076 2011 6238 5295 7",
            "Example Bank, Lausanne", new BankDetails.PostalAddress("Station", "5", "1015", "Lausanne", "CH"));
    static final BankDetails QR_IBAN = new BankDetails("EPFL AI Center", "CH44 3199 9123 0008 8901 2",
            "Example Bank, Lausanne", new BankDetails.PostalAddress("Route Cantonale", null, "1015", "Lausanne", "CH"));
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Inject
    InvoicePdf invoices;
    @Inject
    MutableClock clock;

    @BeforeEach
    void atTheStart() {
        clock.reset(); // 15 January 2026
    }

    static InvoiceDocument order(Language language, BankDetails bank, String buyer, List<InvoiceDocument.Line> lines) {
        long total = lines.stream().mapToLong(l -> l.amount().amount()).sum();
        return new InvoiceDocument(InvoiceDocument.Kind.ORDER, language, bank, "AMLD Intelligence Summit 2027",
                "FD-7KQ2M9XPRA", buyer, "ada@example.org", lines, Money.of(total, "CHF"),
                MutableClock.START.plus(Duration.ofDays(5)), ZURICH);
    }

    static List<InvoiceDocument.Line> twoTickets() {
        return List.of(InvoiceDocument.Line.ticket("Ada Lovelace", "Conference pass", Money.of(99000, "CHF")),
                InvoiceDocument.Line.ticket("Grace Hopper", "Workshop day", Money.of(40000, "CHF")));
    }

    @Test
    void anEnglishInvoiceWithAPlainIbanCarriesTheCreditorReferenceOfTheOrder() throws Exception {
        byte[] pdf = invoices.render(order(Language.EN, PLAIN, "Ada Lovelace", twoTickets()));

        String text = text(pdf);
        assertThat(text).contains("Invoice", "AMLD Intelligence Summit", "Station 5", "1015 Lausanne",
                "Billed to", "Ada Lovelace", "ada@example.org", "Date", "15 January 2026", "Payable by",
                "20 January 2026", "Reference", "FD-7KQ2M9XPRA", "Tickets for AMLD Intelligence Summit 2027",
                "Grace Hopper", "Workshop day", "CHF 990.00", "CHF 400.00", "Total", "CHF 1,390.00",
                "Please pay the total by bank transfer by 20 January 2026, quoting the reference FD-7KQ2M9XPRA.",
                "CH93 0076 2011 6238 5295 7")
                // The payment part, worded by qrbill-generator in the same language.
                .contains("Receipt", "Payment part", "Account / Payable to", "RF94 FD7K Q2M9 XPRA");

        Bill bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAccount()).isEqualTo("CH9300762011623852957");
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("1390.00"));
        assertThat(bill.getCurrency()).isEqualTo("CHF");
        assertThat(bill.getReferenceType()).isEqualTo(Bill.REFERENCE_TYPE_CRED_REF);
        assertThat(bill.getReference()).isEqualTo("RF94FD7KQ2M9XPRA");
        assertThat(BillReference.canonical(bill.getReference())).contains("FD-7KQ2M9XPRA");
        assertThat(bill.getCreditor().getName()).isEqualTo("AMLD Intelligence Summit");
        assertThat(bill.getCreditor().getStreet()).isEqualTo("Station");
        assertThat(bill.getCreditor().getHouseNo()).isEqualTo("5");
        assertThat(bill.getCreditor().getPostalCode()).isEqualTo("1015");
        assertThat(bill.getCreditor().getTown()).isEqualTo("Lausanne");
        assertThat(bill.getCreditor().getCountryCode()).isEqualTo("CH");
        assertThat(bill.getUnstructuredMessage()).isEqualTo("AMLD Intelligence Summit 2027, order FD-7KQ2M9XPRA");

        // The README shows this one.
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(render(pdf, 110), "png", screenshots.resolve("invoice-en.png").toFile());
    }

    @Test
    void aFrenchInvoiceToAQrIbanCarriesTheQrReferenceThatLeadsBackToTheOrder() throws Exception {
        byte[] pdf = invoices.render(order(Language.FR, QR_IBAN, "Ada Lovelace", twoTickets()));

        String text = text(pdf);
        assertThat(text).contains("Facture", "Facturé à", "Payable jusqu'au", "20 janvier 2026", "Référence",
                "Billets pour AMLD Intelligence Summit 2027", "Désignation", "Montant", "990,00 CHF",
                "1 390,00 CHF", "Merci de payer le total par virement bancaire d'ici au 20 janvier 2026",
                "Route Cantonale", "Récépissé", "Section paiement");
        assertThat(text).doesNotContain("Invoice", "Payable by");

        Bill bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAccount()).isEqualTo("CH4431999123000889012");
        assertThat(bill.getReferenceType()).isEqualTo(Bill.REFERENCE_TYPE_QR_REF);
        assertThat(bill.getReference()).hasSize(27).containsOnlyDigits()
                .isEqualTo(BillReference.qrReference("FD-7KQ2M9XPRA").orElseThrow());
        assertThat(BillReference.canonical(bill.getReference())).contains("FD-7KQ2M9XPRA");
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("1390.00"));
        assertThat(bill.getCreditor().getName()).isEqualTo("EPFL AI Center");
        assertThat(bill.getCreditor().getHouseNo()).isNullOrEmpty();
        assertThat(bill.getUnstructuredMessage()).isEqualTo("AMLD Intelligence Summit 2027, commande FD-7KQ2M9XPRA");
    }

    @Test
    void aGermanPledgeInvoiceNamesTheTierAndItsIntervalAndMayBeInEuros() throws Exception {
        var pledge = new InvoiceDocument(InvoiceDocument.Kind.PLEDGE, Language.DE, PLAIN, "Engineering Prompts",
                "EP-ABCDEFGHJK", "Ada Lovelace", "ada@example.org",
                List.of(InvoiceDocument.Line.pledge("Patron", InvoiceDocument.Period.YEAR, Money.of(123450, "EUR"))),
                Money.of(123450, "EUR"), MutableClock.START.plus(Duration.ofDays(14)), ZURICH);
        byte[] pdf = invoices.render(pledge);

        assertThat(text(pdf)).contains("Rechnung", "Rechnung an", "Datum", "15. Januar 2026", "Zahlbar bis",
                "29. Januar 2026", "Unterstützung für Engineering Prompts", "Patron", "jährlich", "Betrag",
                "EUR 1’234.50", "Bitte überweisen Sie den Gesamtbetrag bis 29. Januar 2026 mit der Referenz EP-ABCDEFGHJK.",
                "Vielen Dank, dass Sie Engineering Prompts unterstützen.", "Empfangsschein", "Zahlteil");

        Bill bill = InvoiceReader.bill(pdf);
        assertThat(bill.getCurrency()).isEqualTo("EUR");
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("1234.50"));
        assertThat(BillReference.canonical(bill.getReference())).contains("EP-ABCDEFGHJK");
        assertThat(bill.getUnstructuredMessage()).isEqualTo("Engineering Prompts, Unterstützung EP-ABCDEFGHJK");
    }

    @Test
    void aNameTheFontCannotPrintIsReplacedRatherThanFailingTheInvoice() throws Exception {
        byte[] pdf = invoices.render(order(Language.EN, PLAIN, "Zoë Ł 李 Őrs\tNagy",
                List.of(InvoiceDocument.Line.ticket("Zoë Ł 李", "Conference pass", Money.of(39000, "CHF")))));

        String text = text(pdf);
        assertThat(text).contains("Zoë ? ? Ors Nagy").contains("CHF 390.00");
        Bill bill = InvoiceReader.bill(pdf);
        assertThat(bill.getAmount()).isEqualByComparingTo(new BigDecimal("390.00"));
    }

    @Test
    void anOrderWithMoreTicketsThanThePageHoldsSumsTheRestOnOneLine() throws Exception {
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(InvoiceDocument.Line.ticket("Attendee " + i, "Conference pass", Money.of(10000, "CHF")));
        }
        byte[] pdf = invoices.render(order(Language.EN, PLAIN, "Ada Lovelace", lines));

        String text = text(pdf);
        assertThat(text).contains("Attendee 1 Conference pass", "more tickets", "CHF 4,000.00").doesNotContain("Attendee 40");
        var summary = java.util.regex.Pattern.compile("(\\d+) more tickets CHF ([\\d,]+)\\.00").matcher(text);
        assertThat(summary.find()).as(text).isTrue();
        int hidden = Integer.parseInt(summary.group(1));
        assertThat(text).contains("Attendee " + (40 - hidden) + " ").doesNotContain("Attendee " + (41 - hidden) + " ");
        assertThat(summary.group(2).replace(",", "")).isEqualTo(String.valueOf(hidden * 100));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(InvoiceReader.bill(pdf).getAmount())
                .isEqualByComparingTo(new BigDecimal("4000.00"));
    }

    @Test
    void aCurrencyNoQrBillTakesGivesTheInvoiceWithoutAPaymentPart() throws Exception {
        var dollars = new InvoiceDocument(InvoiceDocument.Kind.ORDER, Language.EN, PLAIN, "Summit", "FD-7KQ2M9XPRA",
                "Ada", "ada@example.org", List.of(InvoiceDocument.Line.ticket("Ada", "Pass", Money.of(5000, "USD"))),
                Money.of(5000, "USD"), null, ZURICH);
        byte[] pdf = invoices.render(dollars);

        assertThat(text(pdf)).contains("Invoice", "USD 50.00",
                "Please pay the total by bank transfer, quoting the reference FD-7KQ2M9XPRA.")
                .doesNotContain("Payment part", "Payable by");
        assertThatThrownBy(() -> InvoiceReader.bill(pdf)).isInstanceOf(AssertionError.class);
    }

    @Test
    void theAttachmentIsAPdfNamedAfterTheReferenceRenderedWhenTheMailIsSent() throws Exception {
        var attachment = invoices.deferred(order(Language.EN, PLAIN, "Ada", twoTickets()));
        assertThat(attachment.fileName()).isEqualTo("invoice-FD-7KQ2M9XPRA.pdf");
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        assertThat(attachment.contentId()).isNull();
        assertThat(attachment.content()).as("not rendered in the request").isNull();
        assertThat(attachment.deferred().renderer()).isEqualTo(invoices.name()).isEqualTo("invoice-pdf");

        // Rendered days later, it is still dated the day it was issued.
        clock.advance(Duration.ofDays(3));
        byte[] pdf = invoices.render(attachment.deferred().spec());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(text(pdf)).contains("Date", "15 January 2026").doesNotContain("18 January 2026");
        assertThat(InvoiceReader.bill(pdf).getAmount()).isEqualByComparingTo(new BigDecimal("1390.00"));
    }

    private static String text(byte[] pdf) throws IOException {
        return InvoiceReader.text(pdf);
    }

    private static BufferedImage render(byte[] pdf, int dpi) throws IOException {
        return InvoiceReader.render(pdf, dpi);
    }
}
