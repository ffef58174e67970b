package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.Tokens;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A paid (or free) order gets its tickets: seats sold, a code per ticket, and an email to everyone on it. */
@ApplicationScoped
class OrderFulfilment {

    private final SeatLedger ledger;
    private final TicketMails mails;
    private final Clock clock;
    private final MeterRegistry metrics;

    OrderFulfilment(SeatLedger ledger, TicketMails mails, Clock clock, MeterRegistry metrics) {
        this.ledger = ledger;
        this.mails = mails;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The admin confirms an invoice order whose transfer has arrived; the tickets go out. */
    @Transactional
    OrderView markPaid(UUID id) {
        TicketOrder order = lockByPublicId(id);
        if (order.status == OrderStatus.PENDING_PAYMENT) {
            confirm(order);
        } else if (order.status != OrderStatus.CONFIRMED) {
            throw ProblemException.conflict("not-payable", "Not payable",
                    "The order is " + order.status.json() + "; its seats were released.");
        }
        return OrderViews.view(order);
    }

    /** Held seats become sold seats, every ticket gets its code, and the buyer and each attendee get email. */
    @Transactional(Transactional.TxType.MANDATORY)
    void confirm(TicketOrder order) {
        Instant now = clock.instant();
        Event event = Event.findById(order.eventId);
        List<Ticket> tickets = OrderViews.tickets(order);
        ledger.sell(tickets, now);
        for (Ticket ticket : tickets) {
            ticket.code = Tokens.newToken();
        }
        order.status = OrderStatus.CONFIRMED;
        order.confirmedAt = now;
        order.expiresAt = null;
        order.updatedAt = now;
        Map<Long, TicketType> types = OrderViews.typesOf(tickets);
        mails.orderConfirmed(order, event, Contact.findById(order.buyerId), tickets, types);
        mailTickets(event, tickets, types);
        metrics.counter("frontdesk.tickets.orders.confirmed").increment();
    }

    /** The admin sends every attendee of a confirmed order their ticket email again, e.g. when one got lost. */
    @Transactional
    OrderView resendTickets(UUID id) {
        // Locked so that a cancellation running at the same time cannot slip between the check and the mails.
        TicketOrder order = lockByPublicId(id);
        if (order.status != OrderStatus.CONFIRMED) {
            throw ProblemException.conflict("not-confirmed", "Not confirmed",
                    "The order is " + order.status.json() + "; only a confirmed order has tickets to send.");
        }
        List<Ticket> tickets = OrderViews.tickets(order);
        mailTickets(Event.findById(order.eventId), tickets, OrderViews.typesOf(tickets));
        return OrderViews.view(order);
    }

    /** Each attendee gets their own ticket: the code as a QR image, and the event as a calendar file. */
    private void mailTickets(Event event, List<Ticket> tickets, Map<Long, TicketType> types) {
        for (Ticket ticket : tickets) {
            mails.ticket(event, Contact.findById(ticket.attendeeId), ticket, types.get(ticket.ticketTypeId));
        }
    }

    static TicketOrder lockByPublicId(UUID id) {
        return TicketOrder.<TicketOrder>find("publicId", id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no order " + id + "."));
    }
}
