package ch.frontdesk.support;

import ch.frontdesk.common.Money;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.support.SupportBodies.TierAdminView;
import ch.frontdesk.support.SupportBodies.TierRequest;
import ch.frontdesk.support.SupportBodies.TierView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The support tiers readers can choose from, managed by the admin. */
@ApplicationScoped
public class TierCatalog {

    private final Clock clock;

    TierCatalog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TierView> activeTiers() {
        return SupportTier.<SupportTier>list("active", Sort.by("amount").and("code"), true).stream()
                .map(t -> new TierView(t.code, t.name, t.description, t.amount, t.currency, t.interval))
                .toList();
    }

    /** Every tier, retired ones too, for the admin. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TierAdminView> allTiers() {
        return SupportTier.<SupportTier>listAll(Sort.by("active", Sort.Direction.Descending).and("amount").and("code"))
                .stream().map(TierCatalog::view).toList();
    }

    @Transactional
    public TierAdminView create(TierRequest request) {
        if (SupportTier.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "Already exists", "A tier with this code exists.");
        }
        SupportTier tier = new SupportTier();
        tier.code = request.code();
        tier.createdAt = clock.instant();
        apply(tier, request);
        tier.persist();
        return view(tier);
    }

    @Transactional
    public TierAdminView update(String code, TierRequest request) {
        SupportTier tier = find(code);
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must match the tier's code in the path");
        }
        apply(tier, request);
        return view(tier);
    }

    /** Deletes a tier nobody pledged to; a tier with pledges is retired instead, so its history stays. */
    @Transactional
    public void delete(String code) {
        SupportTier tier = find(code);
        if (Pledge.count("tierId", tier.id) > 0) {
            tier.active = false;
            tier.updatedAt = clock.instant();
        } else {
            tier.delete();
        }
    }

    static SupportTier find(String code) {
        return SupportTier.<SupportTier>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no support tier " + code + "."));
    }

    private void apply(SupportTier tier, TierRequest request) {
        // Dev-mode tiers are created in code, past the request validation: the same rule holds for them.
        Money.requireTwoDecimals("price.currency", request.price().currency());
        tier.name = request.name().strip();
        tier.description = request.description();
        tier.amount = request.price().amount();
        tier.currency = request.price().currency();
        tier.interval = BillingInterval.of(request.interval());
        tier.active = request.active() == null || request.active();
        tier.updatedAt = clock.instant();
    }

    static TierAdminView view(SupportTier tier) {
        return new TierAdminView(tier.code, tier.name, tier.description, tier.amount, tier.currency, tier.interval,
                tier.active);
    }
}
