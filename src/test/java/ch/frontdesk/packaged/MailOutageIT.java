package ch.frontdesk.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server is down for minutes: mails wait in the outbox, retried with backoff, and when the server is back
 * each goes out exactly once; none is given up on while the outage is shorter than the retry budget.
 */
class MailOutageIT {

    static final String SCHEMA = "frontdesk_it_faults";
    private static final int ORDERS = 8;
    private static final int SIGNUPS = 8;
    private static final int MAX_ATTEMPTS = 12;

    @Test
    void mailsQueuedWhileTheSmtpServerIsDownGoOutExactlyOnceWhenItComesBack() {
        ServiceProcess.freshSchema(SCHEMA);
        Inbox smtp = Inbox.closed(); // nothing listens there until it opens below
        int smtpPort = smtp.port();
        // Production retries after 10 s, doubling up to 1 h, 8 attempts: about 21 minutes before a mail is set
        // aside. Here the delays are 50 times shorter (200 ms doubling, the outbox looking every second) and a mail
        // gets 12 attempts (about 400 s of budget), so an outage of a few seconds here is one of minutes in
        // production, with the same number of retry rounds, and it stays well inside the budget even on a busy
        // machine.
        try (ServiceProcess service = Storefront.instance(SCHEMA, smtpPort).named("mail-outage")
                .with("FRONTDESK_OUTBOX_FIRST_RETRY_DELAY", "200ms")
                .with("FRONTDESK_OUTBOX_MAX_RETRY_DELAY", "72s")
                .with("FRONTDESK_OUTBOX_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS))
                .start()) {
            Storefront shop = new Storefront(service);
            Ledger ledger = new Ledger(SCHEMA);
            shop.createEvent("outage");
            shop.createTicketType("outage", "conference", 100);

            long outageBegan = System.nanoTime();
            for (int i = 0; i < ORDERS; i++) {
                Storefront.expect(201, shop.order("outage", "conference", "buyer" + i + "@example.org"));
            }
            for (int i = 0; i < SIGNUPS; i++) {
                Storefront.expect(202, shop.signUp("reader" + i + "@example.org"));
            }
            // The outage lasts until every mail has failed at least twice: retried, not lost and not given up on.
            await("every mail queued and tried twice against the absent server", Duration.ofSeconds(60),
                    () -> ledger.outbox().size() == ORDERS + SIGNUPS
                            && ledger.count("select coalesce(min(attempts), 0) from outbox_message") >= 2);
            Map<Long, String> queued = ledger.outbox();
            assertThat(queued.values()).as("nothing sent, nothing set aside during the outage")
                    .allMatch(status -> status.equals("pending") || status.equals("sending"));
            assertThat(ledger.deadQueueRows()).isZero();
            long attemptsDuringOutage = ledger.mostOutboxAttempts();
            assertThat(attemptsDuringOutage).as("the outage is shorter than the retry budget").isLessThan(MAX_ATTEMPTS);
            double outageSeconds = (System.nanoTime() - outageBegan) / 1e9;

            smtp.open();
            long back = System.nanoTime();
            try {
                await("every mail delivered once the server is back", Duration.ofSeconds(40),
                        () -> ledger.outbox().values().stream().allMatch("sent"::equals));
                double drainSeconds = (System.nanoTime() - back) / 1e9;
                Map<Long, Integer> received = smtp.perOutboxRow();
                System.out.printf("MailOutageIT: %d mails queued, SMTP down %.1f s (up to %d attempts each), all"
                        + " delivered %.1f s after it came back; %d messages received for %d outbox rows%n",
                        queued.size(), outageSeconds, attemptsDuringOutage, drainSeconds, smtp.received(),
                        received.size());
                assertThat(received.keySet()).as("one message per outbox row, none lost")
                        .containsExactlyInAnyOrderElementsOf(queued.keySet());
                assertThat(received.values()).as("none sent twice").allMatch(count -> count == 1);
                assertThat(ledger.deadQueueRows()).as("nothing given up on").isZero();
                assertThat(ledger.count("select count(*) from outbox_message where status = 'failed'")).isZero();
            } finally {
                smtp.close();
            }
        }
    }

    /** Polls for an outcome of background work, failing after {@code within}. */
    static void await(String what, Duration within, BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what);
            }
        }
    }
}
