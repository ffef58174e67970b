package ch.frontdesk.queue;

import ch.frontdesk.common.DatabaseUnavailable;
import ch.frontdesk.mail.SecretRedaction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Works through a {@link WorkQueue}, one row per transaction, or a batch of rows per transaction: claims the next due
 * rows with {@code FOR UPDATE SKIP LOCKED} (so instances never take the same row), handles them, and on failure
 * records the attempt in {@code queue_failure}, which keeps the row back with exponential backoff and, after the last
 * attempt, dead until the admin retries it. One failing row never blocks the rows behind it: a batch that fails is
 * split in halves, each tried again, until the rows that fail are alone and are recorded one by one.
 *
 * <p>Hand-written rather than db-scheduler: db-scheduler runs tasks it stores in its own table, while our queues
 * are rows of our own tables (a sign-up, a pledge that is due, a mail) selected by a condition. This class is only
 * the claim loop and the failure bookkeeping.
 */
@ApplicationScoped
public class QueueWorker {

    private static final Logger LOG = Logger.getLogger(QueueWorker.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");
    /** A bound on one drain, so a queue that refills as fast as it drains still lets the scheduler move on. */
    private static final int MAX_ROWS_PER_DRAIN = 10_000;
    /** How long a finished row's outcome is retried while the database is away; below the outbox's 2-minute lease. */
    private static final java.time.Duration DONE_PATIENCE = java.time.Duration.ofSeconds(60);

    private final EntityManager em;
    private final QueueConfig config;
    private final QueueMetrics metrics;
    private final Clock clock;
    private final DrainGate gate;

    QueueWorker(EntityManager em, QueueConfig config, QueueMetrics metrics, Clock clock, DrainGate gate) {
        this.em = em;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * Handles every due row, each in its own transaction. Returns how many were handled without failure. Once the
     * service shuts down it claims no further row, and shutdown waits for the row in hand ({@link DrainGate}).
     */
    public int drain(WorkQueue queue, ItemHandler handler) {
        return gate.run(() -> drainRows(queue, handler));
    }

    private int drainRows(WorkQueue queue, ItemHandler handler) {
        int handled = 0;
        for (int round = 0; round < MAX_ROWS_PER_DRAIN && gate.open(); round++) {
            long[] claimed = {0};
            try {
                boolean found = QuarkusTransaction.requiringNew().call(() -> {
                    Long id = nextDue(queue);
                    if (id == null) {
                        return false;
                    }
                    claimed[0] = id;
                    handler.handle(id);
                    forget(queue.name(), id);
                    return true;
                });
                if (!found) {
                    break;
                }
                handled++;
            } catch (RuntimeException e) {
                if (claimed[0] == 0) {
                    throw e; // claiming itself failed: the database is in trouble, not the row
                }
                QuarkusTransaction.requiringNew().run(() -> recordFailure(queue, claimed[0], e));
            }
        }
        metrics.refresh(queue);
        return handled;
    }

    /**
     * Handles every due row whose work happens outside the database: each row is leased in its own short
     * transaction right before its work (never a batch whose lease might run out while earlier rows are worked on),
     * and the outcome is recorded in another. Returns how many rows were performed without failure. At shutdown the
     * row in hand is performed and recorded before the service stops; no further row is leased.
     */
    public <W> int drain(WorkQueue queue, LeasedHandler<W> handler) {
        return gate.run(() -> drainLeased(queue, handler));
    }

    private <W> int drainLeased(WorkQueue queue, LeasedHandler<W> handler) {
        int performed = 0;
        for (int round = 0; round < MAX_ROWS_PER_DRAIN && gate.open(); round++) {
            long[] claimed = {0};
            W work;
            try {
                work = QuarkusTransaction.requiringNew().call(() -> {
                    Long id = nextDue(queue);
                    if (id == null) {
                        return null;
                    }
                    claimed[0] = id;
                    return handler.lease(id);
                });
            } catch (RuntimeException e) {
                if (claimed[0] == 0) {
                    throw e;
                }
                QuarkusTransaction.requiringNew().run(() -> recordFailure(queue, claimed[0], e));
                continue;
            }
            if (work == null) {
                break;
            }
            long id = claimed[0];
            W leased = work;
            try {
                handler.perform(leased);
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (handler.stillLeased(leased)) {
                        handler.failed(leased, recordFailure(queue, id, e));
                    }
                });
                continue;
            }
            performed++;
            recordDone(queue, id, () -> {
                if (handler.stillLeased(leased)) {
                    handler.done(leased);
                    forget(queue.name(), id);
                }
            });
        }
        metrics.refresh(queue);
        return performed;
    }

