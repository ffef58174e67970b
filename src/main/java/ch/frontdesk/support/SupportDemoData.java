package ch.frontdesk.support;

import ch.frontdesk.common.Money;
import ch.frontdesk.support.SupportBodies.TierRequest;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Dev mode starts with a few support tiers. Their amounts are examples. */
@ApplicationScoped
@IfBuildProfile("dev")
class SupportDemoData {

    private final TierCatalog tiers;

    SupportDemoData(TierCatalog tiers) {
        this.tiers = tiers;
    }

    void load(@Observes StartupEvent start) {
        if (SupportTier.count() > 0) {
            return;
        }
        tiers.create(new TierRequest("reader-monthly", "Reader", "Support Engineering Prompts every month.",
                Money.of(500, "CHF"), "month", true));
        tiers.create(new TierRequest("patron-yearly", "Patron", "A year of support, paid once a year.",
                Money.of(10000, "CHF"), "year", true));
        tiers.create(new TierRequest("one-off", "One-off gift", "A single gift to the EPFL AI Center.",
                Money.of(5000, "CHF"), "once", true));
    }
}
