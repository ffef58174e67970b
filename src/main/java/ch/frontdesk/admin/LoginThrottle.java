package ch.frontdesk.admin;

import ch.frontdesk.common.ProblemException;
import io.quarkus.scheduler.Scheduled;
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
    private final AdminConfig adminConfig;
    private final Clock clock;

    LoginThrottle(EntityManager em, AdminSessionConfig config, AdminConfig adminConfig, LoginLock lock, AuditLog audit,
            Clock clock) {
        this.em = em;
        this.config = config;
        this.adminConfig = adminConfig;
        this.lock = lock;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Admits one login attempt, or refuses it with {@code 429} and {@code Retry-After} while the username is
     * locked or the address must wait. An admitted attempt is counted as a failure at once, before its password is
     * checked, and the check-and-count runs under locks on the username and the address: a burst of parallel
     * attempts is admitted one by one, so it cannot get more guesses than the limits allow. A successful login
     * forgets the count ({@link #succeeded}).
     *
     * @return how many failures the username has in the window, this attempt included
     */
    @Transactional
    public long admit(String username, String clientAddress) {
        String key = LoginLock.key(username);
        // Address first, then username, in every transaction, so two attempts never wait on each other in a circle.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('login-address:' || ?1)), "
                + "pg_advisory_xact_lock(hashtext('login-user:' || ?2))")
                .setParameter(1, clientAddress).setParameter(2, key).getSingleResult();
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = lock.lockedUntil(key);
        if (lockedUntil.isPresent()) {
            throw tooMany(Duration.between(now, lockedUntil.get()), "This account is locked after repeated failed logins.");
        }
        Object[] address = (Object[]) em.createNativeQuery("""
                select count(*), min(failed_at) from login_failure where client_address = ?1 and failed_at > ?2""")
                .setParameter(1, clientAddress).setParameter(2, now.minus(config.failureWindow())).getSingleResult();
        if (((Number) address[0]).longValue() >= config.failuresPerAddress()) {
            Instant oldest = (Instant) address[1];
            throw tooMany(Duration.between(now, oldest.plus(config.failureWindow())),
                    "Too many failed logins from your address.");
        }
        em.createNativeQuery("insert into login_failure (username_key, client_address, failed_at) values (?1, ?2, ?3)")
                .setParameter(1, key).setParameter(2, clientAddress).setParameter(3, now).executeUpdate();
        return lock.failuresInWindow(key);
    }

    /**
     * The admitted attempt failed. When it is the one that locks the account, the lock is logged and audited, naming
     * the account only when it exists: what strangers type (often an email address) never reaches the log.
     */
    public void failed(Optional<String> account, long failures, String clientAddress) {
        if (failures != lock.threshold()) {
            return;
        }
        String target = account.map(name -> "user:" + name).orElse("user:unknown");
        LOG.warnf("Login for %s locked for %s after %d failures, the last from %s", target, lockDuration(), failures,
                clientAddress);
        audit.record(AuditLog.SYSTEM, "login.locked", target, clientAddress);
    }

    /** A successful login forgets the username's failures, the one counted for this attempt included. */
    @Transactional
    public void succeeded(String username) {
        lock.clear(username);
    }

    /** Failed logins are kept only while they count, for the lock and for the address limit. */
    @Scheduled(every = "15m", delayed = "5m")
    @Transactional
    void forgetOld() {
        Duration longest = config.failureWindow().compareTo(lockDuration()) > 0 ? config.failureWindow() : lockDuration();
        em.createNativeQuery("delete from login_failure where failed_at < ?1")
                .setParameter(1, clock.instant().minus(longest)).executeUpdate();
    }

    private Duration lockDuration() {
        return adminConfig.lockDuration();
    }

    private static ProblemException tooMany(Duration wait, String detail) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return new ProblemException(429, "too-many-requests", "Too Many Requests",
                detail + " Try again in " + seconds + " seconds.", null, null,
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
