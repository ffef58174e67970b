package ch.frontdesk.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the seats of ticket types, summed over their buckets ({@code seat_count}), for the shop and the admin.
 * Reads only, and locks nothing: a buyer taking seats never waits for someone looking at them.
 */
@ApplicationScoped
class SeatCounts {

    /** A type's seats as last committed. */
    record Seats(int capacity, int held, int sold) {

        static final Seats NONE = new Seats(0, 0, 0);

        int available() {
            return capacity - held - sold;
        }
    }

    private final EntityManager em;

    SeatCounts(EntityManager em) {
        this.em = em;
    }

    /** The seats of every type of the event, by type id. */
    Map<Long, Seats> ofEvent(long eventId) {
        Map<Long, Seats> seats = new HashMap<>();
        for (Object row : em.createNativeQuery(
                "select ticket_type_id, capacity, held, sold from seat_count where event_id = ?1")
                .setParameter(1, eventId).getResultList()) {
            Object[] columns = (Object[]) row;
            seats.put(((Number) columns[0]).longValue(), new Seats(((Number) columns[1]).intValue(),
                    ((Number) columns[2]).intValue(), ((Number) columns[3]).intValue()));
        }
        return seats;
    }
}
