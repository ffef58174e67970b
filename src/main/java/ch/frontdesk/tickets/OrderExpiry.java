package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Unpaid orders whose hold is over give their seats back, and their buyers are told. Buyers of unpaid invoice
 * orders are reminded once before that happens, and the admin can end a hold at once.
 */
@ApplicationScoped
class OrderExpiry {

    /** One order per transaction: each locks only its own ticket types, so expiry never deadlocks a sale. */
    private static final int BATCH = 1;

    private final OrderRelease release;
    private final TicketMails mails;
    private final TicketsConfig config;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    OrderExpiry(OrderRelease release, TicketMails mails, TicketsConfig config, EntityManager em, Clock clock,
            MeterRegistry metrics) {
        this.release = release;
        this.mails = mails;
        this.config = config;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Expires every order whose hold is over. Safe on many instances: each skips the rows another one holds. */
    int expireDue() {
        return untilDone(this::expireBatch);
    }

    /**
     * Reminds the buyer of every unpaid invoice order whose hold lapses within the reminder window, once per order.
     * The mark and the outbox row commit together, and a row another instance is reminding about is skipped.
     */
    int remindDue() {
        return untilDone(this::remindBatch);
    }

    /** The admin ends an unpaid order's hold now: it expires, exactly as when its hold runs out. */
    @Transactional
    OrderView releaseByAdmin(UUID id) {
        TicketOrder order = OrderFulfilment.lockByPublicId(id);
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            throw ProblemException.conflict("not-releasable", "Not releasable", "The order is "
                    + order.status.json() + "; only an unpaid order holds seats that can be released.");
        }
        expire(order);
        return OrderViews.view(order);
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

    /** Runs batches, each in a transaction of its own, until one comes back short: nothing is left to do. */
    private static int untilDone(Supplier<Integer> batch) {
        int done = 0;
        int last;
        do {
            last = QuarkusTransaction.requiringNew().call(batch::get);
            done += last;
        } while (last == BATCH);
        return done;
    }

    private int expireBatch() {
        List<TicketOrder> due = claim("""
                select id from ticket_order where status = 'pending_payment' and expires_at <= ?1
                order by expires_at limit ?2 for update skip locked""", clock.instant());
        due.forEach(this::expire);
        return due.size();
    }

    private int remindBatch() {
        Instant now = clock.instant();
        // Only holds longer than the window: a shorter one's payment details went out with the order just now.
        List<TicketOrder> due = claim("""
                select id from ticket_order where status = 'pending_payment' and payment_method = ?3
                and reminded_at is null and expires_at > ?1 and expires_at <= ?4
                and expires_at - created_at > make_interval(secs => ?5)
                order by expires_at limit ?2 for update skip locked""", now, PaymentMethod.INVOICE.json(),
                now.plus(config.invoiceReminderBefore()), (double) config.invoiceReminderBefore().toSeconds());
        for (TicketOrder order : due) {
            mails.orderReminder(order, Event.findById(order.eventId), Contact.findById(order.buyerId));
            order.remindedAt = now;
            metrics.counter("frontdesk.tickets.orders.reminded").increment();
        }
        return due.size();
    }

    /** Locks up to one batch of orders (the query's ?1 is now, ?2 the batch size, then {@code more}). */
    private List<TicketOrder> claim(String sql, Instant now, Object... more) {
        var query = em.createNativeQuery(sql).setParameter(1, now).setParameter(2, BATCH);
        for (int i = 0; i < more.length; i++) {
            query.setParameter(i + 3, more[i]);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(id -> TicketOrder.<TicketOrder>findById(id.longValue())).toList();
    }
}
