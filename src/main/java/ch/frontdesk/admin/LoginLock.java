package ch.frontdesk.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an account is locked by failed logins (table {@code login_failure}): locked when at least
 * {@link AdminConfig#lockAfterFailures()} failures fell within the last {@link AdminConfig#lockDuration()}, until
 * that long after the newest one. Counted in the database, so every instance sees the same lock.
 */
@ApplicationScoped
public class LoginLock {

    private static final int MAX_KEY = 100;

    private final AdminConfig config;
    private final EntityManager em;
    private final Clock clock;

    LoginLock(AdminConfig config, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** When the lock on {@code username} (any case) ends, or empty when it is not locked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> lockedUntil(String username) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), max(failed_at) from login_failure where username_key = ?1 and failed_at > ?2""")
                .setParameter(1, key(username))
                .setParameter(2, windowStart())
                .getSingleResult();
        if (((Number) row[0]).longValue() < config.lockAfterFailures()) {
            return Optional.empty();
        }
        return Optional.of(instant(row[1]).plus(config.lockDuration()));
    }

    /** Every locked username key, with the end of its lock: one query for a list of accounts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<String, Instant> lockedAccounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select username_key, max(failed_at) from login_failure where failed_at > ?1
                group by username_key having count(*) >= ?2""")
                .setParameter(1, windowStart())
                .setParameter(2, config.lockAfterFailures())
                .getResultList();
        Map<String, Instant> locked = new HashMap<>();
        for (Object[] row : rows) {
            locked.put((String) row[0], instant(row[1]).plus(config.lockDuration()));
        }
        return locked;
    }

    /** How many failures lock an account. */
    int threshold() {
        return config.lockAfterFailures();
    }

    /** The failed logins of {@code username} still counted against it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    long failuresInWindow(String username) {
        return ((Number) em.createNativeQuery(
                "select count(*) from login_failure where username_key = ?1 and failed_at > ?2")
                .setParameter(1, key(username)).setParameter(2, windowStart()).getSingleResult()).longValue();
    }

    /** Forgets the failed logins of {@code username} (any case): the account is unlocked at once. */
    @Transactional
    public void clear(String username) {
        em.createNativeQuery("delete from login_failure where username_key = ?1")
                .setParameter(1, key(username)).executeUpdate();
    }

    /** Failures are stored under the lower-cased username typed, so the lock ignores case too. */
    static String key(String username) {
        // Capped: a stranger's typing is stored only as long as it counts, and never at any length.
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    private Instant windowStart() {
        return clock.instant().minus(config.lockDuration());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
