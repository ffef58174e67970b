package ch.frontdesk.queue;

import java.time.Instant;

/**
 * One queue as the admin sees it.
 *
 * @param waiting   rows due now or backing off after a failure
 * @param dead      rows given up on
 * @param oldestDue when the longest-waiting row became due
 */
public record QueueSummary(String queue, long waiting, long dead, Instant oldestDue) {
}
