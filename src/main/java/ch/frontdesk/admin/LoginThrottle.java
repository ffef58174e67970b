package ch.frontdesk.admin;

import ch.frontdesk.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes password guessing slow, for the dashboard's form and for HTTP Basic alike: failures are counted in the
 * database (so every instance sees them) per client address, which then waits, and per username, whose account
 * is then locked for a while. Unknown usernames are counted and locked exactly like known ones, so the answers
 * tell nobody which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    private final EntityManager em;
    private final AdminSessionConfig config;
    private final LoginLock lock;
    private final AuditLog audit;
    private final Clock clock;

    LoginThrottle(EntityManager em, AdminSessionConfig config, LoginLock lock, AuditLog audit, Clock clock) {
        this.em = em;
        this.config = config;
        this.lock = lock;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses with {@code 429} and {@code Retry-After} while the username is locked or the address must wait. */
    @Transactional
    public void checkAllowed(String username, String clientAddress) {
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = lock.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            throw tooMany(Duration.between(now, lockedUntil.get()), "This account is locked after repeated failed logins.");
        }
        Instant since = now.minus(config.failureWindow());
        Object[] address = (Object[]) em.createNativeQuery("""
                select count(*), min(failed_at) from login_failure where client_address = ?1 and failed_at > ?2""")
                .setParameter(1, clientAddress).setParameter(2, since).getSingleResult();
        if (((Number) address[0]).longValue() >= config.failuresPerAddress()) {
            Instant oldest = (Instant) address[1];
            throw tooMany(Duration.between(now, oldest.plus(config.failureWindow())),
                    "Too many failed logins from your address.");
        }
    }

    /** Counts a failed login; the failure that locks the account is logged and written to the audit log. */
    @Transactional
    public void recordFailure(String username, String clientAddress) {
        em.createNativeQuery("insert into login_failure (username_key, client_address, failed_at) values (?1, ?2, ?3)")
                .setParameter(1, LoginLock.key(username)).setParameter(2, clientAddress)
                .setParameter(3, clock.instant()).executeUpdate();
        Optional<Instant> lockedUntil = lock.lockedUntil(username);
        if (lockedUntil.isPresent() && lock.failuresInWindow(username) == lock.threshold()) {
            LOG.warnf("Login for '%s' locked until %s after repeated failures (last from %s)",
                    LoginLock.key(username), lockedUntil.get(), clientAddress);
            audit.record(AuditLog.SYSTEM, "login.locked", "user:" + LoginLock.key(username), clientAddress);
        }
    }

    /** A successful login forgets the username's failures. */
    @Transactional
    public void recordSuccess(String username) {
        lock.clear(username);
    }

    private static ProblemException tooMany(Duration wait, String detail) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return new ProblemException(429, "too-many-requests", "Too Many Requests",
                detail + " Try again in " + seconds + " seconds.", null, null,
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
