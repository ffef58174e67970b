package ch.frontdesk.queue;

/** Handles one row, in the transaction that claimed it; throwing rolls that transaction back and counts a failure. */
@FunctionalInterface
public interface ItemHandler {
    void handle(long id);
}
