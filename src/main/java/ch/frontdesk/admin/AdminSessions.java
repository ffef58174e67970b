package ch.frontdesk.admin;

import ch.frontdesk.common.Tokens;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Dashboard sessions, kept in the database rather than in an encrypted cookie (Quarkus' form authentication):
 * a row can be deleted, so logout, a password change or a removed account end the session at once on every
 * instance, and the absolute lifetime is enforced however often the cookie is renewed.
 */
@ApplicationScoped
public class AdminSessions {

    public static final String COOKIE = "frontdesk_admin";
    /** Writing last_seen_at on every request would turn each page view into a write; once a minute is enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final EntityManager em;
    private final AdminSessionConfig config;
    private final Clock clock;

    AdminSessions(EntityManager em, AdminSessionConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a session for the user and returns the token for the cookie; only its hash is stored. */
    @Transactional
    public String open(long userId, String clientAddress) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into admin_session (token_hash, user_id, client_address, created_at, last_seen_at)
                values (?1, ?2, ?3, ?4, ?4)""")
                .setParameter(1, Tokens.sha256(token)).setParameter(2, userId).setParameter(3, clientAddress)
                .setParameter(4, now).executeUpdate();
        return token;
    }

    /** The session behind a cookie's token, if it exists and has timed out neither way; it counts as used now. */
    @Transactional
    public Optional<AdminSession> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<?> rows = em.createNativeQuery("""
                select u.username, u.roles, s.created_at, s.last_seen_at
                  from admin_session s join app_user u on u.id = s.user_id
                 where s.token_hash = ?1""")
                .setParameter(1, Tokens.sha256(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Instant createdAt = (Instant) row[2];
        Instant lastSeenAt = (Instant) row[3];
        if (!now.isBefore(createdAt.plus(config.absoluteTimeout()))
                || !now.isBefore(lastSeenAt.plus(config.idleTimeout()))) {
            close(token);
            return Optional.empty();
        }
        if (!now.isBefore(lastSeenAt.plus(TOUCH_EVERY))) {
            em.createNativeQuery("update admin_session set last_seen_at = ?2 where token_hash = ?1")
                    .setParameter(1, Tokens.sha256(token)).setParameter(2, now).executeUpdate();
        }
        return Optional.of(new AdminSession((String) row[0], LoginCheck.roles((String) row[1]), csrfToken(token),
                createdAt));
    }

    /** Ends the session (logout). Unknown tokens are ignored. */
    @Transactional
    public void close(String token) {
        if (token != null) {
            em.createNativeQuery("delete from admin_session where token_hash = ?1")
                    .setParameter(1, Tokens.sha256(token)).executeUpdate();
        }
    }

    /**
     * The CSRF token of a session, derived from the cookie's secret: another site can neither read the cookie
     * nor compute this, and nothing more needs storing.
     */
    public static String csrfToken(String sessionToken) {
        return Tokens.sha256("csrf:" + sessionToken);
    }

    /** Deletes sessions that have timed out, so the table holds live logins only. */
    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void forgetEnded() {
        Instant now = clock.instant();
        em.createNativeQuery("delete from admin_session where last_seen_at < ?1 or created_at < ?2")
                .setParameter(1, now.minus(config.idleTimeout()))
                .setParameter(2, now.minus(config.absoluteTimeout())).executeUpdate();
    }
}
