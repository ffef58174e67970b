package ch.frontdesk.tickets;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The clockwork of ticket sales: holds that run out, offers that lapse. Safe to run on every instance. */
@ApplicationScoped
class TicketJobs {

    private final OrderService orders;
    private final Waitlist waitlist;

    TicketJobs(OrderService orders, Waitlist waitlist) {
        this.orders = orders;
        this.waitlist = waitlist;
    }

    @Scheduled(every = "${frontdesk.tickets.jobs-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        orders.expireDue();
        waitlist.lapseDue();
    }
}
