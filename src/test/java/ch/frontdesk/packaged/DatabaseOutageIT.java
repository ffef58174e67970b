package ch.frontdesk.packaged;

import static ch.frontdesk.packaged.MailOutageIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL "restarted" while sign-ups and orders arrive. The instance reaches the database through a
 * {@link TcpProxy}, which drops every open connection and refuses new ones for some seconds, then lets them through
 * again: what a client sees of a restart (sessions end, connecting is refused until the server is back). The real
 * PostgreSQL is shared with other tests on this machine, so it is never restarted itself.
 */
class DatabaseOutageIT {

    private static final String SCHEMA = MailOutageIT.SCHEMA;
    /** Longest acceptable answer while the database is away: the 3 s acquisition timeout plus slack. */
    private static final long ANSWER_BOUND_MILLIS = 8_000;

    enum Phase { BEFORE, OUTAGE, RECOVERING, AFTER }

    record Sample(Phase phase, String kind, String email, Storefront.Answer answer) {
    }

    @Test
    void aDatabaseRestartDuringLoadIsAnswered503WithRetryAfterAndLeavesNothingHalfWritten() throws Exception {
        ServiceProcess.freshSchema(SCHEMA);
        Inbox smtp = Inbox.start();
        int smtpPort = smtp.port();
        ExecutorService load = Executors.newFixedThreadPool(2);
        try (TcpProxy database = TcpProxy.to("127.0.0.1", 5432);
                ServiceProcess service = Storefront.instance(SCHEMA, smtpPort).named("database-outage")
                        .with("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + database.port()
                                + "/postgres?currentSchema=" + SCHEMA)
                        // Connecting through the proxy to a busy PostgreSQL can take a second by itself.
                        .with("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "3s")
                        .start()) {
            long pid = service.pid();
            Storefront shop = new Storefront(service);
            Ledger ledger = new Ledger(SCHEMA);
            shop.createEvent("restart");
            shop.createTicketType("restart", "conference", 100_000);

            Queue<Sample> samples = new ConcurrentLinkedQueue<>();
            AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
            AtomicInteger counter = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<?>> workers = List.of(
                    load.submit(() -> drive(() -> "buyer" + counter.incrementAndGet() + "@example.org", "order",
                            email -> shop.order("restart", "conference", email), samples, phase, stop)),
                    load.submit(() -> drive(() -> "reader" + counter.incrementAndGet() + "@example.org", "signup",
                            shop::signUp, samples, phase, stop)));

            await("load running", Duration.ofSeconds(30), () -> succeeded(samples, Phase.BEFORE, "order") >= 5
                    && succeeded(samples, Phase.BEFORE, "signup") >= 5);
            phase.set(Phase.OUTAGE);
            long cut = System.nanoTime();
            database.cut();
            await("readiness DOWN while the database is away", Duration.ofSeconds(15),
                    () -> service.readiness() == 503);
            double secondsTo503 = (System.nanoTime() - cut) / 1e9;
            // Away for a few seconds, long enough for both kinds of request to meet it.
            await("both kinds of request answered 503 during the outage", Duration.ofSeconds(20),
                    () -> System.nanoTime() - cut > TimeUnit.SECONDS.toNanos(3)
                            && samples.stream().anyMatch(s -> s.kind().equals("order") && s.answer().status() == 503)
                            && samples.stream().anyMatch(s -> s.kind().equals("signup") && s.answer().status() == 503));
            phase.set(Phase.RECOVERING);
            database.restore();
            long restored = System.nanoTime();
            await("readiness UP again without a restart", Duration.ofSeconds(30), () -> service.readiness() == 200);
            double secondsTo200 = (System.nanoTime() - restored) / 1e9;
            phase.set(Phase.AFTER);
            await("requests succeed after recovery", Duration.ofSeconds(30),
                    () -> succeeded(samples, Phase.AFTER, "order") >= 5 && succeeded(samples, Phase.AFTER, "signup") >= 5);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }

            assertThat(service.isAlive()).isTrue();
            assertThat(service.pid()).as("recovered without a restart").isEqualTo(pid);
            List<Sample> all = List.copyOf(samples);
            long unavailable = all.stream().filter(s -> s.answer().status() == 503).count();
            long slowest = all.stream().mapToLong(s -> s.answer().millis()).max().orElse(0);
            System.out.printf("DatabaseOutageIT: %d requests; database away %.1f s, readiness 503 after %.1f s,"
                    + " 200 again %.1f s after it was back; %d answered 503; slowest answer %d ms%n", all.size(),
                    (restored - cut) / 1e9, secondsTo503, secondsTo200, unavailable, slowest);

            for (Sample sample : all) {
                Storefront.Answer answer = sample.answer();
                assertThat(answer.status()).as("%s", sample).isIn(201, 202, 503);
                assertThat(answer.millis()).as("answered within a bound: %s", sample).isLessThan(ANSWER_BOUND_MILLIS);
                if (answer.status() == 503) {
                    assertThat(answer.contentType()).as("%s", sample).startsWith("application/problem+json");
                    assertThat(answer.retryAfter()).as("%s", sample).isNotBlank();
                    assertThat(answer.json().path("status").asInt()).isEqualTo(503);
                    assertThat(answer.body()).as("no stack trace, class name or SQL").doesNotContain("Exception")
                            .doesNotContain("\tat ").doesNotContain("org.").doesNotContain("java.")
                            .doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert ");
                }
            }
            assertThat(all).filteredOn(s -> s.phase() == Phase.AFTER).as("after recovery every request succeeds")
                    .allMatch(s -> s.answer().status() / 100 == 2);

            // Nothing half-written: every accepted order is whole, the counters agree with the tickets.
            Map<String, String> orders = ledger.orders();
            List<String> accepted = all.stream().filter(s -> s.answer().status() == 201)
                    .map(s -> s.answer().json().path("id").asText()).toList();
            assertThat(orders.keySet()).containsAll(accepted);
            Ledger.Seats seats = ledger.seats();
            assertThat(seats.agree()).as("%s", seats).isTrue();
            System.out.printf("DatabaseOutageIT: %d orders accepted, %d stored (%d committed while their answer"
                    + " was lost with the connection), %s%n", accepted.size(), orders.size(),
                    orders.size() - accepted.size(), seats);

            // Every accepted order's mail and every accepted sign-up's confirmation goes out, once.
            await("the outbox drained", Duration.ofSeconds(120), () -> ledger.unappliedSignups() == 0
                    && ledger.outbox().values().stream().allMatch("sent"::equals));
            Map<Long, Integer> perRow = smtp.perOutboxRow();
            assertThat(perRow.keySet()).containsExactlyInAnyOrderElementsOf(ledger.outbox().keySet());
            assertThat(perRow.values()).as("no mail sent twice").allMatch(count -> count == 1);
            Map<String, Integer> perRecipient = smtp.perRecipient();
            for (Sample sample : all) {
                if (sample.answer().status() / 100 == 2) {
                    assertThat(perRecipient.get(sample.email())).as("mails to %s", sample.email()).isEqualTo(1);
                }
            }
        } finally {
            load.shutdownNow();
            smtp.close();
        }
    }

    private static long succeeded(Queue<Sample> samples, Phase phase, String kind) {
        return samples.stream().filter(s -> s.phase() == phase && s.kind().equals(kind)
                && s.answer().status() / 100 == 2).count();
    }

    /**
     * One client in a loop, paced (at most ten requests a second) so that the mails the requests queue are sent
     * within the test's time even on a busy machine.
     */
    private static void drive(java.util.function.Supplier<String> emails, String kind,
            java.util.function.Function<String, Storefront.Answer> request, Queue<Sample> samples,
            AtomicReference<Phase> phase, AtomicBoolean stop) {
        while (!stop.get()) {
            Phase now = phase.get();
            String email = emails.get();
            samples.add(new Sample(now, kind, email, request.apply(email)));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
