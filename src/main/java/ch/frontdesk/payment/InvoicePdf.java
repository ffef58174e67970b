package ch.frontdesk.payment;

import ch.frontdesk.common.Language;
import ch.frontdesk.common.LocalFormat;
import ch.frontdesk.common.Money;
import ch.frontdesk.mail.Attachment;
import ch.frontdesk.mail.AttachmentRenderer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.codecrete.qrbill.canvas.PDFCanvas;
import net.codecrete.qrbill.generator.Address;
import net.codecrete.qrbill.generator.Bill;
import net.codecrete.qrbill.generator.GraphicsFormat;
import net.codecrete.qrbill.generator.OutputSize;
import net.codecrete.qrbill.generator.QRBill;
import net.codecrete.qrbill.generator.SeparatorType;
import net.codecrete.qrbill.generator.ValidationResult;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.jboss.logging.Logger;

/**
 * An invoice as a one-page A4 PDF: the invoice above, the Swiss QR-bill (receipt and payment part, drawn by
 * qrbill-generator) in the bottom 105 mm, where Swiss banking apps and the perforated paper expect it.
 *
 * <p>Rendering one costs about 10 ms of CPU, as much as the rest of placing an order: a mail attaches the invoice
 * {@link #deferred deferred}, and the outbox has it rendered here ({@link #render(String)}) when the mail is sent.
 */
@ApplicationScoped
public class InvoicePdf implements AttachmentRenderer {

    private static final Logger LOG = Logger.getLogger(InvoicePdf.class);
    /** The renderer's name, stored with every invoice waiting in the outbox: do not rename. */
    static final String RENDERER = "invoice-pdf";
    private static final String PDF = "application/pdf";

    private static final float MM = 72 / 25.4f;
    private static final float LEFT = 20 * MM;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 20 * MM;
    private static final float TOP = PDRectangle.A4.getHeight() - 20 * MM;
    /** Where the invoice must end: the payment part's 105 mm, and some air above its cutting line. */
    private static final float BOTTOM = 105 * MM + 12 * MM;
    private static final float DETAIL_COLUMN = LEFT + 80 * MM;
    private static final float AMOUNT_WIDTH = 35 * MM;
    private static final float ROW = 15;
    /** Room kept under the table for the total, the payment instructions and the thanks. */
    private static final float FOOTER = 118;

    private final Clock clock;
    private final ObjectMapper json;

    InvoicePdf(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /**
     * What the outbox stores for an invoice until its mail is sent: the invoice, and the moment it was issued (now,
     * when the mail is queued: the date it shows is not the day a retry happens to send it).
     */
    record Spec(Instant issuedAt, InvoiceDocument invoice) {

        Spec {
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(invoice, "invoice");
        }
    }

    /**
     * The invoice as a mail attachment, {@code invoice-FD-7KQ2M9XPRA.pdf}, dated today and rendered when the mail is
     * sent, outside the request that queues it.
     */
    public Attachment deferred(InvoiceDocument invoice) {
        return Attachment.deferred(invoice.fileName(), PDF, RENDERER, spec(new Spec(clock.instant(), invoice)));
    }

    String spec(Spec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An invoice is always JSON: " + spec.invoice().reference(), e);
        }
    }

    Spec spec(String spec) {
        try {
            return json.readValue(spec, Spec.class);
        } catch (JsonProcessingException e) {
            // Not Jackson's message: it may quote the spec, names and addresses included, into the outbox's errors.
            String where = e instanceof JsonMappingException mapping ? mapping.getPathReference()
                    : "column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr());
            throw new IllegalArgumentException("Not an invoice spec: " + e.getClass().getSimpleName() + " at " + where);
        }
    }

    @Override
    public String name() {
        return RENDERER;
    }

    /** The PDF of an invoice {@link #deferred} to its mail's sending. */
    @Override
    public byte[] render(String spec) {
        Spec invoice = spec(spec);
        return render(invoice.invoice(), invoice.issuedAt());
    }

    /** The PDF, dated today. */
    public byte[] render(InvoiceDocument invoice) {
        return render(invoice, clock.instant());
    }

    /** The PDF. Without a payment part (and a warning in the log) only if no valid QR-bill can be made. */
    public byte[] render(InvoiceDocument invoice, Instant issuedAt) {
        InvoiceMessages words = MessageBundles.get(InvoiceMessages.class,
                Localized.Literal.of(invoice.language().code()));
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(PdfText.printable(words.title() + " " + invoice.reference()));
            document.getDocumentInformation().setAuthor(PdfText.printable(invoice.creditor().accountHolder()));
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Sheet(content, invoice, words, issuedAt).draw();
                Optional<Bill> bill = bill(invoice, words);
                if (bill.isPresent()) {
                    QRBill.draw(bill.get(), new PDFCanvas(content));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the invoice for " + invoice.reference(), e);
        }
    }

