package ch.frontdesk.packaged;

import static ch.frontdesk.packaged.MailOutageIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of a ticket rush and of an outbox batch, then a start again. Nothing the instance held
 * in memory may matter: the orders and counters are whatever committed, holds placed before the crash expire on time
 * after it, and the mails the crash interrupted are sent after it.
 *
 * <p>The guarantee for mail is "at least once, and twice only for a message whose delivery the crash interrupted
 * after the SMTP server had taken it but before its acknowledgement was recorded". The outbox leases a message
 * ({@code sending}, until {@code lease_until}) before it sends it with no transaction open, and records it sent
 * afterwards; a sender killed in between leaves the lease, which runs out, and the message is sent again. Only that
 * one message (one sender works one message at a time) can be sent twice, and since every attempt carries the same
 * {@code Message-ID}, a receiver can recognise the second copy as the same message.
 */
class CrashIT {

    private static final String SCHEMA = MailOutageIT.SCHEMA;
    private static final int CAPACITY = 40;
    private static final Duration HOLD = Duration.ofSeconds(12);
    /** The ticket jobs start this long after the instance does (TicketJobs), then run every second. */
    private static final Duration JOBS_START_DELAY = Duration.ofSeconds(10);
    /** A hold lapses within this of its time, or of the jobs' first run after the restart if that is later. */
    private static final Duration EXPIRY_SLACK = Duration.ofSeconds(5);

