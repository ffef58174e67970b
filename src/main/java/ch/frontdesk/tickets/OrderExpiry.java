package ch.frontdesk.tickets;

import ch.frontdesk.contact.Contact;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Unpaid orders whose hold is over give their seats back, and their buyers are told. */
@ApplicationScoped
class OrderExpiry {

    /** One order per transaction: each locks only its own ticket types, so expiry never deadlocks a sale. */
    private static final int EXPIRY_BATCH = 1;

    private final OrderRelease release;
    private final TicketMails mails;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    OrderExpiry(OrderRelease release, TicketMails mails, EntityManager em, Clock clock, MeterRegistry metrics) {
        this.release = release;
        this.mails = mails;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Expires every order whose hold is over. Safe on many instances: each skips the rows another one holds. */
    int expireDue() {
        int expired = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::expireBatch);
            expired += batch;
        } while (batch == EXPIRY_BATCH);
        return expired;
    }

    private int expireBatch() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select id from ticket_order where status = 'pending_payment' and expires_at <= ?1
                order by expires_at limit ?2 for update skip locked""")
                .setParameter(1, clock.instant()).setParameter(2, EXPIRY_BATCH).getResultList();
        for (Number id : ids) {
            expire(TicketOrder.findById(id.longValue()));
        }
        return ids.size();
    }

    /** The order (locked, pending payment) expires now: seats back, buyer told, the waiting list served. */
    @Transactional(Transactional.TxType.MANDATORY)
    void expire(TicketOrder order) {
        Instant now = clock.instant();
        List<Ticket> tickets = OrderViews.tickets(order);
        release.release(order, tickets, now);
        order.status = OrderStatus.EXPIRED;
        order.checkoutUrl = null;
        order.updatedAt = now;
        mails.orderExpired(order, Event.findById(order.eventId), Contact.findById(order.buyerId));
        metrics.counter("frontdesk.tickets.orders.expired").increment();
        release.offerToWaitlist(tickets);
    }
}
