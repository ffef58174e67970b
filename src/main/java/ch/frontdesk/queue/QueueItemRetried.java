package ch.frontdesk.queue;

/**
 * Fired (synchronously, in the admin's transaction) when the admin puts a dead row back in its queue, for a queue
 * whose rows keep a state of their own (the outbox marks a message {@code failed}) to reset it.
 */
public record QueueItemRetried(String queue, long id) {
}
