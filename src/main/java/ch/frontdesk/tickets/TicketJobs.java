package ch.frontdesk.tickets;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The clockwork of ticket sales: holds that run out, offers that lapse. Safe to run on every instance. */
@ApplicationScoped
class TicketJobs {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TicketJobs.class);

    private final OrderExpiry orders;
    private final Waitlist waitlist;

    TicketJobs(OrderExpiry orders, Waitlist waitlist) {
        this.orders = orders;
        this.waitlist = waitlist;
    }

    @Scheduled(every = "${frontdesk.tickets.jobs-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        // Each job runs even when the other fails; the failure is logged and retried next round.
        try {
            orders.expireDue();
        } catch (RuntimeException e) {
            LOG.error("Expiring unpaid orders failed", e);
        }
        try {
            orders.remindDue();
        } catch (RuntimeException e) {
            LOG.error("Reminding buyers of unpaid orders failed", e);
        }
        try {
            waitlist.lapseDue();
        } catch (RuntimeException e) {
            LOG.error("Passing on lapsed waiting-list offers failed", e);
        }
    }
}
