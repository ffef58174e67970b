package ch.frontdesk.support;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the pledge calendar: renewals, reminders, lapsed invoices. Safe to run on every instance. */
@ApplicationScoped
class SupportJobs {

    private final PledgeService pledges;

    SupportJobs(PledgeService pledges) {
        this.pledges = pledges;
    }

    @Scheduled(every = "${frontdesk.support.jobs-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        pledges.runCalendar();
    }
}
