package ch.frontdesk.tickets;

import ch.frontdesk.common.Money;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.tickets.TicketBodies.Attendee;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import ch.frontdesk.tickets.TicketBodies.TicketView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An order as its buyer sees it, and the lookups every step of an order needs. Reads only. */
final class OrderViews {

    private OrderViews() {
    }

    static List<Ticket> tickets(TicketOrder order) {
        return Ticket.list("orderId = ?1 order by id", order.id);
    }

    /** The ticket types of these tickets, by id. */
    static Map<Long, TicketType> typesOf(List<Ticket> tickets) {
        Map<Long, TicketType> types = new HashMap<>();
        for (Long id : SeatLedger.countByType(tickets).keySet()) {
            types.put(id, TicketType.findById(id));
        }
        return types;
    }

    static OrderView view(TicketOrder order) {
        return view(order, Event.findById(order.eventId), tickets(order), true);
    }

    /**
     * The buyer's view. Attendees and ticket codes only where {@code withAttendees} (the order link, not the
     * answer to placing it); codes and check-ins only once the order is confirmed.
     */
    static OrderView view(TicketOrder order, Event event, List<Ticket> tickets, boolean withAttendees) {
        Map<Long, TicketType> types = typesOf(tickets);
        boolean valid = order.status == OrderStatus.CONFIRMED;
        List<TicketView> views = tickets.stream().map(t -> {
            Attendee attendee = withAttendees
                    ? new Attendee(t.attendeeName, Contact.<Contact>findById(t.attendeeId).email) : null;
            return new TicketView(types.get(t.ticketTypeId).code, Money.of(t.priceAmount, order.currency),
                    // A voided ticket's code would let nobody in: the buyer is not shown it.
                    t.priceLabel, attendee, withAttendees && valid && t.voidedAt == null ? t.code : null,
                    withAttendees && valid ? t.checkedInAt : null);
        }).toList();
        boolean pending = order.status == OrderStatus.PENDING_PAYMENT;
        return new OrderView(order.publicId, event.slug, order.status, Money.of(order.totalAmount, order.currency),
                order.paymentMethod,
                pending && order.paymentMethod == PaymentMethod.INVOICE ? order.paymentReference : null,
                pending ? order.expiresAt : null, pending ? order.checkoutUrl : null, views);
    }
}
