package ch.frontdesk.newsletter;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Takes a sign-up in: the request only queues it (the same work for every address, so neither the answer nor its
 * timing tells who is subscribed); {@link NewsletterService#applySignups()} does the rest moments later, in batches.
 * A sign-up is the public side's busiest request, so the usual one is a single statement: the client's rate-limit
 * token and the queued row, one round trip and one commit. Bots that fill the honeypot use up a token and are
 * dropped without a trace. The request is validated here, the one place JSON and form sign-ups share.
 */
@ApplicationScoped
public class SignupIntake {

    static final String RATE_LIMIT_KIND = "newsletter.subscribe";
    private static final String IDEMPOTENCY_SCOPE = "newsletter.subscribe";
    /** Run by {@link RateLimiter#checkAndRun} only when the client's token was granted. */
    private static final String QUEUE = """
            insert into newsletter_signup (email, name, source, client_address, user_agent, received_at, language)
            select ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::text from take where take.granted""";

    private final RateLimiter rateLimiter;
    private final Idempotency idempotency;
    private final NewsletterConfig config;
    private final Clock clock;
    private final Counter requested;

    SignupIntake(RateLimiter rateLimiter, Idempotency idempotency, NewsletterConfig config, Clock clock,
            MeterRegistry metrics) {
        this.rateLimiter = rateLimiter;
        this.idempotency = idempotency;
        this.config = config;
        this.clock = clock;
        this.requested = metrics.counter("frontdesk.newsletter.subscriptions.requested");
    }

    /**
     * Queues a sign-up. {@code stated} is the language the request stated (its {@code lang}, else its
     * {@code Accept-Language}), null when none: the contact takes it when the sign-up is applied.
     */
    public SubscriptionAnswer accept(@Valid @NotNull SubscribeRequest request, Language stated, ClientInfo client,
            String idempotencyKey) {
        SubscriptionAnswer answer = new SubscriptionAnswer(SubscriptionStatus.PENDING);
        if (idempotencyKey != null) {
            rateLimiter.check(RATE_LIMIT_KIND, client.address(), config.signupsPerMinute());
            return QuarkusTransaction.requiringNew()
                    .call(() -> acceptOnce(request, stated, client, idempotencyKey, answer));
        }
        if (request.isFromBot()) {
            rateLimiter.checkAndRun(RATE_LIMIT_KIND, client.address(), config.signupsPerMinute(), null, null);
            return answer;
        }
        rateLimiter.checkAndRun(RATE_LIMIT_KIND, client.address(), config.signupsPerMinute(), QUEUE,
                Arrays.asList(request.email(), request.name(), request.source(), client.address(), client.userAgent(),
                        clock.instant().atOffset(ZoneOffset.UTC), stated == null ? null : stated.code()));
        requested.increment();
        return answer;
    }

    /** A sign-up with an Idempotency-Key: queued once, and the same answer replayed for the same key. */
    private SubscriptionAnswer acceptOnce(SubscribeRequest request, Language stated, ClientInfo client,
            String idempotencyKey, SubscriptionAnswer answer) {
        var earlier = idempotency.claim(IDEMPOTENCY_SCOPE, idempotencyKey, request);
        if (earlier.isPresent()) {
            return idempotency.read(earlier.get(), SubscriptionAnswer.class);
        }
        idempotency.complete(IDEMPOTENCY_SCOPE, idempotencyKey, 202, answer);
        if (!request.isFromBot()) {
            NewsletterSignup signup = new NewsletterSignup();
            signup.email = request.email();
            signup.name = request.name();
            signup.source = request.source();
            signup.clientAddress = client.address();
            signup.userAgent = client.userAgent();
            signup.receivedAt = clock.instant();
            signup.language = stated;
            signup.persist();
            requested.increment();
        }
        return answer;
    }
}
