package ch.frontdesk.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * Text as the PDF's standard Helvetica can print it. The standard fonts only know WinAnsi (Western European), which
 * covers our own words in all three languages but not every name a buyer types: what the font cannot show becomes
 * its base letter when it has one ({@code ő} to {@code o}), else {@code ?}, rather than failing the invoice.
 */
final class PdfText {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private static final char ELLIPSIS = '\u2026';

    private PdfText() {
    }

    /** {@code text} with every character Helvetica cannot encode replaced; null as empty. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                // Tabs, line breaks and the narrow no-break space French numbers use: one plain space each.
                out.append(' ');
            } else if (encodable(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(baseLetters(cp));
            }
        });
        return out.toString();
    }

    /** {@code text} cut with an ellipsis so that it is at most {@code width} points wide in {@code font}. */
    static String fit(String text, PDType1Font font, float size, float width) {
        String printable = printable(text);
        if (width(printable, font, size) <= width) {
            return printable;
        }
        int end = printable.length();
        while (end > 0 && width(printable.substring(0, end).strip() + ELLIPSIS, font, size) > width) {
            end--;
        }
        return printable.substring(0, end).strip() + ELLIPSIS;
    }

    /** The width in points of printable text. */
    static float width(String printable, PDType1Font font, float size) {
        try {
            return font.getStringWidth(printable) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean encodable(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        String name = GlyphList.getAdobeGlyphList().codePointToName(codePoint);
        return WinAnsiEncoding.INSTANCE.contains(name);
    }

    private static String baseLetters(int codePoint) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        decomposed.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(cp -> base.appendCodePoint(cp));
        String letters = base.toString();
        return !letters.isEmpty() && letters.codePoints().allMatch(PdfText::encodable) ? letters : "?";
    }
}
