package ch.frontdesk.queue;

import java.time.Duration;

/**
 * How often a failing row is tried, and how long it waits in between: the first delay, doubled after each failure,
 * capped. After {@code maxAttempts} failures the row is dead.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after the given failed attempt (1 for the first failure). */
    public Duration backoff(int failedAttempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean givesUpAfter(int failedAttempt) {
        return failedAttempt >= maxAttempts;
    }
}
