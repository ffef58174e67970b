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

    /**
     * {@link #take} for many addresses at once, in two statements whatever their number: the addresses' advisory
     * locks, in the order of their hashes (so two batches never wait on each other in a circle), then one statement
     * that counts, purges and takes. Returns the addresses (as given) that were granted a mail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    java.util.Set<String> takeAll(java.util.Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return java.util.Set.of();
        }
        Instant now = clock.instant();
        String[] trimmed = addresses.stream().map(String::strip).distinct().toArray(String[]::new);
        String hashed = "select a, " + Suppressions.HASH.replace("?1", "a") + " as h from unnest(cast(?1 as text[])) a";
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(h, 7)) from (select"
                + " distinct h from (" + hashed + ") given order by h) ordered) locked")
                .setParameter(1, trimmed).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> granted = em.createNativeQuery("with given as (" + hashed + "),"
                        + " today as (select email_hash, count(*) n from unverified_mail where sent_at > ?2"
                        + " and email_hash in (select h from given) group by email_hash),"
                        + " granted as (select g.a, g.h from given g left join today t on t.email_hash = g.h"
                        + " where coalesce(t.n, 0) < ?3),"
                        + " purged as (delete from unverified_mail u using granted g where u.email_hash = g.h"
                        + " and u.sent_at <= ?2),"
                        + " taken as (insert into unverified_mail (email_hash, sent_at) select h, ?4 from granted)"
                        + " select a from granted")
                .setParameter(1, trimmed).setParameter(2, now.minus(DAY)).setParameter(3, config.unverifiedPerDay())
                .setParameter(4, now).getResultList();
        java.util.Set<String> grantedSet = new java.util.HashSet<>(granted);
        return addresses.stream().filter(address -> grantedSet.contains(address.strip()))
                .collect(java.util.stream.Collectors.toSet());
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
