package ch.frontdesk.mail;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Deletes delivered (and suppressed) messages once {@link OutboxConfig#sentRetention()} has passed: a sent mail
 * still names its recipient, and there is no reason to keep that for long. Pending and failed messages stay until
 * they are sent or the admin deals with them. Attachments go with their message (on delete cascade).
 */
@ApplicationScoped
public class OutboxRetention {

    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;

    OutboxRetention(EntityManager em, OutboxConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        deleteExpired();
    }

    /** Deletes the sent and suppressed messages older than the retention. Returns how many. */
    @Transactional
    public int deleteExpired() {
        return em.createNativeQuery("""
                delete from outbox_message
                where (status = 'sent' and sent_at < ?1) or (status = 'suppressed' and created_at < ?1)""")
                .setParameter(1, clock.instant().minus(config.sentRetention()))
                .executeUpdate();
    }
}
