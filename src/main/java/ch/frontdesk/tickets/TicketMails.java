package ch.frontdesk.tickets;

import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.Money;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.mail.Attachment;
import ch.frontdesk.payment.BankDetails;
import ch.frontdesk.payment.InvoiceDocument;
import ch.frontdesk.payment.InvoicePdf;
import ch.frontdesk.mail.MailRenderer;
import ch.frontdesk.mail.MailText;
import ch.frontdesk.mail.Outbox;
import ch.frontdesk.mail.OutgoingMail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The emails of ticket sales, all through the outbox. Every email of an order links to it with the order's one
 * token. Dates are in English and in the event's own time zone, never the server's defaults.
 */
@ApplicationScoped
class TicketMails {

    // English month and zone names whatever the JVM's default locale: a server in Zurich must not send "Februar".
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** A ticket line as the emails show it. */
    record Line(String attendee, String type, String price, String label, String code) {
    }

    @CheckedTemplate(basePath = "tickets/mail")
    static class Templates {
        static native TemplateInstance waitlistConfirmation(String name, String event, String type, int quantity,
                String confirmUrl, String validFor);

        static native TemplateInstance orderReceived(String name, String event, List<Line> lines, String total,
                String reference, String dueBy, BankDetails bank, String orderUrl);

        static native TemplateInstance orderConfirmed(String name, String event, String dates, String venue,
                List<Line> lines, String total, String orderUrl);

        static native TemplateInstance ticket(String name, String event, String dates, String venue, String type,
                String code, String qrContentId);

        static native TemplateInstance orderCancelled(String name, String event, String orderUrl);

        static native TemplateInstance orderExpired(String name, String event, String orderUrl);

        static native TemplateInstance waitlistOffer(String name, String event, String type, int quantity,
                String until, String offerToken, String shopUrl);

        static native TemplateInstance orderReminder(String name, String event, String total, String reference,
                String dueBy, BankDetails bank, String orderUrl);
    }

    private final Outbox outbox;
    private final MailRenderer renderer;
    private final FrontdeskConfig frontdesk;
    private final TicketsConfig config;
    private final OrderAccess access;
    private final EntityManager em;
    private final Clock clock;
    private final InvoicePdf invoices;

