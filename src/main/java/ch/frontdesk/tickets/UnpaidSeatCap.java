package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.contact.ContactService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Caps the seats that one buyer email and one client network hold at once in unpaid orders, so that holding the
 * whole event (or its early-bird quota) takes many addresses and many networks, not one script. Paid, cancelled and
 * expired orders do not count: paying or cancelling an order frees its share of the cap.
 */
@ApplicationScoped
class UnpaidSeatCap {

    private final EntityManager em;
    private final TicketsConfig config;
    private final MeterRegistry metrics;

    UnpaidSeatCap(EntityManager em, TicketsConfig config, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Admits a new order of {@code seats} unpaid seats, or refuses it with {@code 409 too-many-unpaid-seats}. Locks
     * the buyer and the network until the transaction ends, before counting: parallel orders from one buyer or one
     * network are counted one after the other, each seeing the seats the one before it committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void admit(String buyerEmail, String network, int seats) {
        String buyer = ContactService.normalize(buyerEmail);
        // Buyer first, then network, in every transaction, so two orders never wait on each other in a circle.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('unpaid-seats-buyer:' || lower(?1))), "
                + "pg_advisory_xact_lock(hashtext('unpaid-seats-network:' || ?2))")
                .setParameter(1, buyer).setParameter(2, network).getSingleResult();
        // Both counts in one round trip, in a statement of its own: its snapshot is taken once the locks are held.
        Object[] unpaid = (Object[]) em.createNativeQuery("""
                select (select count(*) from ticket t join ticket_order o on o.id = t.order_id
                        join contact c on c.id = o.buyer_id
                        where o.status = 'pending_payment' and c.email_key = lower(?1)),
                       (select count(*) from ticket t join ticket_order o on o.id = t.order_id
                        where o.status = 'pending_payment' and o.client_network = ?2)""")
                .setParameter(1, buyer).setParameter(2, network).getSingleResult();
        check("buyer", config.maxUnpaidSeatsPerBuyer(), seats, ((Number) unpaid[0]).longValue(), "This email address");
        check("network", config.maxUnpaidSeatsPerNetwork(), seats, ((Number) unpaid[1]).longValue(),
                "Orders from your network");
    }

    private void check(String scope, int limit, int seats, long held, String holder) {
        if (held + seats <= limit) {
            return;
        }
        metrics.counter("frontdesk.tickets.unpaid_seat_cap", "scope", scope).increment();
        throw new ProblemException(409, "too-many-unpaid-seats", "Too many unpaid seats",
                holder + " already holds " + held + " unpaid seats, and at most " + limit
                        + " may be held at once. Paying or cancelling an unpaid order frees its seats.",
                null, Map.of("scope", scope, "limit", limit, "held", held, "requested", seats), Map.of());
    }
}
