package ch.frontdesk.packaged;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polling for an outcome that happens in another process (a scheduled job, a mail), with a deadline: the wait ends
 * as soon as the outcome is there, and a missed deadline fails with what was seen last. It stands in for no clock.
 */
final class Deadline {

    private static final long POLL_MILLIS = 200;

    private final long endNanos;
    private final Duration length;

    private Deadline(Duration length) {
        this.length = length;
        this.endNanos = System.nanoTime() + length.toNanos();
    }

    static Deadline in(Duration length) {
        return new Deadline(length);
    }

    /** Waits until {@code outcome} holds; fails with {@code seen} after the deadline. */
    static void await(Duration within, BooleanSupplier outcome, Supplier<String> seen) {
        Deadline deadline = in(within);
        while (!outcome.getAsBoolean()) {
            deadline.orFail(seen);
        }
    }

    /** Pauses before the next poll, or fails when the deadline has passed. */
    void orFail(Supplier<String> seen) {
        if (System.nanoTime() > endNanos) {
            throw new AssertionError("Not within " + length + ": " + seen.get());
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
