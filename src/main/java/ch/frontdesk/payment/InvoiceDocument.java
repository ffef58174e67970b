package ch.frontdesk.payment;

import ch.frontdesk.common.Language;
import ch.frontdesk.common.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice PDF prints. The features build it from an order or a pledge, so {@code payment/} needs to know
 * neither; every word around these values comes from the {@code invoice} message bundle in {@link #language}.
 *
 * @param kind      what is being paid for: it picks the invoice's title
 * @param subject   the event's or the publication's name, e.g. {@code AMLD Intelligence Summit 2027}
 * @param reference our payment reference ({@code FD-7KQ2M9XPRA}), from which the bill's reference is derived
 * @param payerName the name as the payer typed it (any characters: the PDF replaces what it cannot print)
 * @param dueAt     when payment is due; null when no date applies
 * @param zone      the zone dates are shown in (the event's, or Lausanne's)
 */
public record InvoiceDocument(Kind kind, Language language, BankDetails creditor, String subject, String reference,
        String payerName, String payerEmail, List<Line> lines, Money total, Instant dueAt, ZoneId zone) {

    public InvoiceDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(creditor, "creditor");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(zone, "zone");
        lines = List.copyOf(lines);
    }

    /** What an invoice is for. */
    public enum Kind {
        /** Tickets of an event. */
        ORDER,
        /** Support for the publication. */
        PLEDGE
    }

    /** How often a pledge's amount is due; the bundle names it in the invoice's language. */
    public enum Period {
        MONTH, YEAR, ONCE
    }

    /**
     * One line of the invoice: for a ticket, the attendee and the ticket type; for a pledge, the tier and its
     * {@code period} (null for a ticket).
     */
    public record Line(String description, String detail, Period period, Money amount) {

        public static Line ticket(String attendee, String ticketType, Money price) {
            return new Line(attendee, ticketType, null, price);
        }

        public static Line pledge(String tier, Period period, Money amount) {
            return new Line(tier, null, period, amount);
        }
    }

    /** The file name the invoice is attached under: {@code invoice-FD-7KQ2M9XPRA.pdf}. */
    public String fileName() {
        return "invoice-" + reference.replaceAll("[^A-Za-z0-9-]", "") + ".pdf";
    }
}
