package ch.frontdesk.admin;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (CRLF line ends; fields quoted when they hold a comma, a quote, CR or LF; quotes doubled),
 * with one addition: a cell that a spreadsheet would read as a formula is prefixed with a {@code '}, because these
 * files are opened in Excel and hold text that the public typed (names, addresses).
 */
public final class Csv {

    private Csv() {
    }

    /** Writes one record, CRLF included. {@code null} cells are empty. */
    public static void row(Writer out, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One field, neutralised and quoted as needed. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = neutralised(value.toString());
        if (needsQuotes(text)) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** A text a spreadsheet would evaluate (=, +, -, @, tab or CR first) gets a leading apostrophe. */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
