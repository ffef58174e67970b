package ch.frontdesk.tickets;

import ch.frontdesk.common.Money;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.tickets.TicketBodies.AdminOrderView;
import ch.frontdesk.tickets.TicketBodies.AdminTicketView;
import ch.frontdesk.tickets.TicketBodies.Attendee;
import ch.frontdesk.tickets.TicketBodies.Buyer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The admin's full view of one order, for the dashboard's order page. Reads only. */
@ApplicationScoped
public class OrderDetails {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AdminOrderView> find(UUID id) {
        return TicketOrder.<TicketOrder>find("publicId", id).firstResultOptional().map(OrderDetails::view);
    }

    private static AdminOrderView view(TicketOrder order) {
        Event event = Event.findById(order.eventId);
        Contact buyer = Contact.findById(order.buyerId);
        List<Ticket> tickets = OrderViews.tickets(order);
        Map<Long, String> typeCodes = new HashMap<>();
        List<AdminTicketView> views = tickets.stream().map(t -> new AdminTicketView(
                typeCodes.computeIfAbsent(t.ticketTypeId, typeId -> TicketType.<TicketType>findById(typeId).code),
                new Attendee(t.attendeeName, Contact.<Contact>findById(t.attendeeId).email),
                Money.of(t.priceAmount, order.currency), t.priceLabel, t.code, t.checkedInAt, t.voidReason,
                t.voidedAt)).toList();
        // The tickets of an order are voided together; the first one voided says why for the whole order.
        Optional<Ticket> voided = tickets.stream().filter(t -> t.voidedAt != null)
                .min(Comparator.comparing((Ticket t) -> t.voidedAt));
        return new AdminOrderView(order.publicId, event.slug, order.status, order.paymentMethod,
                Money.of(order.totalAmount, order.currency), order.paymentReference,
                new Buyer(buyer.email, order.buyerName), order.expiresAt, order.createdAt, order.confirmedAt,
                order.cancelledAt, order.refundedAt, voided.map(t -> t.voidReason).orElse(null),
                voided.map(t -> t.voidedAt).orElse(null), views);
    }
}
