package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.queue.QueueWorker;
import ch.frontdesk.queue.WorkQueue;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Unpaid orders whose hold is over give their seats back, and their buyers are told. Buyers of unpaid invoice
 * orders are reminded once before that happens, and the admin can end a hold at once. Both jobs are queues of the
 * orders they are due for, worked by {@link QueueWorker}: one order per transaction, locked with SKIP LOCKED (safe on
 * every instance; the order is locked before its ticket types, as when it is paid), and an order that keeps failing
 * is left for the admin while the others go on.
 */
@ApplicationScoped
class OrderExpiry {

    static final String EXPIRE_UNPAID = "tickets.expire-unpaid";
    static final String REMIND_INVOICE = "tickets.remind-invoice";

    private final OrderRelease release;
    private final TicketMails mails;
    private final QueueWorker worker;
    private final WorkQueue expireUnpaid;
    private final WorkQueue remindInvoice;
    private final Clock clock;
    private final MeterRegistry metrics;

    OrderExpiry(OrderRelease release, TicketMails mails, QueueWorker worker,
            @Named(EXPIRE_UNPAID) WorkQueue expireUnpaid, @Named(REMIND_INVOICE) WorkQueue remindInvoice,
            Clock clock, MeterRegistry metrics) {
        this.release = release;
        this.mails = mails;
        this.worker = worker;
        this.expireUnpaid = expireUnpaid;
        this.remindInvoice = remindInvoice;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Produces
    @Singleton
    @Named(EXPIRE_UNPAID)
    static WorkQueue expireUnpaidQueue() {
        return new WorkQueue(EXPIRE_UNPAID, "ticket_order", "status = 'pending_payment' and expires_at <= :now",
                "t.expires_at");
    }

    /** Only holds longer than the lead: a shorter one's payment details went out with the order just now. */
    @Produces
    @Singleton
    @Named(REMIND_INVOICE)
    static WorkQueue remindInvoiceQueue(TicketsConfig config) {
        return new WorkQueue(REMIND_INVOICE, "ticket_order", """
                status = 'pending_payment' and payment_method = 'invoice' and reminded_at is null
                and expires_at > :now and expires_at - make_interval(secs => :lead) <= :now
                and expires_at - created_at > make_interval(secs => :lead)""",
                "t.expires_at - make_interval(secs => :lead)")
                .withParameter("lead", (double) config.invoiceReminderBefore().toSeconds());
    }

    /** Expires every order whose hold is over. Returns how many expired. */
    int expireDue() {
        return worker.drain(expireUnpaid, id -> expire(TicketOrder.<TicketOrder>findById(id)));
    }

    /**
     * Reminds the buyer of every unpaid invoice order whose hold lapses within the reminder lead, once per order:
     * the mark and the outbox row commit together. Returns how many were reminded.
     */
    int remindDue() {
        return worker.drain(remindInvoice, this::remind);
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

    /** The order (claimed by the worker, still due) is reminded now. */
    private void remind(long id) {
        TicketOrder order = TicketOrder.findById(id);
        mails.orderReminder(order, Event.findById(order.eventId), Contact.findById(order.buyerId));
        order.remindedAt = clock.instant();
        metrics.counter("frontdesk.tickets.orders.reminded").increment();
    }
}
