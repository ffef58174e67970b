package ch.frontdesk.queue;

import java.util.List;

/**
 * Handles several rows at once, in the transaction that claimed them, for a queue whose work is cheaper done
 * set-based (one statement for many rows) than row by row. Throwing rolls the whole batch back; the worker then
 * splits it to find the rows that fail, so one bad row never holds up the others.
 */
@FunctionalInterface
public interface BatchHandler {

    /** Handles the claimed rows, locked and in id order. */
    void handle(List<Long> ids);
}
