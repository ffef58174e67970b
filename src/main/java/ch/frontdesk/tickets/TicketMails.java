package ch.frontdesk.tickets;

import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.LocalFormat;
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
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The emails of ticket sales, all through the outbox. Every email of an order links to it with the order's one
 * token. Each is written in its recipient's language, the one stored on their contact (the last they stated), since
 * most are sent later by a scheduler or an admin, with no request to ask: its words and subject from the
 * {@code ticketmail} bundle ({@link TicketMailMessages}), its dates in the event's own time zone and its amounts as
 * {@link LocalFormat} writes them in that language, never the server's defaults.
 */
@ApplicationScoped
class TicketMails {

    /**
     * A ticket line as the emails show it; {@code attendee} is null when the typed name was all link, and the
     * template words the price label ({@code earlyBird}) in the mail's language.
     */
    record Line(String attendee, String type, String price, boolean earlyBird, String code) {
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
        Language language = languageOf(person);
        TicketMailMessages texts = texts(language);
        long hours = config.waitlistConfirmationValidity().toHours();
        return onRequestersSayso(person, named -> mail("tickets.waitlist-confirmation", person,
                texts.subject_waitlist_confirmation(event.name),
                Templates.waitlistConfirmation(named.apply(entry.name), event.name, type.name, entry.quantity,
                        frontdesk.link("/waitlist/confirm?token=" + token.get() + "&lang=" + language.code()),
                        hours % 24 == 0 ? texts.valid_days(hours / 24) : texts.valid_hours(hours)),
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
        Language language = languageOf(buyer);
        return onRequestersSayso(buyer, named -> mail("tickets.order-received", buyer,
                texts(language).subject_order_received(event.name),
                Templates.orderReceived(named.apply(order.buyerName), event.name,
                        lines(order, tickets, null, named, language), total(order, language), order.paymentReference,
                        when(order.expiresAt, event, language), bank, orderLink(order, language)),
                List.of(invoice(order, event, buyer, tickets, named, bank, language))));
    }

    /** The order's invoice as a PDF with a Swiss QR-bill, in the buyer's language, names shown through {@code named}. */
    private Attachment invoice(TicketOrder order, Event event, Contact buyer, List<Ticket> tickets,
            UnaryOperator<String> named, BankDetails bank, Language language) {
        return invoices.deferred(new InvoiceDocument(InvoiceDocument.Kind.ORDER, language, bank, event.name,
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
        Language language = languageOf(buyer);
        send("tickets.order-confirmed", buyer, texts(language).subject_order_confirmed(event.name),
                Templates.orderConfirmed(order.buyerName, event.name, dates(event, language), event.venue,
                        lines(order, tickets, types, UnaryOperator.identity(), language), total(order, language),
                        orderLink(order, language)),
                List.of());
    }

    /**
     * The attendee's own ticket, in the attendee's language (their contact's): the code as a QR image shown inline,
     * and the event as an .ics file.
     */
    void ticket(Event event, Contact attendee, Ticket ticket, TicketType type) {
        String qrId = "ticket-" + ticket.id + "@frontdesk";
        List<Attachment> files = List.of(
                new Attachment("ticket-qr.png", "image/png", TicketArtwork.qrPng(ticket.code), qrId),
                new Attachment(event.slug + ".ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                        TicketArtwork.ics(event, "ticket-" + ticket.id + "-" + event.slug + "@frontdesk",
                                clock.instant()), null));
        Language language = languageOf(attendee);
        send("tickets.ticket", attendee, texts(language).subject_ticket(event.name),
                Templates.ticket(ticket.attendeeName, event.name, dates(event, language), event.venue, type.name,
                        ticket.code, qrId),
                files);
    }

    void orderCancelled(TicketOrder order, Event event, Contact buyer) {
        Language language = languageOf(buyer);
        send("tickets.order-cancelled", buyer, texts(language).subject_order_cancelled(event.name),
                Templates.orderCancelled(order.buyerName, event.name, orderLink(order, language)), List.of());
    }

    void orderExpired(TicketOrder order, Event event, Contact buyer) {
        Language language = languageOf(buyer);
        send("tickets.order-expired", buyer, texts(language).subject_order_expired(event.name),
                Templates.orderExpired(order.buyerName, event.name, orderLink(order, language)), List.of());
    }

    void waitlistOffer(Event event, TicketType type, Contact person, WaitlistEntry entry, String token) {
        Language language = languageOf(person);
        send("tickets.waitlist-offer", person, texts(language).subject_waitlist_offer(event.name),
                Templates.waitlistOffer(entry.name, event.name, type.name, entry.quantity,
                        when(entry.offerExpiresAt, event, language), token, offerLink(event, token, language)),
                List.of());
    }

    /**
     * Where an offer is taken up: the event's page of our own shop, which reads {@code ?offer=}; or an organiser's
     * own shop ({@code frontdesk.tickets.shop-url}), which gets the event and the offer as query parameters.
     */
    private String offerLink(Event event, String token, Language language) {
        String query = "offer=" + token + "&lang=" + language.code();
        return config.shopUrl()
                .map(shop -> shop + (shop.contains("?") ? "&" : "?") + "event=" + event.slug + "&" + query)
                .orElseGet(() -> frontdesk.link("/events/" + event.slug + "?" + query));
    }

    private void send(String kind, Contact to, String subject, TemplateInstance template, List<Attachment> files) {
        outbox.enqueue(mail(kind, to, subject, template, files));
    }

    /** The mail in its recipient's language: the subject is already in it, the body is rendered in it. */
    private OutgoingMail mail(String kind, Contact to, String subject, TemplateInstance template,
            List<Attachment> files) {
        var body = renderer.render(template, languageOf(to));
        return new OutgoingMail(kind, to.id, to.email, subject, body.text(), body.html(), Map.of(), files);
    }

    /** The language every mail to this person is written in: the last one they stated. */
    private static Language languageOf(Contact contact) {
        return contact.language == null ? Language.DEFAULT : contact.language;
    }

    private static TicketMailMessages texts(Language language) {
        return MessageBundles.get(TicketMailMessages.class, Localized.Literal.of(language.code()));
    }

    /** The order page with the order's token, opening in the language of the mail that links to it. */
    private String orderLink(TicketOrder order, Language language) {
        return access.link(order) + "&lang=" + language.code();
    }

    /** The order's lines, attendee names shown through {@code named} (a name cleaned away leaves a placeholder). */
    private static List<Line> lines(TicketOrder order, List<Ticket> tickets, Map<Long, TicketType> types,
            UnaryOperator<String> named, Language language) {
        return tickets.stream().map(t -> new Line(named.apply(t.attendeeName),
                types == null ? TicketType.<TicketType>findById(t.ticketTypeId).name : types.get(t.ticketTypeId).name,
                LocalFormat.money(Money.of(t.priceAmount, order.currency), language),
                Ticket.EARLY_BIRD.equals(t.priceLabel), t.code)).toList();
    }

    private static String total(TicketOrder order, Language language) {
        return LocalFormat.money(Money.of(order.totalAmount, order.currency), language);
    }

    /** A moment as the event's attendees read it: in the event's time zone, whatever the server's. */
    private static String when(Instant instant, Event event, Language language) {
        return LocalFormat.dateTime(instant, ZoneId.of(event.timezone), language);
    }

    private static String dates(Event event, Language language) {
        return LocalFormat.dateRange(event.startsOn, event.endsOn, language);
    }

    /** The buyer of an unpaid invoice order is reminded to pay before the hold lapses, with everything to pay. */
    void orderReminder(TicketOrder order, Event event, Contact buyer) {
        Language language = languageOf(buyer);
        String dueBy = when(order.expiresAt, event, language);
        send("tickets.order-reminder", buyer, texts(language).subject_order_reminder(event.name, dueBy),
                Templates.orderReminder(order.buyerName, event.name, total(order, language), order.paymentReference,
                        dueBy, config.bank().details(), orderLink(order, language)),
                List.of(invoice(order, event, buyer, OrderViews.tickets(order), UnaryOperator.identity(),
                        config.bank().details(), language)));
    }
}
