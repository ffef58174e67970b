package ch.frontdesk.tickets;

import ch.frontdesk.common.Money;
import ch.frontdesk.tickets.TicketBodies.EarlyBird;
import ch.frontdesk.tickets.TicketBodies.EventRequest;
import ch.frontdesk.tickets.TicketBodies.TicketTypeRequest;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Dev mode starts with the AMLD Intelligence Summit 2026 on sale. Our documents give no prices: the ones here
 * are examples.
 */
@ApplicationScoped
@IfBuildProfile("dev")
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String SLUG = "amld-2026";

    private final EventCatalog catalog;

    DemoData(EventCatalog catalog) {
        this.catalog = catalog;
    }

    void load(@Observes StartupEvent start) {
        if (Event.bySlug(SLUG).isPresent()) {
            return;
        }
        catalog.createEvent(new EventRequest(SLUG, "AMLD Intelligence Summit 2026", LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 12), "EPFL campus, Lausanne", "Europe/Zurich", "CHF", null, null));
        Instant earlyEnd = Instant.parse("2025-12-15T23:00:00Z");
        catalog.createType(SLUG, new TicketTypeRequest("conference", "Conference pass (3 days)",
                "All talks and workshops, 10-12 February.", 800, Money.of(59000, "CHF"),
                new EarlyBird(39000L, earlyEnd, 200), 10));
        catalog.createType(SLUG, new TicketTypeRequest("academic", "Academic pass (3 days)",
                "For students and academic staff, with a valid card.", 300, Money.of(19000, "CHF"),
                new EarlyBird(12000L, earlyEnd, 100), 5));
        catalog.createType(SLUG, new TicketTypeRequest("day", "Day pass",
                "One day of your choice.", 400, Money.of(25000, "CHF"), null, 10));
        LOG.info("Loaded the demo event amld-2026 (example prices)");
    }
}