    TicketMails(Outbox outbox, MailRenderer renderer, FrontdeskConfig frontdesk, TicketsConfig config,
            OrderAccess access, EntityManager em, Clock clock, InvoicePdf invoices) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.em = em;
        this.access = access;
        this.renderer = renderer;
        this.frontdesk = frontdesk;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The link that confirms a waiting-list entry: without it the entry never gets an offer. Sent on the say-so of
     * whoever typed the address ({@link #onRequestersSayso}); the token is issued only if the mail goes.
     *
     * @return empty when queued; else when the cap lets the next mail to this address go (nothing is queued)
     */
    Optional<Instant> waitlistConfirmation(Event event, TicketType type, Contact person, WaitlistEntry entry,
            Supplier<String> token) {
        long hours = config.waitlistConfirmationValidity().toHours();
        return onRequestersSayso(person, named -> mail("tickets.waitlist-confirmation", person,
                "Confirm your place on the waiting list for " + event.name,
                Templates.waitlistConfirmation(named.apply(entry.name), event.name, type.name, entry.quantity,
                        frontdesk.link("/waitlist/confirm?token=" + token.get()),
                        hours % 24 == 0 ? hours / 24 + " day(s)" : hours + " hour(s)"),
                List.of()));
    }

    /**
     * The bank details of a new invoice order, sent on the say-so of whoever typed the buyer's address
     * ({@link #onRequestersSayso}).
     *
     * @return empty when queued; else when the cap lets the next mail to this address go (nothing is queued)
     */
    Optional<Instant> orderReceived(TicketOrder order, Event event, Contact buyer, List<Ticket> tickets,
            BankDetails bank) {
        return onRequestersSayso(buyer, named -> mail("tickets.order-received", buyer,
                "Your order for " + event.name + ": payment details",
                Templates.orderReceived(named.apply(order.buyerName), event.name,
                        lines(order, tickets, null, named), total(order), order.paymentReference,
                        when(order.expiresAt, event), bank, access.link(order)),
                List.of(invoice(order, event, buyer, tickets, named, bank))));
    }

    /** The order's invoice as a PDF with a Swiss QR-bill, names shown through {@code named}. */
    private Attachment invoice(TicketOrder order, Event event, Contact buyer, List<Ticket> tickets,
            UnaryOperator<String> named, BankDetails bank) {
        // language: the buyer's language (contact.language) once the language foundation is merged
        return invoices.attachment(new InvoiceDocument(InvoiceDocument.Kind.ORDER, Language.EN, bank, event.name,
                order.paymentReference, named.apply(order.buyerName), buyer.email,
                tickets.stream().map(t -> InvoiceDocument.Line.ticket(named.apply(t.attendeeName),
                        TicketType.<TicketType>findById(t.ticketTypeId).name, Money.of(t.priceAmount, order.currency)))
                        .toList(),
                Money.of(order.totalAmount, order.currency), order.expiresAt, ZoneId.of(event.timezone)));
    }

    /**
     * A mail that goes out because someone typed this address in a form. Until the owner has shown the address is
     * theirs ({@link #confirmedByOwner}) it counts against the daily cap on such mail, and the names typed with it
     * are repeated only as {@link MailText#requesterName} leaves them, so our forms cannot be used to flood an inbox
     * or to mail anyone a link in our name.
     *
     * @param mail the mail, given how to show a typed name
     */
    private Optional<Instant> onRequestersSayso(Contact to, Function<UnaryOperator<String>, OutgoingMail> mail) {
        if (confirmedByOwner(to)) {
            outbox.enqueue(mail.apply(UnaryOperator.identity()));
            return Optional.empty();
        }
        return outbox.enqueueToUnverified(to.email, () -> mail.apply(MailText::requesterName));
    }

    /**
     * Whether the address's owner has shown it is theirs: by confirming it from one of our emails (a newsletter
     * subscription's consent, a waiting-list place) or by paying for something (an order that was not free, a
     * pledge). Paying counts because nobody pays to have mail sent to a stranger.
     */
    private boolean confirmedByOwner(Contact contact) {
        return (Boolean) em.createNativeQuery("""
                select exists (select 1 from consent_record where contact_id = ?1 and confirmed_at is not null)
                    or exists (select 1 from waitlist_entry where contact_id = ?1 and confirmed_at is not null)
                    or exists (select 1 from ticket_order where buyer_id = ?1 and confirmed_at is not null
                               and total_amount > 0)
                    or exists (select 1 from pledge p join pledge_payment pp on pp.pledge_id = p.id
                               where p.contact_id = ?1)""")
                .setParameter(1, contact.id).getSingleResult();
    }

    void orderConfirmed(TicketOrder order, Event event, Contact buyer, List<Ticket> tickets,
            Map<Long, TicketType> types) {
        send("tickets.order-confirmed", buyer, "Your tickets for " + event.name,
                Templates.orderConfirmed(order.buyerName, event.name, dates(event), event.venue,
                        lines(order, tickets, types, UnaryOperator.identity()), total(order), access.link(order)),
                List.of());
    }

    /** The attendee's own ticket: the code as a QR image shown inline, and the event as an .ics file. */
    void ticket(Event event, Contact attendee, Ticket ticket, TicketType type) {
        String qrId = "ticket-" + ticket.id + "@frontdesk";
        List<Attachment> files = List.of(
                new Attachment("ticket-qr.png", "image/png", TicketArtwork.qrPng(ticket.code), qrId),
                new Attachment(event.slug + ".ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                        TicketArtwork.ics(event, "ticket-" + ticket.id + "-" + event.slug + "@frontdesk",
                                clock.instant()), null));
        send("tickets.ticket", attendee, "Your ticket for " + event.name,
                Templates.ticket(ticket.attendeeName, event.name, dates(event), event.venue, type.name, ticket.code,
                        qrId),
                files);
    }

    void orderCancelled(TicketOrder order, Event event, Contact buyer) {
        send("tickets.order-cancelled", buyer, "Your order for " + event.name + " is cancelled",
                Templates.orderCancelled(order.buyerName, event.name, access.link(order)), List.of());
    }

    void orderExpired(TicketOrder order, Event event, Contact buyer) {
        send("tickets.order-expired", buyer, "Your order for " + event.name + " has expired",
                Templates.orderExpired(order.buyerName, event.name, access.link(order)), List.of());
    }

    void waitlistOffer(Event event, TicketType type, Contact person, WaitlistEntry entry, String token) {
        String shop = config.shopUrl().orElse(frontdesk.publicUrl());
        send("tickets.waitlist-offer", person, "Seats are free for " + event.name,
                Templates.waitlistOffer(entry.name, event.name, type.name, entry.quantity,
                        when(entry.offerExpiresAt, event), token,
                        shop + (shop.contains("?") ? "&" : "?") + "event=" + event.slug + "&offer=" + token),
                List.of());
    }

    private void send(String kind, Contact to, String subject, TemplateInstance template, List<Attachment> files) {
        outbox.enqueue(mail(kind, to, subject, template, files));
    }

    private OutgoingMail mail(String kind, Contact to, String subject, TemplateInstance template,
            List<Attachment> files) {
        var body = renderer.render(template);
        return new OutgoingMail(kind, to.id, to.email, subject, body.text(), body.html(), Map.of(), files);
    }

    /** The order's lines, attendee names shown through {@code named} (a name cleaned away leaves a placeholder). */
    private static List<Line> lines(TicketOrder order, List<Ticket> tickets, Map<Long, TicketType> types,
            UnaryOperator<String> named) {
        return tickets.stream().map(t -> new Line(Objects.requireNonNullElse(named.apply(t.attendeeName), "Attendee"),
                types == null ? TicketType.<TicketType>findById(t.ticketTypeId).name : types.get(t.ticketTypeId).name,
                Money.of(t.priceAmount, order.currency).display(), t.priceLabel, t.code)).toList();
    }

    private static String total(TicketOrder order) {
        return Money.of(order.totalAmount, order.currency).display();
    }

    private static String when(Instant instant, Event event) {
        return WHEN.format(instant.atZone(ZoneId.of(event.timezone)));
    }

    private static String dates(Event event) {
        return event.startsOn.equals(event.endsOn) ? DAY.format(event.startsOn)
                : DAY.format(event.startsOn) + " to " + DAY.format(event.endsOn);
    }

    /** The buyer of an unpaid invoice order is reminded to pay before the hold lapses, with everything to pay. */
    void orderReminder(TicketOrder order, Event event, Contact buyer) {
        send("tickets.order-reminder", buyer, "Reminder: your seats for " + event.name + " are held until "
                        + when(order.expiresAt, event),
                Templates.orderReminder(order.buyerName, event.name, total(order), order.paymentReference,
                        when(order.expiresAt, event), config.bank().details(), access.link(order)),
                List.of(invoice(order, event, buyer, OrderViews.tickets(order), UnaryOperator.identity(),
                        config.bank().details())));
    }
}
