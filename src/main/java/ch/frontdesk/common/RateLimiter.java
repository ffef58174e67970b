package ch.frontdesk.common;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets: each client address may make {@code perMinute} requests of a kind in a burst,
 * refilled evenly over a minute. Buckets live in this instance's memory, so with several instances a client
 * gets the limit once per instance, which still stops floods from one address.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes one request from the client's bucket for {@code kind}, or answers 429 with Retry-After. */
    public void check(String kind, String clientAddress, int perMinute) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(new Key(kind, clientAddress), k -> new Bucket(perMinute, now));
        long waitMillis = bucket.take(perMinute, now);
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            throw new ProblemException(429, "too-many-requests", "Too Many Requests",
                    "Too many requests from your address. Try again in " + seconds + " seconds.",
                    null, null, Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** Forgets buckets that have refilled completely, so memory follows the active clients only. */
    @Scheduled(every = "5m", delayed = "5m")
    void forgetIdleClients() {
        Instant now = clock.instant();
        buckets.entrySet().removeIf(entry -> entry.getValue().idleSince(now));
    }

    /** Forgets every bucket; for tests that move the clock backwards. */
    public void reset() {
        buckets.clear();
    }

    private record Key(String kind, String client) {
    }

    private static final class Bucket {
        private double tokens;
        private Instant refilledAt;

        Bucket(int capacity, Instant now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        /** Returns 0 when a token was taken, otherwise how many milliseconds until one is available. */
        synchronized long take(int capacity, Instant now) {
            refill(capacity, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double millisPerToken = (double) WINDOW.toMillis() / capacity;
            return (long) Math.ceil((1 - tokens) * millisPerToken);
        }

        synchronized boolean idleSince(Instant now) {
            return Duration.between(refilledAt, now).compareTo(WINDOW) >= 0;
        }

        private void refill(int capacity, Instant now) {
            long elapsed = Math.max(0, Duration.between(refilledAt, now).toMillis());
            tokens = Math.min(capacity, tokens + elapsed * capacity / (double) WINDOW.toMillis());
            refilledAt = now;
        }
    }
}
