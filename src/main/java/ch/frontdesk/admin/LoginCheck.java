package ch.frontdesk.admin;

import ch.frontdesk.common.PlainText;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a username and password, for the dashboard's login form and for HTTP Basic. The bcrypt check runs for
 * unknown usernames too, against a hash of the same cost, so both fail in the same time; and it runs outside any
 * transaction, so no database connection waits on it.
 */
@ApplicationScoped
public class LoginCheck {

    private final EntityManager em;
    private final LoginThrottle throttle;
    /** What unknown usernames are checked against: a hash of a random password nobody knows. */
    private final String decoyHash;

    LoginCheck(EntityManager em, LoginThrottle throttle, AdminConfig config) {
        this.em = em;
        this.throttle = throttle;
        this.decoyHash = BcryptUtil.bcryptHash(ch.frontdesk.common.Tokens.newToken(), config.bcryptCost());
    }

    /** The account, or {@link AuthenticationFailedException}; {@code 429} while throttled or locked. */
    public Account verify(String username, String password, String clientAddress) {
        if (!PlainText.isClean(username, false)) {
            // No account has such a name, and PostgreSQL would refuse a NUL in the lookup: fail as for any stranger.
            BcryptUtil.matches(password == null ? "" : password, decoyHash);
            throw new AuthenticationFailedException();
        }
        String key = LoginLock.key(username);
        long failures = throttle.admit(key, clientAddress);
        Account account = QuarkusTransaction.joiningExisting().call(() -> find(key));
        boolean matches = BcryptUtil.matches(password == null ? "" : password,
                account == null ? decoyHash : account.passwordHash());
        if (account == null || !matches) {
            throttle.failed(java.util.Optional.ofNullable(account).map(Account::username), failures, clientAddress);
            throw new AuthenticationFailedException();
        }
        throttle.succeeded(key);
        return account;
    }

    private Account find(String key) {
        List<?> rows = em.createNativeQuery(
                "select id, username, password_hash, roles from app_user where lower(username) = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Account(((Number) row[0]).longValue(), (String) row[1], (String) row[2], roles((String) row[3]));
    }

    static Set<String> roles(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** An account whose password was just checked. */
    public record Account(long id, String username, String passwordHash, Set<String> roles) {
    }
}
