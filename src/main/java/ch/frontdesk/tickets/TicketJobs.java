package ch.frontdesk.tickets;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clockwork of ticket sales: holds that run out, reminders before they do, offers that lapse. Each is a queue
 * worked by {@link ch.frontdesk.queue.QueueWorker}, safe to run on every instance.
 */
@ApplicationScoped
class TicketJobs {

    private final OrderExpiry orders;
    private final Waitlist waitlist;

    TicketJobs(OrderExpiry orders, Waitlist waitlist) {
        this.orders = orders;
        this.waitlist = waitlist;
    }

    @Scheduled(every = "${frontdesk.tickets.jobs-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        // A failing order or offer is the worker's to retry; only a database that cannot claim rows stops the round.
        orders.expireDue();
        orders.remindDue();
        waitlist.lapseDue();
    }
}
