package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.TicketBodies.CheckinStats;
import ch.frontdesk.tickets.TicketBodies.CheckinView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * The door: a ticket code is let in once. A second scan says when the first one was; a ticket of another event,
 * a ticket voided by a refund or a dispute, or one of an order that is not confirmed is refused (422), whatever the
 * code says.
 */
@ApplicationScoped
public class CheckIn {

    private final EntityManager em;
    private final Clock clock;

    CheckIn(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Lets the ticket in; {@code eventSlug}, when given, is the event at this door. */
    @Transactional
    public CheckinView checkIn(String code, String eventSlug) {
        Event door = eventSlug == null || eventSlug.isBlank() ? null
                : Event.bySlug(eventSlug.strip()).orElseThrow(() -> ProblemException.invalid("event", "is not an event"));
        Ticket ticket = Ticket.<Ticket>find("code", code.strip()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No ticket has this code."));
        TicketOrder order = TicketOrder.findById(ticket.orderId);
        TicketType type = TicketType.findById(ticket.ticketTypeId);
        if (door != null && order.eventId != door.id) {
            Event other = Event.findById(order.eventId);
            throw new ProblemException(422, "wrong-event", "Wrong event",
                    "This ticket is for " + other.name + ", not " + door.name + ".", null,
                    Map.of("event", other.slug), Map.of());
        }
        if (ticket.voidedAt != null) {
            throw new ProblemException(422, "ticket-voided", "Ticket voided",
                    "This ticket was voided at " + ticket.voidedAt + ": its payment was " + ticket.voidReason + ".",
                    null, Map.of("voidReason", ticket.voidReason, "voidedAt", ticket.voidedAt.toString()), Map.of());
        }
        if (order.status != OrderStatus.CONFIRMED) {
            throw new ProblemException(422, "ticket-not-valid", "Ticket not valid",
                    "This ticket's order is " + order.status.json() + ".", null,
                    Map.of("orderStatus", order.status.json()), Map.of());
        }
        if (ticket.checkedInAt != null) {
            throw new ProblemException(409, "already-checked-in", "Already checked in",
                    ticket.attendeeName + " was checked in at " + ticket.checkedInAt + ".", null,
                    // "ticketType", not "type": a problem detail's "type" is its own URI (RFC 9457).
                    Map.of("attendee", ticket.attendeeName, "ticketType", type.code, "checkedInAt", ticket.checkedInAt.toString()),
                    Map.of());
        }
        ticket.checkedInAt = clock.instant();
        return new CheckinView(ticket.attendeeName, type.code, ticket.checkedInAt);
    }

    /** How many of the event's valid (confirmed, not voided) tickets are in, for the door screen. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CheckinStats stats(String slug) {
        Event event = EventCatalog.find(slug);
        Object[] counts = (Object[]) em.createNativeQuery("""
                select count(t.checked_in_at), count(*) from ticket t join ticket_order o on o.id = t.order_id
                where o.event_id = ?1 and o.status = 'confirmed' and t.voided_at is null""")
                .setParameter(1, event.id).getSingleResult();
        return new CheckinStats(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }
}
