package ch.frontdesk.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on mail that goes to addresses nobody has confirmed. */
@ConfigMapping(prefix = "frontdesk.mail")
public interface MailConfig {

    /**
     * Mails to one unconfirmed address in 24 hours (newsletter confirmations, and every other mail sent on a stranger's
     * say-so): more would let anyone use us to flood an inbox.
     */
    @WithDefault("3")
    int unverifiedPerDay();
}
