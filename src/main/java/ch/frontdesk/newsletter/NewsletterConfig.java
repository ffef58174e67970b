package ch.frontdesk.newsletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How sign-ups to Engineering Prompts behave. */
@ConfigMapping(prefix = "frontdesk.newsletter")
public interface NewsletterConfig {

    /** How long a confirmation link stays valid. */
    @WithDefault("48h")
    Duration confirmationValidity();

    /**
     * How often the queue of sign-ups is looked at (confirmation emails then wait for the outbox); a second is the
     * shortest period Quarkus's scheduler keeps. While sign-ups keep coming, full batches follow each other without
     * waiting for the next look; a batch that is not full ends the round, so a trickle gathers into the next batch.
     */
    @WithDefault("1s")
    String signupsEvery();

    /** Sign-ups applied together in one transaction, set-based. */
    @WithDefault("250")
    int signupBatchSize();

    /** Sign-up requests one client address may make per minute. */
    @WithDefault("20")
    int signupsPerMinute();

    /**
     * Version of the consent wording shown next to the sign-up checkbox; stored with every consent, with the wording
     * itself in the language shown (the {@code consent} text of {@code messages/newsletter_*.properties}). A new
     * wording in any language is a new version.
     */
    @WithDefault("newsletter-2026-01")
    String consentVersion();
}
