package ch.frontdesk.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox sends. */
@ConfigMapping(prefix = "frontdesk.outbox")
public interface OutboxConfig {

    /** How often the sender looks for due messages. */
    @WithDefault("5s")
    String every();

    /** Messages claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** Delivery attempts before a message is marked failed and left for the admin. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the first retry; each further retry waits twice as long. */
    @WithDefault("10s")
    Duration firstRetryDelay();

    /** The longest wait between two retries. */
    @WithDefault("1h")
    Duration maxRetryDelay();

    /** How long a claimed message stays reserved for one sender; after that another instance may take it over. */
    @WithDefault("2m")
    Duration lease();

    /** How long a sent (or suppressed) message is kept, for the admin and a GDPR export, before it is deleted. */
    @WithDefault("30d")
    Duration sentRetention();
}
