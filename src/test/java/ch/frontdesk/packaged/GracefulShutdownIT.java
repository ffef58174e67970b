package ch.frontdesk.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged service stopped as Kubernetes stops a pod, with {@code SIGTERM}: readiness turns DOWN while the server
 * still answers (the shutdown delay), requests in flight finish with their normal answer, the mail being sent is
 * sent once and recorded, and the process exits by itself. And a rolling update, a new instance started and the old
 * one stopped under load from a client that follows readiness, loses no request.
 */
class GracefulShutdownIT {

    private static final String SCHEMA = "frontdesk_it_k8s";
    private static final String EVENT = "summit-2099";
    /** As the Deployment's terminationGracePeriodSeconds: after it, Kubernetes kills the pod. */
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(75);
    /** The JVM's exit status after a SIGTERM whose shutdown hooks all completed (128 + 15). */
    private static final int EXIT_AFTER_SIGTERM = 143;
    private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger BUYERS = new AtomicInteger();

    @Test
    void aSigtermLetsRequestsInFlightAndTheMailInHandFinish() throws Exception {
        ServiceProcess.freshSchema(SCHEMA);
        try (HeldSmtpServer smtp = new HeldSmtpServer();
                ServiceProcess service = settings(smtp.port()).named("graceful")
                        // The Deployment's JAVA_OPTS, so the resident size printed below is the one the pod's memory
                        // limit must hold.
                        .jvmOption("-Xmx192m").jvmOption("-XX:MaxMetaspaceSize=128m").jvmOption("-XX:+UseSerialGC")
                        .build()) {
            service.start();
            createEventWithTickets(service);

            // Twelve buyers order in a loop until they see readiness turn DOWN, as a load balancer would.
            AtomicBoolean ready = new AtomicBoolean(true);
            Thread watcher = watchReadiness(service, ready);
            Load load = new Load(12, () -> ready.get() ? service.url() : null);
            load.awaitAnswers(100, Duration.ofSeconds(60));
            // The outbox has leased a mail and is in the middle of delivering it.
            String mailInHand = smtp.awaitHeld(Duration.ofSeconds(30));
            assertThat(mailInHand).as("a mail held in delivery").isNotNull();
            long resident = service.residentBytes();
            int answeredBeforeSigterm = load.answered();
            // A request that is still arriving when the server begins to stop: its body comes in two halves.
            SlowOrder slow = SlowOrder.begin(service);

            long sigterm = System.nanoTime();
            service.terminate();

            assertThat(awaitReadiness(service, 503)).as("readiness DOWN, on a management port still answering").isTrue();
            load.finish();
            watcher.interrupt();
            // During the delay the service is out of the balancer's pool but still answers whoever reaches it.
            List<Outcome> duringDelay = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                duringDelay.add(placeOrder(service.url()));
            }
            assertThat(service.readiness()).isEqualTo(503);

            // After the delay the server waits for requests in flight: the slow one gets its normal answer.
            assertThat(service.awaitLog("Waiting for HTTP requests to complete", Duration.ofSeconds(30)))
                    .as("the server waits for the request still arriving").isTrue();
            Outcome slowAnswer = slow.finish();
            // Then shutdown waits for the mail in hand before closing the database pool under it.
            assertThat(service.awaitLog("to finish the row in hand", Duration.ofSeconds(30)))
                    .as("shutdown waits for the queue row in hand").isTrue();
            smtp.release();

            OptionalInt exit = service.awaitExit(GRACE_PERIOD);
            long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
            System.out.printf("Graceful shutdown: ready after %d ms; %d MiB resident after %d orders (heap 192 MiB);"
                            + " %d orders answered by the load, %d during the delay, 1 slow; exit %s %d ms after SIGTERM%n",
                    service.readyMillis(), resident >> 20, answeredBeforeSigterm, load.answered(), duringDelay.size(),
                    exit, stoppedMillis);

            assertThat(exit).as("exit within the grace period").isPresent();
            assertThat(exit.getAsInt()).isEqualTo(EXIT_AFTER_SIGTERM);
            assertThat(load.failures()).as("requests that got no normal answer").isEmpty();
            assertThat(load.statuses()).containsOnly(201);
            assertThat(duringDelay).extracting(Outcome::status).containsOnly(201);
            assertThat(slowAnswer.status()).as("the request in flight when the server stopped").isEqualTo(201);
            Set<String> answered = new HashSet<>(load.orderIds());
            duringDelay.forEach(o -> answered.add(o.orderId()));
            answered.add(slowAnswer.orderId());
            assertThat(Orders.idsIn(SCHEMA)).as("orders in the database: every one answered 201, and no other")
                    .containsExactlyInAnyOrderElementsOf(answered);

            // The mail in hand went out once and is recorded as sent; the others wait, none half-sent.
            assertThat(smtp.accepted()).containsExactly(mailInHand);
            assertThat(Orders.outboxStatus(SCHEMA, outboxId(mailInHand))).isEqualTo("sent");
            assertThat(Orders.outboxCount(SCHEMA, "sending")).isZero();
            assertThat(service.log()).contains("Queue drains stopped").doesNotContain("shutting down anyway")
                    .doesNotContain("Timed out waiting for graceful shutdown");
        }
    }

    @Test
    void aRollingUpdateUnderLoadLosesNoRequest() throws Exception {
        ServiceProcess.freshSchema(SCHEMA);
        try (ServiceProcess old = settings(0).named("rolling-old").build()) {
            old.start();
            createEventWithTickets(old);
            Map<ServiceProcess, AtomicBoolean> pool = new ConcurrentHashMap<>();
            List<ServiceProcess> instances = new CopyOnWriteArrayList<>(List.of(old));
            pool.put(old, new AtomicBoolean(true));
            List<Thread> watchers = new ArrayList<>(List.of(watchReadiness(old, pool.get(old))));
            // The client spreads orders over the instances that are ready, as a Kubernetes Service does.
            AtomicInteger next = new AtomicInteger();
            Load load = new Load(6, () -> {
                List<ServiceProcess> ready = instances.stream().filter(i -> pool.get(i).get()).toList();
                return ready.isEmpty() ? null : ready.get(Math.floorMod(next.getAndIncrement(), ready.size())).url();
            });
            load.awaitAnswers(50, Duration.ofSeconds(60));

            try (ServiceProcess fresh = settings(0).named("rolling-new").build()) {
                fresh.start();
                pool.put(fresh, new AtomicBoolean(true));
                instances.add(fresh);
                watchers.add(watchReadiness(fresh, pool.get(fresh)));
                load.awaitAnswersFrom(fresh.url(), 20, Duration.ofSeconds(60));

                old.terminate();
                OptionalInt exit = old.awaitExit(GRACE_PERIOD);
                int afterOldStopped = load.answered();
                load.awaitAnswers(afterOldStopped + 50, Duration.ofSeconds(60));
                load.stop();
                watchers.forEach(Thread::interrupt);

                System.out.printf("Rolling update: %d orders, %d by the old instance, %d by the new one;"
                                + " old instance exit %s; new one ready after %d ms under load%n",
                        load.answered(), load.answeredBy(old.url()), load.answeredBy(fresh.url()), exit,
                        fresh.readyMillis());
                assertThat(exit).hasValue(EXIT_AFTER_SIGTERM);
                assertThat(load.failures()).as("requests that got no normal answer").isEmpty();
                assertThat(load.unrouted()).as("moments with no ready instance").isZero();
                assertThat(load.statuses()).containsOnly(201);
                assertThat(load.answeredBy(old.url())).isPositive();
                assertThat(load.answeredBy(fresh.url())).isPositive();
                assertThat(Orders.idsIn(SCHEMA)).containsExactlyInAnyOrderElementsOf(load.orderIds());
            }
        }
    }

    private static ServiceProcess.Builder settings(int smtpPort) {
        return ServiceProcess.on(SCHEMA, smtpPort)
                .with("QUARKUS_SHUTDOWN_DELAY", "2s")
                // Every test client is 127.0.0.1, one network placing a thousand unpaid orders.
                .with("FRONTDESK_TICKETS_ORDERS_PER_MINUTE", "1000000")
                .with("FRONTDESK_TICKETS_MAX_UNPAID_SEATS_PER_NETWORK", "1000000")
                .with("FRONTDESK_TICKETS_MAX_UNPAID_SEATS_PER_BUYER", "1000000");
    }

    private static void createEventWithTickets(ServiceProcess service) throws Exception {
        assertThat(admin(service, "/api/admin/events", """
                {"slug": "%s", "name": "AMLD Intelligence Summit 2099", "startsOn": "2099-02-10",
                 "endsOn": "2099-02-12", "venue": "EPFL campus, Lausanne", "timezone": "Europe/Zurich"}"""
                .formatted(EVENT))).isEqualTo(201);
        assertThat(admin(service, "/api/admin/events/" + EVENT + "/ticket-types", """
                {"code": "conference", "name": "Conference pass", "capacity": 100000,
                 "price": {"amount": 59000, "currency": "CHF"}}""")).isEqualTo(201);
    }

    private static int admin(ServiceProcess service, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("owner:owner-password".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String orderJson() {
        int buyer = BUYERS.incrementAndGet();
        return """
                {"buyer": {"email": "buyer-%1$d@example.org", "name": "Buyer %1$d"},
                 "tickets": [{"type": "conference", "attendee": {"name": "Buyer %1$d", "email": "buyer-%1$d@example.org"}}],
                 "consent": true}""".formatted(buyer);
    }

    /** One order; an answer of any status, or the failure of a request that got none. */
    private static Outcome placeOrder(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/events/" + EVENT + "/orders"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(orderJson())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Outcome.of(baseUrl, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Outcome(baseUrl, -1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(baseUrl, -1, null, "interrupted");
        }
    }

    private record Outcome(String baseUrl, int status, String orderId, String failure) {
        static Outcome of(String baseUrl, int status, String body) {
            Matcher id = ORDER_ID.matcher(body);
            return new Outcome(baseUrl, status, status == 201 && id.find() ? id.group(1) : null,
                    status >= 500 ? "HTTP " + status + ": " + body : null);
        }
    }

    /** Keeps {@code ready} to whether the instance's readiness answers 200, as a Service's endpoints follow it. */
    private static Thread watchReadiness(ServiceProcess service, AtomicBoolean ready) {
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ready.set(service.readiness() == 200);
                try {
                    Thread.sleep(25); // the polling period of this stand-in for the endpoints controller
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "readiness-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    private static boolean awaitReadiness(ServiceProcess service, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (service.readiness() == status) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static long outboxId(String messageId) {
        Matcher id = Pattern.compile("<outbox-(\\d+)\\.").matcher(messageId);
        assertThat(id.find()).as("an outbox Message-ID: %s", messageId).isTrue();
        return Long.parseLong(id.group(1));
    }

    /**
     * Clients that place orders in a loop, each at the instance {@code route} names (null: none is ready, the client
     * waits). A client leaves after its current order once told to, or once {@code route} names none at all when
     * {@link #finish()} was called.
     */
    private static final class Load {
        private static final long THINK_MILLIS = 50;
        private final ExecutorService clients;
        private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicBoolean leaveWhenUnrouted = new AtomicBoolean();
        private final AtomicInteger unrouted = new AtomicInteger();

        Load(int clientCount, java.util.function.Supplier<String> route) {
            clients = Executors.newFixedThreadPool(clientCount);
            for (int i = 0; i < clientCount; i++) {
                clients.submit(() -> {
                    while (!stopped.get()) {
                        String target = route.get();
                        if (target == null) {
                            if (leaveWhenUnrouted.get()) {
                                return null;
                            }
                            unrouted.incrementAndGet();
                            Thread.sleep(5);
                            continue;
                        }
                        outcomes.add(placeOrder(target));
                        // Buyers pause between orders: requests stay in flight without queueing every client on the
                        // 8 connections of the pool and the one ticket type's row (the rush is another test's subject).
                        Thread.sleep(THINK_MILLIS);
                    }
                    return null;
                });
            }
        }

        /** Clients leave once no instance is ready; waits until all have. */
        void finish() throws InterruptedException {
            leaveWhenUnrouted.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients done").isTrue();
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients done").isTrue();
        }

        void awaitAnswers(int count, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (answered() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(answered()).as("orders answered").isGreaterThanOrEqualTo(count);
        }

        void awaitAnswersFrom(String baseUrl, int count, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (answeredBy(baseUrl) < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(answeredBy(baseUrl)).as("orders answered by %s", baseUrl).isGreaterThanOrEqualTo(count);
        }

        int answered() {
            return (int) outcomes.stream().filter(o -> o.status() > 0).count();
        }

        int answeredBy(String baseUrl) {
            return (int) outcomes.stream().filter(o -> o.status() > 0 && o.baseUrl().equals(baseUrl)).count();
        }

        int unrouted() {
            return leaveWhenUnrouted.get() ? 0 : unrouted.get();
        }

        List<String> failures() {
            return outcomes.stream().map(Outcome::failure).filter(f -> f != null).toList();
        }

        Set<Integer> statuses() {
            return outcomes.stream().map(Outcome::status).collect(java.util.stream.Collectors.toSet());
        }

        List<String> orderIds() {
            return outcomes.stream().map(Outcome::orderId).filter(id -> id != null).toList();
        }
    }

    /** An order sent over a raw connection in two parts, so it is in flight for as long as the test wants. */
    private static final class SlowOrder {
        private final Socket socket;
        private final byte[] body;

        private SlowOrder(Socket socket, byte[] body) {
            this.socket = socket;
            this.body = body;
        }

        static SlowOrder begin(ServiceProcess service) throws IOException {
            URI url = URI.create(service.url());
            Socket socket = new Socket(url.getHost(), url.getPort());
            socket.setSoTimeout(30_000);
            byte[] body = orderJson().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/events/" + EVENT + "/orders HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            return new SlowOrder(socket, body);
        }

        /** Sends the rest of the body and reads the answer. */
        Outcome finish() throws IOException {
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                InputStream in = socket.getInputStream();
                StringBuilder answer = new StringBuilder();
                byte[] buffer = new byte[8192];
                // The server closes the connection after answering: it is shutting down.
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                String text = answer.toString();
                assertThat(text).as("an HTTP answer").startsWith("HTTP/1.1 ");
                return Outcome.of("slow", Integer.parseInt(text.substring(9, 12)), text);
            }
        }
    }

    /**
     * What the database holds. The only SQL of this test, kept here so a change of tables touches one place.
     */
    private static final class Orders {
        static List<String> idsIn(String schema) throws SQLException {
            List<String> ids = new ArrayList<>();
            try (var connection = connect(schema); var rows = connection.createStatement()
                    .executeQuery("select public_id::text from ticket_order")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }

        static String outboxStatus(String schema, long id) throws SQLException {
            try (var connection = connect(schema);
                    var query = connection.prepareStatement("select status from outbox_message where id = ?")) {
                query.setLong(1, id);
                try (var rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        }

        static int outboxCount(String schema, String status) throws SQLException {
            try (var connection = connect(schema);
                    var query = connection.prepareStatement("select count(*) from outbox_message where status = ?")) {
                query.setString(1, status);
                try (var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }

        private static java.sql.Connection connect(String schema) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres?currentSchema=" + schema,
                    "postgres", "postgres");
        }
    }
}
