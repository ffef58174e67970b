package ch.frontdesk.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts the mails to each unconfirmed address over the last 24 hours, in PostgreSQL: an advisory lock on the
 * address's hash serialises two instances counting for the same address, so the cap cannot be overrun by a race.
 * Only the hash is stored (as for {@link Suppressions}), and only for a day.
 */
@ApplicationScoped
class UnverifiedMailCap {

    private static final Duration DAY = Duration.ofHours(24);

    private final EntityManager em;
    private final MailConfig config;
    private final Clock clock;

    UnverifiedMailCap(EntityManager em, MailConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Takes one of the address's mails for today: empty when granted, else when the next one may go. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Instant> take(String address) {
        String trimmed = address.strip();
        Instant now = clock.instant();
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended("
                + Suppressions.HASH + ", 7))) locked").setParameter(1, trimmed).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> today = em.createNativeQuery("select sent_at from unverified_mail where email_hash = "
                        + Suppressions.HASH + " and sent_at > ?2 order by sent_at")
                .setParameter(1, trimmed).setParameter(2, now.minus(DAY)).getResultList();
        int cap = config.unverifiedPerDay();
        if (today.size() >= cap) {
            // The cap lifts when enough of today's mails are older than a day to leave room for one more.
            return Optional.of(instant(today.get(today.size() - cap)).plus(DAY));
        }
        em.createNativeQuery("delete from unverified_mail where email_hash = " + Suppressions.HASH + " and sent_at <= ?2")
                .setParameter(1, trimmed).setParameter(2, now.minus(DAY)).executeUpdate();
        em.createNativeQuery("insert into unverified_mail (email_hash, sent_at) values (" + Suppressions.HASH + ", ?2)")
                .setParameter(1, trimmed).setParameter(2, now).executeUpdate();
        return Optional.empty();
    }

    int perDay() {
        return config.unverifiedPerDay();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
