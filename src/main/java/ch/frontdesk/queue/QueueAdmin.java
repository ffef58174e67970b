package ch.frontdesk.queue;

import static ch.frontdesk.common.SqlValues.instant;

import ch.frontdesk.common.ProblemException;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the admin sees of the background queues, and the retry of a dead row. */
@ApplicationScoped
public class QueueAdmin {

    private final Map<String, WorkQueue> queues = new LinkedHashMap<>();
    private final EntityManager em;
    private final QueueMetrics metrics;
    private final Event<QueueItemRetried> retried;
    private final Clock clock;

    QueueAdmin(@All List<WorkQueue> queues, EntityManager em, QueueMetrics metrics, Event<QueueItemRetried> retried,
            Clock clock) {
        queues.stream().sorted(java.util.Comparator.comparing(WorkQueue::name))
                .forEach(queue -> this.queues.put(queue.name(), queue));
        this.em = em;
        this.metrics = metrics;
        this.retried = retried;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QueueSummary> summaries() {
        return queues.values().stream().map(this::summary).toList();
    }

    /**
     * Waiting: rows due now and never failed, plus rows backing off after a failure (which a queue like the outbox
     * no longer counts as due until their next attempt). Dead rows whose row is gone (erased) are not counted.
     */
    private QueueSummary summary(WorkQueue queue) {
        Query waiting = em.createNativeQuery("select count(*), min(" + queue.dueSince() + ") from " + queue.table()
                + " t where ((" + queue.due() + ") and not exists (select 1 from queue_failure f"
                + " where f.queue = :queue and f.item_id = t.id))"
                + " or exists (select 1 from queue_failure f where f.queue = :queue and f.item_id = t.id"
                + " and f.dead_at is null)");
        bind(waiting, queue);
        Object[] row = (Object[]) waiting.getSingleResult();
        long dead = ((Number) em.createNativeQuery("select count(*) from queue_failure f where f.queue = ?1"
                        + " and f.dead_at is not null and exists (select 1 from " + queue.table()
                        + " t where t.id = f.item_id)")
                .setParameter(1, queue.name()).getSingleResult()).longValue();
        return new QueueSummary(queue.name(), ((Number) row[0]).longValue(), dead, instant(row[1]));
    }

    /** The dead rows of every queue, or of one, most recent first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadItem> dead(String queueName) {
        List<DeadItem> items = new ArrayList<>();
        for (WorkQueue queue : queueName == null ? queues.values() : List.of(queue(queueName))) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select f.item_id, f.attempts, f.last_error, f.dead_at"
                            + " from queue_failure f where f.queue = ?1 and f.dead_at is not null"
                            + " and exists (select 1 from " + queue.table() + " t where t.id = f.item_id)"
                            + " order by f.dead_at desc, f.item_id desc limit 500")
                    .setParameter(1, queue.name()).getResultList();
            rows.forEach(r -> items.add(new DeadItem(queue.name(), ((Number) r[0]).longValue(),
                    ((Number) r[1]).intValue(), (String) r[2], instant(r[3]))));
        }
        items.sort(java.util.Comparator.comparing(DeadItem::failedAt).reversed());
        return items;
    }

    /** Puts a dead row back in its queue, due at once with a fresh set of attempts. */
    @Transactional
    public DeadItem retry(String queueName, long id) {
        WorkQueue queue = queue(queueName);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("delete from queue_failure where queue = ?1 and item_id = ?2"
                        + " and dead_at is not null returning attempts, last_error")
                .setParameter(1, queue.name()).setParameter(2, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Queue " + queue.name() + " has no dead row " + id + ".");
        }
        retried.fire(new QueueItemRetried(queue.name(), id));
        metrics.refresh(queue.name());
        return new DeadItem(queue.name(), id, ((Number) rows.get(0)[0]).intValue(), (String) rows.get(0)[1],
                clock.instant());
    }

    private WorkQueue queue(String name) {
        WorkQueue queue = queues.get(name);
        if (queue == null) {
            throw ProblemException.notFound("There is no queue " + name + ".");
        }
        return queue;
    }

    private void bind(Query query, WorkQueue queue) {
        QueueWorker.bind(query, queue, clock.instant());
    }

}
