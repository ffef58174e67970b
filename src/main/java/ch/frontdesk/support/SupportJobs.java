package ch.frontdesk.support;

import ch.frontdesk.queue.QueueWorker;
import ch.frontdesk.queue.WorkQueue;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Runs the pledge calendar: unpaid first invoices expire, paid periods end (renewing by invoice, or ending a
 * cancelled or one-off pledge), unpaid renewals end the pledge, and yearly supporters hear about their renewal ahead.
 * Each step is a queue of the pledges it is due for; each pledge is handled in its own transaction, locked with SKIP
 * LOCKED (safe on every instance), and one that keeps failing is left for the admin while the others go on.
 */
@ApplicationScoped
class SupportJobs {

    static final String EXPIRE_UNPAID = "pledges.expire-unpaid";
    static final String END_PERIOD = "pledges.end-period";
    static final String END_UNPAID_RENEWAL = "pledges.end-unpaid-renewal";
    static final String REMIND_RENEWAL = "pledges.remind-renewal";

    private final PledgeService pledges;
    private final QueueWorker worker;
    private final WorkQueue expireUnpaid;
    private final WorkQueue endPeriod;
    private final WorkQueue endUnpaidRenewal;
    private final WorkQueue remindRenewal;

    SupportJobs(PledgeService pledges, QueueWorker worker, @Named(EXPIRE_UNPAID) WorkQueue expireUnpaid,
            @Named(END_PERIOD) WorkQueue endPeriod, @Named(END_UNPAID_RENEWAL) WorkQueue endUnpaidRenewal,
            @Named(REMIND_RENEWAL) WorkQueue remindRenewal) {
        this.pledges = pledges;
        this.worker = worker;
        this.expireUnpaid = expireUnpaid;
        this.endPeriod = endPeriod;
        this.endUnpaidRenewal = endUnpaidRenewal;
        this.remindRenewal = remindRenewal;
    }

    @Produces
    @Singleton
    @Named(EXPIRE_UNPAID)
    static WorkQueue expireUnpaidQueue() {
        return new WorkQueue(EXPIRE_UNPAID, "pledge", "status = 'pending_payment' and payment_due_at <= :now",
                "t.payment_due_at");
    }

    /** Stripe renews card subscriptions and tells us by webhook; the calendar ends only what it owns. */
    @Produces
    @Singleton
    @Named(END_PERIOD)
    static WorkQueue endPeriodQueue() {
        return new WorkQueue(END_PERIOD, "pledge", """
                status = 'active' and current_period_end <= :now
                and not (payment_method = 'card' and billing_interval <> 'once')""", "t.current_period_end");
    }

    @Produces
    @Singleton
    @Named(END_UNPAID_RENEWAL)
    static WorkQueue endUnpaidRenewalQueue() {
        return new WorkQueue(END_UNPAID_RENEWAL, "pledge", "status = 'past_due' and payment_due_at <= :now",
                "t.payment_due_at");
    }

    @Produces
    @Singleton
    @Named(REMIND_RENEWAL)
    static WorkQueue remindRenewalQueue(SupportConfig config) {
        return new WorkQueue(REMIND_RENEWAL, "pledge", """
                status = 'active' and billing_interval = 'year' and not cancel_at_period_end
                and current_period_end - make_interval(secs => :lead) <= :now
                and reminded_for_period_end is distinct from current_period_end""",
                "t.current_period_end - make_interval(secs => :lead)")
                .withParameter("lead", (double) config.renewalReminder().toSeconds());
    }

    @Scheduled(every = "${frontdesk.support.jobs-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runCalendar();
    }

    /** Runs every step of the calendar once. Returns how many pledges were handled. */
    int runCalendar() {
        return worker.drain(expireUnpaid, pledges::expireUnpaid)
                + worker.drain(endPeriod, pledges::endPeriod)
                + worker.drain(endUnpaidRenewal, pledges::endUnpaidRenewal)
                + worker.drain(remindRenewal, pledges::remind);
    }
}
