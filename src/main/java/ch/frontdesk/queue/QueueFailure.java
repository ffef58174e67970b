package ch.frontdesk.queue;

import java.time.Instant;

/** A failed attempt as recorded: the how-manieth, when the row is tried again, and whether it is now dead. */
public record QueueFailure(int attempts, Instant nextAttemptAt, boolean dead, String error) {
}
