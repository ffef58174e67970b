package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.Api.CheckinView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/** The door: a ticket code is let in once. A second scan says when the first one was. */
@ApplicationScoped
public class CheckIn {

    private final Clock clock;

    CheckIn(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public CheckinView checkIn(String code) {
        Ticket ticket = Ticket.<Ticket>find("code", code.strip()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No ticket has this code."));
        TicketOrder order = TicketOrder.findById(ticket.orderId);
        TicketType type = TicketType.findById(ticket.ticketTypeId);
        if (order.status != OrderStatus.CONFIRMED) {
            throw ProblemException.conflict("ticket-not-valid", "Ticket not valid",
                    "This ticket's order is " + order.status.json() + ".");
        }
        if (ticket.checkedInAt != null) {
            throw new ProblemException(409, "already-checked-in", "Already checked in",
                    ticket.attendeeName + " was checked in at " + ticket.checkedInAt + ".", null,
                    Map.of("attendee", ticket.attendeeName, "ticketType", type.code, "checkedInAt", ticket.checkedInAt.toString()),
                    Map.of());
        }
        ticket.checkedInAt = clock.instant();
        return new CheckinView(ticket.attendeeName, type.code, ticket.checkedInAt);
    }
}
