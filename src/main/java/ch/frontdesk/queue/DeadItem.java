package ch.frontdesk.queue;

import java.time.Instant;

/** A row a queue gave up on, with its last error (link tokens redacted). */
public record DeadItem(String queue, long id, int attempts, String lastError, Instant failedAt) {
}
