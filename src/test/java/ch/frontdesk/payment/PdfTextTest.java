package ch.frontdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the PDF's standard Helvetica (WinAnsi) can print of text from our bundles and from buyers: pure. */
class PdfTextTest {

    @Test
    void ourThreeLanguagesAndSwissPunctuationPrintAsTheyAre() {
        assertThat(PdfText.printable("Référence · Zahlbar bis · Unterstützung · CHF 1’390.00 · 10–12 février"))
                .isEqualTo("Référence · Zahlbar bis · Unterstützung · CHF 1’390.00 · 10–12 février");
    }

    @Test
    void spacesOfEveryKindBecomePlainSpaces() {
        // LocalFormat's French thousands separator is a narrow no-break space, which WinAnsi lacks.
        assertThat(PdfText.printable("1\u202f390,00 CHF")).isEqualTo("1 390,00 CHF");
        assertThat(PdfText.printable("Ada\tLovelace\nLondon")).isEqualTo("Ada Lovelace London");
    }

    @Test
    void lettersTheFontLacksBecomeTheirBaseLetterOrAQuestionMark() {
        assertThat(PdfText.printable("Zoë Ł 李 Őrs Dvořák")).isEqualTo("Zoë ? ? Ors Dvorák");
        assertThat(PdfText.printable("\u0000a\u0007")).isEqualTo("?a?");
        assertThat(PdfText.printable("😀")).isEqualTo("?");
        assertThat(PdfText.printable(null)).isEmpty();
    }

    @Test
    void textTooWideIsCutWithAnEllipsis() {
        String fitted = PdfText.fit("A very long attendee name that goes on and on", PdfText.REGULAR, 10, 80);
        assertThat(fitted).endsWith("\u2026").startsWith("A very");
        assertThat(PdfText.width(fitted, PdfText.REGULAR, 10)).isLessThanOrEqualTo(80);
        assertThat(PdfText.fit("Short", PdfText.REGULAR, 10, 80)).isEqualTo("Short");
    }
}
