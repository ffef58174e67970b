package ch.frontdesk.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Admin accounts: the first admin, created at start when both values are set, password hashing and lock-out. */
@ConfigMapping(prefix = "frontdesk.admin")
public interface AdminConfig {

    /** Username of the first admin. */
    Optional<String> user();

    /** Password of the first admin; only its bcrypt hash is stored. */
    Optional<String> password();

    /** The bcrypt cost (log2 of the rounds) for new password hashes. */
    @WithDefault("12")
    int bcryptCost();

    /** Failed logins for one username within {@link #lockDuration()} that lock the account. */
    @WithDefault("5")
    int lockAfterFailures();

    /** The window in which failures are counted, and how long a lock lasts after the newest one. */
    @WithDefault("15m")
    Duration lockDuration();
}
