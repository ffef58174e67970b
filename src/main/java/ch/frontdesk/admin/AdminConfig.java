package ch.frontdesk.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The first admin account, created at start when both values are set (FRONTDESK_ADMIN_USER, FRONTDESK_ADMIN_PASSWORD). */
@ConfigMapping(prefix = "frontdesk.admin")
public interface AdminConfig {

    /** Username of the first admin. */
    Optional<String> user();

    /** Password of the first admin; only its bcrypt hash is stored. */
    Optional<String> password();

    /** The bcrypt cost (log2 of the rounds) for new password hashes. */
    @WithDefault("12")
    int bcryptCost();

    /** Failed logins for one username, within {@link #lockDuration()}, that lock the account. */
    @WithDefault("5")
    int lockAfterFailures();

    /** How long a locked account stays locked after its last failed login. */
    @WithDefault("15m")
    Duration lockDuration();
}
