package ch.frontdesk.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code frontdesk.queue.dead{queue}}: rows given up on, as counted in the database (so every instance reports the
 * same number, and a retry brings it down); {@code frontdesk.queue.failures{queue}}: failed attempts on this
 * instance. The gauge is refreshed after each drain and each retry rather than read on scrape, so a scrape never
 * waits for the database.
 */
@ApplicationScoped
@Startup
public class QueueMetrics {

    private final EntityManager em;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> dead = new ConcurrentHashMap<>();

    QueueMetrics(EntityManager em, MeterRegistry registry, @All List<WorkQueue> queues) {
        this.em = em;
        this.registry = registry;
        for (WorkQueue queue : queues) {
            gauge(queue.name());
            QuarkusTransaction.requiringNew().run(() -> refresh(queue.name()));
        }
    }

    private AtomicLong gauge(String queue) {
        return dead.computeIfAbsent(queue, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("frontdesk.queue.dead", value, AtomicLong::get).tag("queue", name)
                    .description("Rows of a background queue given up on, waiting for the admin").register(registry);
            return value;
        });
    }

    void failed(WorkQueue queue) {
        registry.counter("frontdesk.queue.failures", "queue", queue.name()).increment();
    }

    void refresh(WorkQueue queue) {
        QuarkusTransaction.joiningExisting().run(() -> refresh(queue.name()));
    }

    /** Reads the dead count of a queue, in the caller's transaction. */
    void refresh(String queue) {
        long count = ((Number) em.createNativeQuery(
                        "select count(*) from queue_failure where queue = ?1 and dead_at is not null")
                .setParameter(1, queue).getSingleResult()).longValue();
        gauge(queue).set(count);
    }
}
