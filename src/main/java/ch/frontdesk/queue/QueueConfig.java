package ch.frontdesk.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Retries of the background queues that do not bring their own (the outbox has {@code frontdesk.outbox.*}). */
@ConfigMapping(prefix = "frontdesk.queue")
public interface QueueConfig {

    /** Failures after which a row is dead: left for the admin, counted in {@code frontdesk.queue.dead}. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the first retry; each further retry waits twice as long. */
    @WithDefault("10s")
    Duration firstRetryDelay();

    /** The longest wait between two retries. */
    @WithDefault("1h")
    Duration maxRetryDelay();

    default RetryPolicy policy() {
        return new RetryPolicy(maxAttempts(), firstRetryDelay(), maxRetryDelay());
    }
}