    /**
     * Handles every due row in batches of up to {@code batchSize}, each batch in one transaction. A batch that fails
     * is rolled back and split in halves, each claimed and tried again, down to single rows whose failure is recorded
     * as {@link #drain(WorkQueue, ItemHandler)} does; so a poisoned row costs a few extra transactions, not the batch.
     * Stops at the first batch that is not full: the queue was empty behind it, and the next poll finds a fuller batch
     * than rows trickling in one at a time would. Returns how many rows were handled without failure. At shutdown the
     * batch in hand is finished; no further batch is claimed.
     */
    public int drain(WorkQueue queue, int batchSize, BatchHandler handler) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one row: " + batchSize);
        }
        return gate.run(() -> drainBatches(queue, batchSize, handler));
    }

    private int drainBatches(WorkQueue queue, int batchSize, BatchHandler handler) {
        int handled = 0;
        while (handled < MAX_ROWS_PER_DRAIN && gate.open()) {
            List<Long> claimed = new ArrayList<>();
            int applied;
            try {
                applied = QuarkusTransaction.requiringNew().call(() -> handleBatch(queue, null, batchSize, handler,
                        claimed));
            } catch (RuntimeException e) {
                if (claimed.isEmpty()) {
                    throw e; // claiming itself failed: the database is in trouble, not the rows
                }
                handled += splitAndRetry(queue, claimed, handler, e);
                continue;
            }
            handled += applied;
            if (applied < batchSize) {
                break;
            }
        }
        metrics.refresh(queue);
        return handled;
    }

    /** Claims up to {@code limit} due rows (among {@code among}, when given), handles them, forgets their failures. */
    private int handleBatch(WorkQueue queue, List<Long> among, int limit, BatchHandler handler, List<Long> claimed) {
        List<Object[]> rows = claim(queue, among, limit);
        if (rows.isEmpty()) {
            return 0;
        }
        rows.forEach(row -> claimed.add(((Number) row[0]).longValue()));
        handler.handle(List.copyOf(claimed));
        // Only rows that failed before have an entry to forget: one statement each, and only for those.
        rows.stream().filter(row -> Boolean.TRUE.equals(row[1]))
                .forEach(row -> forget(queue.name(), ((Number) row[0]).longValue()));
        return claimed.size();
    }

    /** A batch failed: its rows are tried again in two halves, down to single rows, whose failure is recorded. */
    private int splitAndRetry(WorkQueue queue, List<Long> failed, BatchHandler handler, RuntimeException error) {
        if (failed.size() == 1) {
            QuarkusTransaction.requiringNew().run(() -> recordFailure(queue, failed.get(0), error));
            return 0;
        }
        int half = failed.size() / 2;
        return retry(queue, failed.subList(0, half), handler) + retry(queue, failed.subList(half, failed.size()), handler);
    }

    private int retry(WorkQueue queue, List<Long> ids, BatchHandler handler) {
        List<Long> claimed = new ArrayList<>();
        try {
            // Claimed anew: the failed transaction let go of the rows, and another worker may have taken some.
            return QuarkusTransaction.requiringNew().call(() -> handleBatch(queue, List.copyOf(ids), ids.size(),
                    handler, claimed));
        } catch (RuntimeException e) {
            if (claimed.isEmpty()) {
                throw e;
            }
            return splitAndRetry(queue, claimed, handler, e);
        }
    }

    /**
     * Up to {@code limit} due rows that are neither backing off nor dead, locked, in id order, each with whether it
     * failed before (so its {@code queue_failure} entry is forgotten once it succeeds).
     */
    private List<Object[]> claim(WorkQueue queue, List<Long> among, int limit) {
        Query query = em.createNativeQuery("select t.id, exists (select 1 from queue_failure f where f.queue = :queue"
                + " and f.item_id = t.id) from " + queue.table() + " t where (" + queue.due() + ")"
                + (among == null ? "" : " and t.id in (:among)")
                + " and not exists (select 1 from queue_failure f where f.queue = :queue and f.item_id = t.id"
                + " and (f.dead_at is not null or f.next_attempt_at > :now))"
                + " order by t.id limit :limit for update of t skip locked");
        var parameters = new java.util.HashMap<String, Object>(queue.parameters());
        parameters.put("queue", queue.name());
        parameters.put("now", clock.instant());
        parameters.put("limit", limit);
        if (among != null) {
            parameters.put("among", among);
        }
        for (var parameter : query.getParameters()) {
            query.setParameter(parameter.getName(), parameters.get(parameter.getName()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    /**
     * Records that leased work was done. The work (a mail handed to the SMTP server) cannot be taken back, so if the
     * database is away for a moment (a restart, a failover) the outcome is tried again until it is back, for up to
     * {@link #DONE_PATIENCE}: given up at once, the lease would run out and the work be done a second time.
     */
    private void recordDone(WorkQueue queue, long id, Runnable outcome) {
        long deadline = System.nanoTime() + DONE_PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(outcome);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causes(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("Queue %s: row %d was done but the database is unavailable; recording it again (attempt %d)",
                        queue.name(), id, attempt);
                try {
                    Thread.sleep(Math.min(attempt * 500L, 5_000L));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The next due row that is neither backing off nor dead, locked; {@code null} when there is none. */
    private Long nextDue(WorkQueue queue) {
        Query query = em.createNativeQuery("select t.id from " + queue.table() + " t where (" + queue.due() + ")"
                + " and not exists (select 1 from queue_failure f where f.queue = :queue and f.item_id = t.id"
                + " and (f.dead_at is not null or f.next_attempt_at > :now))"
                + " order by t.id limit 1 for update of t skip locked");
        @SuppressWarnings("unchecked")
        List<Number> ids = bind(query, queue).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    private Query bind(Query query, WorkQueue queue) {
        return bind(query, queue, clock.instant());
    }

    /** Binds {@code :queue}, {@code :now} and the queue's own parameters, those the query uses. */
    static Query bind(Query query, WorkQueue queue, Instant now) {
        var values = new java.util.HashMap<String, Object>(queue.parameters());
        values.put("queue", queue.name());
        values.put("now", now);
        for (var parameter : query.getParameters()) {
            query.setParameter(parameter.getName(), values.get(parameter.getName()));
        }
        return query;
    }

    /** Counts a failed attempt: the row waits its backoff, or is dead after the last attempt. */
    private QueueFailure recordFailure(WorkQueue queue, long id, RuntimeException error) {
        RetryPolicy policy = policy(queue);
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> earlier = em.createNativeQuery(
                        "select attempts from queue_failure where queue = ?1 and item_id = ?2 for update")
                .setParameter(1, queue.name()).setParameter(2, id).getResultList();
        int attempts = earlier.isEmpty() ? 1 : earlier.get(0).intValue() + 1;
        boolean dead = policy.givesUpAfter(attempts);
        QueueFailure failure = new QueueFailure(attempts, now.plus(policy.backoff(attempts)), dead, describe(error));
        em.createNativeQuery("""
                insert into queue_failure (queue, item_id, attempts, next_attempt_at, dead_at, last_error, last_failed_at)
                values (?1, ?2, ?3, ?4, case when ?5 then cast(?7 as timestamptz) end, ?6, ?7)
                on conflict (queue, item_id) do update set attempts = excluded.attempts,
                    next_attempt_at = excluded.next_attempt_at, dead_at = excluded.dead_at,
                    last_error = excluded.last_error, last_failed_at = excluded.last_failed_at""")
                .setParameter(1, queue.name()).setParameter(2, id).setParameter(3, attempts)
                .setParameter(4, failure.nextAttemptAt()).setParameter(5, dead)
                .setParameter(6, failure.error()).setParameter(7, now)
                .executeUpdate();
        metrics.failed(queue);
        if (dead) {
            LOG.errorf("Queue %s gave up on row %d after %d attempts: %s", queue.name(), id, attempts, failure.error());
        } else {
            LOG.warnf("Queue %s: row %d failed (attempt %d), next try at %s: %s", queue.name(), id, attempts,
                    failure.nextAttemptAt(), failure.error());
        }
        return failure;
    }

    /** Forgets a row's failures (it is tried at once), in the caller's transaction. Whether there were any. */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public boolean forget(String queue, long id) {
        return em.createNativeQuery("delete from queue_failure where queue = ?1 and item_id = ?2")
                .setParameter(1, queue).setParameter(2, id).executeUpdate() > 0;
    }

    RetryPolicy policy(WorkQueue queue) {
        return queue.retry() != null ? queue.retry() : config.policy();
    }

    /**
     * The error's messages down its causes, without link tokens, short enough to show. A database error is shown by
     * the database's own words, without the statement Hibernate wraps around them.
     */
    static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // PostgreSQL's detail ("Failing row contains (...)") quotes the row, names and addresses included:
            // only the state and the main text are kept, whatever the JDBC URL says about logServerErrorDetail.
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return redactedAndShort(server.getSQLState() + ": " + server.getMessage());
            }
            if (cause instanceof java.sql.SQLException sql && sql.getMessage() != null) {
                return redactedAndShort(sql.getMessage());
            }
        }
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null && text.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(cause.getMessage());
            }
        }
        return redactedAndShort(text.length() == 0 ? error.getClass().getSimpleName() : text.toString());
    }

    private static String redactedAndShort(String text) {
        // An SMTP refusal ("550 <ada@example.org>: unknown user") would keep an address after erasure.
        String message = ADDRESS.matcher(SecretRedaction.of(text).apply(text)).replaceAll("<address>");
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
