package ch.frontdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV escaping, without Quarkus: RFC 4180 quoting and the guard against spreadsheet formulas. */
class CsvTest {

    @Test
    void plainTextIsWrittenAsIs() {
        assertThat(Csv.cell("Ada Lovelace")).isEqualTo("Ada Lovelace");
        assertThat(Csv.cell(42L)).isEqualTo("42");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.cell("Lovelace, Ada")).isEqualTo("\"Lovelace, Ada\"");
        assertThat(Csv.cell("Ada \"the Countess\"")).isEqualTo("\"Ada \"\"the Countess\"\"\"");
        assertThat(Csv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(Csv.cell("a\rb")).isEqualTo("\"a\rb\"");
    }

    @Test
    void cellsASpreadsheetWouldEvaluateArePrefixedWithAnApostrophe() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.cell("+41 21 693 11 11")).isEqualTo("'+41 21 693 11 11");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void onlyTheFirstCharacterDecidesWhetherACellIsAFormula() {
        assertThat(Csv.cell("Ada=Countess")).isEqualTo("Ada=Countess");
        assertThat(Csv.cell("ada+news@example.org")).isEqualTo("ada+news@example.org");
        assertThat(Csv.cell("Jean-Luc")).isEqualTo("Jean-Luc");
    }

    @Test
    void aRowEndsWithCrlfAndLeavesNullCellsEmpty() throws Exception {
        StringWriter out = new StringWriter();
        Csv.row(out, Arrays.asList("a", null, "b,c"));
        Csv.row(out, List.of("d"));
        assertThat(out.toString()).isEqualTo("a,,\"b,c\"\r\nd\r\n");
    }
}
