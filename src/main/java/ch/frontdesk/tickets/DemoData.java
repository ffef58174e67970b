package ch.frontdesk.tickets;

import ch.frontdesk.common.Money;
import ch.frontdesk.tickets.TicketBodies.EarlyBird;
import ch.frontdesk.tickets.TicketBodies.EventRequest;
import ch.frontdesk.tickets.TicketBodies.TicketTypeRequest;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.jboss.logging.Logger;

/**
 * Dev mode starts with the AMLD Intelligence Summit 2026 (10-12 February 2026, over by now) and a next edition on
 * sale, so that a newcomer can buy a ticket in the shop at once. Our documents give no prices and no date for the
 * next edition: the prices here, and the next edition's dates (the second week of the coming February, early-bird
 * until mid-December), are examples.
 */
@ApplicationScoped
@IfBuildProfile("dev")
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String SLUG = "amld-2026";

    private final EventCatalog catalog;
    private final Clock clock;

    DemoData(EventCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    void load(@Observes StartupEvent start) {
        loadEdition2026();
        loadNextEdition();
    }

    private void loadEdition2026() {
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

    /** The edition of the coming February: on sale from now on, with an early-bird window while there is one. */
    private void loadNextEdition() {
        ZoneId lausanne = ZoneId.of("Europe/Zurich");
        LocalDate today = LocalDate.now(clock.withZone(lausanne));
        int year = today.getMonthValue() == 1 ? today.getYear() : today.getYear() + 1;
        String slug = "amld-" + year;
        if (Event.bySlug(slug).isPresent()) {
            return;
        }
        LocalDate first = LocalDate.of(year, 2, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
        catalog.createEvent(new EventRequest(slug, "AMLD Intelligence Summit " + year, first, first.plusDays(2),
                "EPFL campus, Lausanne", "Europe/Zurich", "CHF", null, null));
        Instant earlyEnd = LocalDate.of(year - 1, 12, 15).atTime(23, 59).atZone(lausanne).toInstant();
        boolean early = earlyEnd.isAfter(clock.instant());
        catalog.createType(slug, new TicketTypeRequest("conference", "Conference pass (3 days)",
                "All talks and workshops, three days.", 800, Money.of(59000, "CHF"),
                early ? new EarlyBird(39000L, earlyEnd, 200) : null, 10));
        catalog.createType(slug, new TicketTypeRequest("academic", "Academic pass (3 days)",
                "For students and academic staff, with a valid card.", 300, Money.of(19000, "CHF"),
                early ? new EarlyBird(12000L, earlyEnd, 100) : null, 5));
        catalog.createType(slug, new TicketTypeRequest("day", "Day pass",
                "One day of your choice.", 400, Money.of(25000, "CHF"), null, 10));
        LOG.infof("Loaded the demo event %s on sale (example dates and prices): http://localhost:8080/events/%s",
                slug, slug);
    }
}
