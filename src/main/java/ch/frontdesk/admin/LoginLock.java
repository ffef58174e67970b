package ch.frontdesk.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * When an account is locked: after {@code lockAfterFailures} failed logins within the lock duration, until the
 * lock duration has passed since the last of them. Counted from {@code login_failure}; an admin can clear it.
 */
@ApplicationScoped
public class LoginLock {

    private final EntityManager em;
    private final AdminConfig config;
    private final Clock clock;

    LoginLock(EntityManager em, AdminConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** The form in which usernames are counted: trimmed, lower-case. */
    static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    int threshold() {
        return config.lockAfterFailures();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    long failuresInWindow(String username) {
        return ((Number) em.createNativeQuery(
                "select count(*) from login_failure where username_key = ?1 and failed_at > ?2")
                .setParameter(1, key(username)).setParameter(2, clock.instant().minus(config.lockDuration()))
                .getSingleResult()).longValue();
    }

    /** The end of the lock, while the account is locked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), max(failed_at) from login_failure where username_key = ?1 and failed_at > ?2""")
                .setParameter(1, key(username)).setParameter(2, now.minus(config.lockDuration()))
                .getSingleResult();
        if (((Number) row[0]).longValue() < config.lockAfterFailures()) {
            return Optional.empty();
        }
        return Optional.of(((Instant) row[1]).plus(config.lockDuration()));
    }

    /** Forgets the username's failures: after a successful login, or when an admin unlocks the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(String username) {
        em.createNativeQuery("delete from login_failure where username_key = ?1")
                .setParameter(1, key(username)).executeUpdate();
    }
}
