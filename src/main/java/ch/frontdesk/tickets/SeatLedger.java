package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The only code that changes a ticket type's seats ({@code held}, {@code sold}, {@code earlyTaken}). Each change
 * happens under the type's row lock, and several types are always locked in id order, so two orders never
 * deadlock; the schema's check constraints ({@code sold + held <= capacity}, the early-bird quota) forbid an
 * oversell whatever happens here. Callers run it inside their transaction, as late in it as they can: the type's
 * lock is what every concurrent order waits for.
 */
@ApplicationScoped
class SeatLedger {

    private final EntityManager em;
    private final MeterRegistry metrics;

    SeatLedger(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    /** Seats a buyer already holds on a type when the order is placed: a waiting-list offer's. */
    @FunctionalInterface
    interface SeatsAlreadyHeld {
        /** Called once the type is locked, so the caller can lock what it owns (type first, then entry). */
        int on(TicketType lockedType);
    }

    /**
     * Holds seats for a new order, type by type in id order, and returns how many of them are early-bird seats
     * per type id. Seats the buyer already holds (an offer) become the order's. Answers 409 sold-out, and holds
     * nothing, when a type has not enough seats.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Long, Integer> holdForOrder(SortedMap<TicketType, Integer> wanted, SeatsAlreadyHeld alreadyHeld,
            Instant now) {
        Map<Long, Integer> earlySeats = new TreeMap<>();
        for (var entry : wanted.entrySet()) {
            TicketType type = lock(entry.getKey());
            int seats = entry.getValue();
            type.held -= alreadyHeld.on(type);
            if (type.available() < seats) {
                throw soldOut(type);
            }
            int early = Math.min(seats, type.earlySeatsLeft(now));
            type.held += seats;
            type.earlyTaken += early;
            type.updatedAt = now;
            earlySeats.put(type.id, early);
        }
        return earlySeats;
    }

    /** Holds seats for a waiting-list offer on a type the caller has locked; false when they are not free. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean holdForOffer(TicketType lockedType, int seats, Instant now) {
        if (lockedType.available() < seats) {
            return false;
        }
        lockedType.held += seats;
        lockedType.updatedAt = now;
        return true;
    }

    /** Gives back the seats of an offer nobody took, on a type the caller has locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void releaseOffer(TicketType lockedType, int seats, Instant now) {
        lockedType.held -= seats;
        lockedType.updatedAt = now;
    }

    /** An order is paid: its held seats become sold seats. */
    @Transactional(Transactional.TxType.MANDATORY)
    void sell(List<Ticket> tickets, Instant now) {
        for (var entry : countByType(tickets).entrySet()) {
            TicketType type = lock(entry.getKey());
            type.held -= entry.getValue();
            type.sold += entry.getValue();
            type.updatedAt = now;
        }
    }

    /**
     * Gives an order's seats back: held ones if it was unpaid, sold ones if it was confirmed. Its early-bird seats
     * return to the early-bird pool, so a lapsed hold does not use up the quota.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void giveBack(List<Ticket> tickets, boolean wereSold, Instant now) {
        for (var entry : countByType(tickets).entrySet()) {
            TicketType type = lock(entry.getKey());
            int seats = entry.getValue();
            if (wereSold) {
                type.sold -= seats;
            } else {
                type.held -= seats;
            }
            type.earlyTaken -= (int) tickets.stream()
                    .filter(t -> t.ticketTypeId == type.id && t.earlyBirdSeat).count();
            type.updatedAt = now;
        }
    }

    /** Locks a ticket type and reads its current counters; pending changes are written first, not lost. */
    @Transactional(Transactional.TxType.MANDATORY)
    TicketType lock(long typeId) {
        return lock(em.find(TicketType.class, typeId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    TicketType lock(TicketType type) {
        em.flush();
        em.refresh(type, LockModeType.PESSIMISTIC_WRITE);
        return type;
    }

    /** Tickets counted per type id, in id order: the order in which types are locked. */
    static SortedMap<Long, Integer> countByType(List<Ticket> tickets) {
        SortedMap<Long, Integer> counts = new TreeMap<>();
        tickets.forEach(t -> counts.merge(t.ticketTypeId, 1, Integer::sum));
        return counts;
    }

    private ProblemException soldOut(TicketType type) {
        metrics.counter("frontdesk.tickets.sold_out").increment();
        int available = Math.max(0, type.available());
        return new ProblemException(409, "sold-out", "Sold out",
                "Not enough seats left for " + type.name + ": " + available + " available.",
                null, Map.of("ticketType", type.code, "available", available), Map.of());
    }
}
