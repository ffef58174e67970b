package ch.frontdesk.queue;

import java.util.Map;

/**
 * A background queue, described by where its rows are and when one is due. The rows stay in their own table (a queue
 * table such as {@code newsletter_signup}, or a domain table such as {@code pledge}); {@link QueueWorker} only adds a
 * {@code queue_failure} entry for a row that failed. Declare one with {@code @Produces} so the admin view and the
 * metrics know it from the start.
 *
 * @param name       stable name, shown to the admin and used as the metric tag, e.g. {@code newsletter.signups}
 * @param table      the table holding the rows; its primary key is a {@code bigint id}
 * @param due        SQL condition on that table's columns for a row that is due now; {@code :now} is the clock's
 *                   instant, and {@code parameters} may bind more
 * @param dueSince   SQL expression for when a row became due, for the admin's "oldest due"
 * @param retry      attempts and backoff; {@code null} takes the defaults of {@link QueueConfig}
 * @param parameters further named parameters of {@code due} and {@code dueSince}
 */
public record WorkQueue(String name, String table, String due, String dueSince, RetryPolicy retry,
        Map<String, Object> parameters) {

    public WorkQueue {
        parameters = Map.copyOf(parameters);
    }

    public WorkQueue(String name, String table, String due, String dueSince) {
        this(name, table, due, dueSince, null, Map.of());
    }

    public WorkQueue withRetry(RetryPolicy policy) {
        return new WorkQueue(name, table, due, dueSince, policy, parameters);
    }

    public WorkQueue withParameter(String parameter, Object value) {
        var more = new java.util.HashMap<>(parameters);
        more.put(parameter, value);
        return new WorkQueue(name, table, due, dueSince, retry, more);
    }
}
