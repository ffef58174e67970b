package ch.frontdesk.support;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.RateLimiter;
import ch.frontdesk.support.SupportBodies.PledgeRequest;
import ch.frontdesk.support.SupportBodies.PledgeView;
import ch.frontdesk.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where every pledge comes in, from the JSON API, a form posted to the API, or the {@code /support} page: the same
 * rate limit, the same validation (refused with the fields named) and the same service call for all of them.
 */
@ApplicationScoped
class PledgeIntake {

    private static final String RATE_LIMIT_KIND = "support.pledge";

    private final PledgeService pledges;
    private final RateLimiter rateLimiter;
    private final SupportConfig config;
    private final Pages pages;

    PledgeIntake(PledgeService pledges, RateLimiter rateLimiter, SupportConfig config, Pages pages) {
        this.pledges = pledges;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.pages = pages;
    }

    /**
     * @param stated the language the request stated (its {@code lang}, else {@code Accept-Language}); null if none
     */
    PledgeView pledge(PledgeRequest request, Language stated, String idempotencyKey, ClientInfo client) {
        Idempotency.validateKey(idempotencyKey);
        rateLimiter.check(RATE_LIMIT_KIND, client.address(), config.pledgesPerMinute());
        return pledges.pledge(pages.check(request), stated, client, idempotencyKey);
    }
}
