package ch.frontdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.mailer.Mail;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.codecrete.qrbill.generator.Bill;
import net.codecrete.qrbill.generator.QRBill;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads an invoice PDF back as a payer and a banking app would: its text, and the bill in its QR code. */
public final class InvoiceReader {

    private InvoiceReader() {
    }

    /** The page's text; no-break spaces (our French thousands separator) read as spaces. */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }

    /** The first page as an image, as a printer or a screen shows it. */
    public static BufferedImage render(byte[] pdf, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    /** The QR-bill a banking app reads from the page printed at 300 dpi. */
    public static Bill bill(byte[] pdf) throws IOException {
        return QRBill.decodeQrCodeText(qrText(render(pdf, 300)));
    }

    /** The text of the one QR code on the image; an {@link AssertionError} when none decodes. */
    public static String qrText(BufferedImage page) {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("No readable QR code on the page", e);
        }
    }

    /** The mail's one PDF attachment, which must be a regular attachment named {@code fileName}. */
    public static byte[] pdfAttachment(Mail mail, String fileName) {
        var pdfs = mail.getAttachments().stream().filter(a -> a.getContentType().startsWith("application/pdf"))
                .toList();
        assertThat(pdfs).as("PDF attachments of " + mail.getSubject()).hasSize(1);
        var attachment = pdfs.get(0);
        assertThat(attachment.getName()).isEqualTo(fileName);
        assertThat(attachment.isInlineAttachment()).isFalse();
        List<Byte> data = io.smallrye.mutiny.Multi.createFrom().publisher(attachment.getData())
                .collect().asList().await().indefinitely();
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = data.get(i);
        }
        return bytes;
    }
}
