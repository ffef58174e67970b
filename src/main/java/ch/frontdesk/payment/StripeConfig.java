package ch.frontdesk.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Card payments through Stripe. Without a secret key, card payment is off and invoices remain. */
@ConfigMapping(prefix = "frontdesk.stripe")
public interface StripeConfig {

    /** The secret API key (FRONTDESK_STRIPE_SECRET_KEY). */
    Optional<String> secretKey();

    /** The webhook endpoint's signing secret (FRONTDESK_STRIPE_WEBHOOK_SECRET). */
    Optional<String> webhookSecret();

    /** Where Stripe's API lives; tests and staging point elsewhere (FRONTDESK_STRIPE_API_BASE). */
    @WithDefault("https://api.stripe.com")
    String apiBase();

    /** How long a call to Stripe may take before the client is told the provider is unavailable. */
    @WithDefault("10s")
    Duration timeout();

    /** How old a webhook's signed timestamp may be. */
    @WithDefault("5m")
    Duration webhookTolerance();
}
