package ch.frontdesk.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a dashboard login lasts, and how hard password guessing is made. */
@ConfigMapping(prefix = "frontdesk.admin.session")
public interface AdminSessionConfig {

    /** A session unused for this long ends (FRONTDESK_ADMIN_SESSION_IDLE_TIMEOUT). */
    @WithDefault("30m")
    Duration idleTimeout();

    /** A session ends this long after login however busy it is (FRONTDESK_ADMIN_SESSION_ABSOLUTE_TIMEOUT). */
    @WithDefault("12h")
    Duration absoluteTimeout();

    /** Failed logins from one client address within {@link #failureWindow()} before it must wait. */
    @WithDefault("20")
    int failuresPerAddress();

    /** The sliding window over which failed logins from one address are counted (per username: the lock duration). */
    @WithDefault("15m")
    Duration failureWindow();
}