    /** The QR-bill, or empty when the library finds it invalid (a currency other than CHF or EUR, say). */
    private static Optional<Bill> bill(InvoiceDocument invoice, InvoiceMessages words) {
        BankDetails creditor = invoice.creditor();
        Bill bill = new Bill();
        bill.setAccount(creditor.iban().replace(" ", ""));
        bill.setAmount(BigDecimal.valueOf(invoice.total().amount(), 2));
        bill.setCurrency(invoice.total().currency());
        Address address = new Address();
        address.setName(PdfText.printable(creditor.accountHolder()));
        address.setStreet(PdfText.printable(creditor.address().street()));
        address.setHouseNo(creditor.address().houseNumber() == null ? null
                : PdfText.printable(creditor.address().houseNumber()));
        address.setPostalCode(PdfText.printable(creditor.address().postalCode()));
        address.setTown(PdfText.printable(creditor.address().town()));
        address.setCountryCode(creditor.address().country());
        bill.setCreditor(address);
        BillReference.forAccount(creditor.iban(), invoice.reference()).ifPresent(bill::setReference);
        bill.updateReferenceType();
        String subject = PdfText.printable(invoice.subject());
        bill.setUnstructuredMessage(invoice.kind() == InvoiceDocument.Kind.ORDER
                ? words.orderMessage(subject, invoice.reference())
                : words.pledgeMessage(subject, invoice.reference()));
        bill.getFormat().setLanguage(billLanguage(invoice.language()));
        bill.getFormat().setOutputSize(OutputSize.A4_PORTRAIT_SHEET);
        bill.getFormat().setGraphicsFormat(GraphicsFormat.PDF);
        bill.getFormat().setSeparatorType(SeparatorType.DASHED_LINE_WITH_SCISSORS);

        ValidationResult validation = QRBill.validate(bill);
        if (validation.hasErrors()) {
            LOG.warnf("Invoice %s goes without a QR-bill, which would be invalid: %s", invoice.reference(),
                    validation.getDescription());
            return Optional.empty();
        }
        return Optional.of(validation.getCleanedBill());
    }

    private static net.codecrete.qrbill.generator.Language billLanguage(Language language) {
        return switch (language) {
            case EN -> net.codecrete.qrbill.generator.Language.EN;
            case FR -> net.codecrete.qrbill.generator.Language.FR;
            case DE -> net.codecrete.qrbill.generator.Language.DE;
        };
    }

    /** The invoice part of the page, drawn from the top down. */
    private static final class Sheet {
        private final PDPageContentStream content;
        private final InvoiceDocument invoice;
        private final InvoiceMessages words;
        private final Language language;
        private final Instant issuedAt;

        Sheet(PDPageContentStream content, InvoiceDocument invoice, InvoiceMessages words, Instant issuedAt) {
            this.content = content;
            this.invoice = invoice;
            this.words = words;
            this.language = invoice.language();
            this.issuedAt = issuedAt;
        }