    @Test
    void killedMidRushAndMidMailBatchItRestartsWithCountsInAgreementHoldsExpiringOnTimeAndNoMailLost()
            throws Exception {
        ServiceProcess.freshSchema(SCHEMA);
        Inbox smtp = Inbox.start();
        ExecutorService rush = Executors.newFixedThreadPool(6);
        // The instance mails through a proxy that can stall a delivery half-way, so the kill lands mid-send.
        try (TcpProxy mailRelay = TcpProxy.to("127.0.0.1", smtp.port());
                ServiceProcess service = Storefront.instance(SCHEMA, mailRelay.port()).named("crash")
                        .with("FRONTDESK_TICKETS_INVOICE_HOLD", HOLD.toSeconds() + "s")
                        .with("FRONTDESK_TICKETS_INVOICE_REMINDER_BEFORE", "1s")
                        // A send gives up after 5 s and its lease runs out after 6 s: the restart takes longer.
                        .with("QUARKUS_MAILER_TIMEOUT", "5s")
                        .with("FRONTDESK_OUTBOX_LEASE", "6s")
                        .start()) {
            Storefront shop = new Storefront(service);
            Ledger ledger = new Ledger(SCHEMA);
            shop.createEvent("crash");
            shop.createTicketType("crash", "conference", CAPACITY);

            Queue<Storefront.Answer> answers = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger buyers = new AtomicInteger();
            for (int i = 0; i < 6; i++) {
                rush.submit(() -> {
                    while (running.get()) {
                        Storefront.Answer answer = shop.order("crash", "conference",
                                "buyer" + buyers.incrementAndGet() + "@example.org");
                        answers.add(answer);
                        if (answer.status() == 409 || answer.status() == -1) {
                            return; // sold out, or the instance is gone
                        }
                    }
                });
            }
            await("the rush under way and mails going out", Duration.ofSeconds(30),
                    () -> accepted(answers).size() >= 12 && smtp.received() >= 3);
            mailRelay.pause();
            awaitStalledDelivery(ledger);
            service.kill();
            Instant killedAt = Instant.now();
            Set<Long> sendingAtKill = ledger.sending();
            int receivedAtKill = smtp.received();
            running.set(false);
            rush.shutdown();
            assertThat(rush.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            List<String> accepted = accepted(answers);

            // What committed is whole, with or without its answer.
            Ledger.Seats afterKill = ledger.seats();
            assertThat(afterKill.agree()).as("%s", afterKill).isTrue();
            assertThat(afterKill.held() + afterKill.sold()).isLessThanOrEqualTo(CAPACITY);
            Map<String, String> orders = ledger.orders();
            assertThat(orders.keySet()).containsAll(accepted);
            assertThat(orders.values()).allMatch("pending_payment"::equals);

            mailRelay.resume();
            service.start();
            Instant readyAt = Instant.now();
            System.out.printf("CrashIT: killed with %d orders accepted (%d stored, %s), %d mails received and %d"
                    + " being sent; ready again %d ms after the kill%n", accepted.size(), orders.size(), afterKill,
                    receivedAtKill, sendingAtKill.size(), Duration.between(killedAt, readyAt).toMillis());

            await("every hold placed before the crash has lapsed", HOLD.plus(JOBS_START_DELAY).plus(Duration.ofSeconds(20)),
                    () -> ledger.seats().held() == 0);
            Ledger.Seats end = ledger.seats();
            assertThat(end.agree()).as("%s", end).isTrue();
            assertThat(end.sold()).isZero();
            assertThat(ledger.orders().values()).allMatch("expired"::equals);
            assertThat(shop.available("crash", "conference")).as("the seats are for sale again").isTrue();
            for (Object[] order : expiries(ledger)) {
                Instant expiresAt = ((Timestamp) order[0]).toInstant();
                Instant expiredAt = ((Timestamp) order[1]).toInstant();
                Instant firstRun = readyAt.plus(JOBS_START_DELAY);
                Instant due = expiresAt.isAfter(firstRun) ? expiresAt : firstRun;
                assertThat(expiredAt).as("not before its time").isAfterOrEqualTo(expiresAt);
                assertThat(expiredAt).as("on time: hold until %s, jobs from %s", expiresAt, firstRun)
                        .isBefore(due.plus(EXPIRY_SLACK));
            }

            await("every mail sent", Duration.ofSeconds(30),
                    () -> ledger.outbox().values().stream().allMatch("sent"::equals));
            Map<Long, Integer> perRow = smtp.perOutboxRow();
            List<Long> twice = new ArrayList<>();
            perRow.forEach((row, count) -> {
                if (count > 1) {
                    twice.add(row);
                }
            });
            System.out.printf("CrashIT: %d mails in the outbox, %d received, sent twice: %s (interrupted: %s)%n",
                    ledger.outbox().size(), smtp.received(), twice, sendingAtKill);
            assertThat(sendingAtKill).as("one sender, one message in flight").hasSize(1);
            assertThat(perRow.keySet()).as("no mail lost").containsExactlyInAnyOrderElementsOf(ledger.outbox().keySet());
            assertThat(twice).as("only the interrupted message may arrive twice").isSubsetOf(sendingAtKill);
            assertThat(perRow.values()).allMatch(count -> count <= 2);
            assertThat(ledger.deadQueueRows()).isZero();
        } finally {
            rush.shutdownNow();
            smtp.close();
        }
    }

    /**
     * Waits until one message stays leased ({@code sending}) for a second while the relay holds its bytes: its
     * delivery is stuck half-way, not merely under way (one seen under way may still finish before the pause).
     */
    private static void awaitStalledDelivery(Ledger ledger) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (System.nanoTime() < deadline) {
            Set<Long> sending = ledger.sending();
            if (!sending.isEmpty()) {
                Thread.sleep(1_000); // well below the 5 s mailer timeout, after which the send would fail
                if (ledger.sending().equals(sending)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No delivery stalled at the paused relay");
    }

    private static List<String> accepted(Queue<Storefront.Answer> answers) {
        return answers.stream().filter(a -> a.status() == 201).map(a -> a.json().path("id").asText()).toList();
    }

    /** When each order's hold ran out and when it was found expired (its last change). */
    private static List<Object[]> expiries(Ledger ledger) {
        return ledger.rows("select expires_at, updated_at from ticket_order where status = 'expired'");
    }
}
