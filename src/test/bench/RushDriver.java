import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The ticket rush of src/test/bench/run: a fixed number of distinct buyers, each ordering one ticket once, arriving
 * at a fixed rate whatever the service answers (an open model: a slow answer does not hold the next buyer back, so
 * queueing shows in the latency instead of hiding in a lower request rate). Latency is counted from the moment a
 * buyer was due to arrive, not from when the request could be sent.
 *
 * <p>Run with the source launcher: {@code java RushDriver.java BASE_URL EVENT TYPE BUYERS RATE TAG many|one}. Prints
 * one line, {@code RESULT key=value ...}. Sends only to BASE_URL (the benchmark gives a loopback address).
 */
public class RushDriver {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String event = args[1];
        String type = args[2];
        int buyers = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);
        String tag = args[5];
        boolean manyClients = !"one".equals(args[6]);

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        URI uri = URI.create(base + "/api/events/" + event + "/orders");
        long[] latencies = new long[buyers];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[buyers];

        long start = System.nanoTime();
        long gap = (long) (1e9 / rate);
        for (int i = 0; i < buyers; i++) {
            long due = start + i * gap;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String person = tag + "-" + i;
            String body = ("{\"buyer\":{\"email\":\"rush-%s@example.org\",\"name\":\"Buyer %s\"},"
                    + "\"tickets\":[{\"type\":\"%s\",\"attendee\":{\"name\":\"Buyer %s\","
                    + "\"email\":\"rush-%s@example.org\"}}],\"consent\":true}")
                    .formatted(person, person, type, person, person);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (manyClients) {
                // 198.18.0.0/15 is set aside for benchmarks (RFC 2544); the service trusts 127.0.0.1 as its proxy.
                request.header("X-Forwarded-For", "198.19." + (i / 256 % 256) + "." + (i % 256));
            }
            int buyer = i;
            answers[i] = client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies[buyer] = System.nanoTime() - due;
                        if (error != null) {
                            failures.incrementAndGet();
                        } else {
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        }
                    });
        }
        CompletableFuture.allOf(answers).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        StringBuilder line = new StringBuilder("RESULT");
        line.append(" requests=").append(buyers);
        line.append(" seconds=").append(String.format("%.3f", seconds));
        line.append(" rps=").append(String.format("%.1f", buyers / seconds));
        line.append(" p50_ms=").append(String.format("%.1f", percentile(sorted, 50) / 1e6));
        line.append(" p99_ms=").append(String.format("%.1f", percentile(sorted, 99) / 1e6));
        line.append(" max_ms=").append(String.format("%.1f", sorted[sorted.length - 1] / 1e6));
        line.append(" errors=").append(failures.get());
        new TreeMap<>(statuses).forEach((status, n) -> line.append(" s").append(status).append('=').append(n.get()));
        System.out.println(line);
        System.exit(0);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