        void draw() throws IOException {
            BankDetails creditor = invoice.creditor();
            BankDetails.PostalAddress address = creditor.address();
            float y = TOP;
            text(creditor.accountHolder(), LEFT, y, PdfText.BOLD, 11, 100 * MM);
            rightText(words.title(), RIGHT, y - 6, PdfText.BOLD, 22);
            y -= 14;
            text(address.street() + (address.houseNumber() == null ? "" : " " + address.houseNumber()), LEFT, y,
                    PdfText.REGULAR, 9, 100 * MM);
            y -= 12;
            text(("CH".equals(address.country()) ? "" : address.country() + "-") + address.postalCode() + " "
                    + address.town(), LEFT, y, PdfText.REGULAR, 9, 100 * MM);

            y -= 34;
            float top = y;
            text(words.billedTo(), LEFT, y, PdfText.BOLD, 9, 90 * MM);
            text(invoice.payerName(), LEFT, y - 13, PdfText.REGULAR, 10, 90 * MM);
            text(invoice.payerEmail(), LEFT, y - 26, PdfText.REGULAR, 10, 90 * MM);
            float labels = RIGHT - 75 * MM;
            float values = RIGHT - 42 * MM;
            label(words.date(), LocalFormat.date(issuedAt, invoice.zone(), language), labels, values, y);
            y -= 13;
            if (invoice.dueAt() != null) {
                label(words.dueDate(), LocalFormat.date(invoice.dueAt(), invoice.zone(), language), labels, values,
                        y);
                y -= 13;
            }
            label(words.reference(), invoice.reference(), labels, values, y);
            y = Math.min(y, top - 26) - 36;

            text(invoice.kind() == InvoiceDocument.Kind.ORDER ? words.orderTitle(invoice.subject())
                    : words.pledgeTitle(invoice.subject()), LEFT, y, PdfText.BOLD, 13, RIGHT - LEFT);
            y -= 24;
            text(words.description(), LEFT, y, PdfText.BOLD, 9, DETAIL_COLUMN - LEFT);
            rightText(words.amount(), RIGHT, y, PdfText.BOLD, 9);
            y -= 5;
            rule(y, 0.8f);
            y -= ROW - 3;
            for (Row row : rows(y)) {
                text(row.description(), LEFT, y, PdfText.REGULAR, 10, DETAIL_COLUMN - LEFT - 4 * MM);
                text(row.detail(), DETAIL_COLUMN, y, PdfText.REGULAR, 10, RIGHT - AMOUNT_WIDTH - DETAIL_COLUMN);
                rightText(LocalFormat.money(row.amount(), language), RIGHT, y, PdfText.REGULAR, 10);
                y -= ROW;
            }
            y += ROW - 5;
            rule(y, 0.8f);
            y -= 14;
            text(words.total(), LEFT, y, PdfText.BOLD, 11, DETAIL_COLUMN - LEFT);
            rightText(LocalFormat.money(invoice.total(), language), RIGHT, y, PdfText.BOLD, 11);

            y -= 30;
            String due = invoice.dueAt() == null ? null : LocalFormat.date(invoice.dueAt(), invoice.zone(), language);
            y = paragraph(due == null ? words.payWithReference(invoice.reference())
                    : words.payBy(due, invoice.reference()), y);
            text(words.account() + ": " + creditor.accountHolder() + ", " + creditor.iban()
                    + (creditor.bankName() == null ? "" : ", " + words.bank() + ": " + creditor.bankName()),
                    LEFT, y, PdfText.REGULAR, 10, RIGHT - LEFT);
            y -= 14;
            y = paragraph(words.scanHint(), y);
            y -= 4;
            text(invoice.kind() == InvoiceDocument.Kind.ORDER ? words.orderThanks()
                    : words.pledgeThanks(invoice.subject()), LEFT, Math.max(y, BOTTOM), PdfText.REGULAR, 10,
                    RIGHT - LEFT);
        }

        private record Row(String description, String detail, Money amount) {
        }

        /** The lines that fit above the footer; when they do not all fit, the rest as one summed line. */
        private List<Row> rows(float firstRowY) {
            int room = Math.max(2, (int) ((firstRowY - BOTTOM - FOOTER) / ROW) + 1);
            List<InvoiceDocument.Line> lines = invoice.lines();
            List<Row> rows = new ArrayList<>();
            int shown = lines.size() <= room ? lines.size() : room - 1;
            for (InvoiceDocument.Line line : lines.subList(0, shown)) {
                rows.add(new Row(line.description(), line.period() == null ? line.detail() : period(line.period()),
                        line.amount()));
            }
            if (shown < lines.size()) {
                List<InvoiceDocument.Line> rest = lines.subList(shown, lines.size());
                long sum = rest.stream().mapToLong(l -> l.amount().amount()).sum();
                rows.add(new Row(words.moreTickets(rest.size()), "", Money.of(sum, invoice.total().currency())));
            }
            return rows;
        }

        private String period(InvoiceDocument.Period period) {
            return switch (period) {
                case MONTH -> words.periodMonth();
                case YEAR -> words.periodYear();
                case ONCE -> words.periodOnce();
            };
        }

        private void label(String label, String value, float labelX, float valueX, float y) throws IOException {
            text(label, labelX, y, PdfText.BOLD, 9, valueX - labelX - 2 * MM);
            text(value, valueX, y, PdfText.REGULAR, 10, RIGHT - valueX);
        }

        /** Words wrapped to the page's width; returns the baseline below the last line. */
        private float paragraph(String text, float y) throws IOException {
            StringBuilder line = new StringBuilder();
            for (String word : PdfText.printable(text).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && PdfText.width(candidate, PdfText.REGULAR, 10) > RIGHT - LEFT) {
                    text(line.toString(), LEFT, y, PdfText.REGULAR, 10, RIGHT - LEFT);
                    y -= 14;
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            text(line.toString(), LEFT, y, PdfText.REGULAR, 10, RIGHT - LEFT);
            return y - 14;
        }

        private void text(String text, float x, float y, PDType1Font font, float size, float width)
                throws IOException {
            String fitted = PdfText.fit(text, font, size, width);
            if (fitted.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(fitted);
            content.endText();
        }

        private void rightText(String text, float right, float y, PDType1Font font, float size) throws IOException {
            String printable = PdfText.printable(text);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(right - PdfText.width(printable, font, size), y);
            content.showText(printable);
            content.endText();
        }

        private void rule(float y, float width) throws IOException {
            content.setLineWidth(width);
            content.moveTo(LEFT, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        }
    }
}
