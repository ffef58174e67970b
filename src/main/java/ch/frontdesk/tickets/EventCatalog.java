package ch.frontdesk.tickets;

import ch.frontdesk.common.Money;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.TicketBodies.EarlyBird;
import ch.frontdesk.tickets.TicketBodies.EventAdminView;
import ch.frontdesk.tickets.TicketBodies.EventDetail;
import ch.frontdesk.tickets.TicketBodies.EventRequest;
import ch.frontdesk.tickets.TicketBodies.EventSummary;
import ch.frontdesk.tickets.TicketBodies.TicketTypeAdminView;
import ch.frontdesk.tickets.TicketBodies.TicketTypeRequest;
import ch.frontdesk.tickets.TicketBodies.TicketTypeView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Events and their ticket types: what the admin sets up and what the public sees. */
@ApplicationScoped
public class EventCatalog {

    private static final int DEFAULT_MAX_PER_ORDER = 10;

    private final Clock clock;
    private final Waitlist waitlist;
    private final SeatLedger ledger;
    private final SeatCounts seats;

    EventCatalog(Clock clock, Waitlist waitlist, SeatLedger ledger, SeatCounts seats) {
        this.clock = clock;
        this.waitlist = waitlist;
        this.ledger = ledger;
        this.seats = seats;
    }

    // --- public ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventSummary> events() {
        return Event.<Event>listAll(Sort.by("startsOn").and("slug")).stream()
                .map(e -> new EventSummary(e.slug, e.name, e.startsOn, e.endsOn, e.venue, e.timezone))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EventDetail event(String slug) {
        return shop(slug).event();
    }

    /**
     * The shop's view of an event: what the API shows (each type at the price an order placed now pays) and the
     * seats each type has left, by type code, as last committed.
     */
    record Shop(EventDetail event, Map<String, Integer> seatsLeft, Map<String, Money> regularPrices) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Shop shop(String slug) {
        Event event = find(slug);
        Instant now = clock.instant();
        boolean open = salesOpen(event, now);
        Map<Long, SeatCounts.Seats> seatsByType = seats.ofEvent(event.id);
        Map<String, Integer> seatsLeft = new java.util.HashMap<>();
        Map<String, Money> regularPrices = new java.util.HashMap<>();
        List<TicketTypeView> types = types(event).stream().map(type -> {
            boolean early = type.earlySeatsLeft(now) > 0;
            int left = Math.max(0, seatsByType.getOrDefault(type.id, SeatCounts.Seats.NONE).available());
            seatsLeft.put(type.code, left);
            regularPrices.put(type.code, Money.of(type.priceAmount, event.currency));
            return new TicketTypeView(type.code, type.name, type.description,
                    Money.of(early ? type.earlyAmount : type.priceAmount, event.currency),
                    early ? Ticket.EARLY_BIRD : Ticket.REGULAR,
                    early ? type.earlyEndsAt : null,
                    open && left > 0,
                    type.maxPerOrder);
        }).toList();
        return new Shop(new EventDetail(event.slug, event.name, event.startsOn, event.endsOn, event.venue,
                event.timezone, open, types), Map.copyOf(seatsLeft), Map.copyOf(regularPrices));
    }

    /** The events whose sales have not closed yet (open now, or opening later), soonest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<EventSummary> onSale() {
        Instant now = clock.instant();
        return Event.<Event>listAll(Sort.by("startsOn").and("slug")).stream()
                .filter(e -> now.isBefore(e.salesCloseAt()))
                .map(e -> new EventSummary(e.slug, e.name, e.startsOn, e.endsOn, e.venue, e.timezone))
                .toList();
    }

    static boolean salesOpen(Event event, Instant now) {
        boolean started = event.salesStart == null || !now.isBefore(event.salesStart);
        return started && now.isBefore(event.salesCloseAt());
    }

    // --- admin ---

    @Transactional
    public EventAdminView createEvent(EventRequest request) {
        if (Event.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict("duplicate", "Already exists", "An event with this slug exists.");
        }
        Event event = new Event();
        event.slug = request.slug();
        event.createdAt = clock.instant();
        apply(event, request);
        event.persist();
        return adminView(event);
    }

    @Transactional
    public EventAdminView updateEvent(String slug, EventRequest request) {
        Event event = find(slug);
        if (!slug.equals(request.slug())) {
            throw ProblemException.invalid("slug", "must match the event's slug in the path");
        }
        if (request.currency() != null && !request.currency().equals(event.currency)
                && TicketType.count("eventId", event.id) > 0) {
            throw ProblemException.invalid("currency", "cannot change once the event has ticket types");
        }
        apply(event, request);
        return adminView(event);
    }

    @Transactional
    public void deleteEvent(String slug) {
        Event event = find(slug);
        if (TicketOrder.count("eventId", event.id) > 0) {
            throw ProblemException.conflict("has-orders", "Has orders", "An event with orders cannot be deleted.");
        }
        Voucher.delete("eventId", event.id);
        for (TicketType type : types(event)) {
            WaitlistEntry.delete("ticketTypeId", type.id);
            type.delete();
        }
        event.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EventAdminView adminEvent(String slug) {
        return adminView(find(slug));
    }

    /** Every event, soonest first, with its ticket types and seat counters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventAdminView> adminEvents() {
        return Event.<Event>listAll(Sort.by("startsOn").and("slug")).stream().map(this::adminView).toList();
    }

    @Transactional
    public TicketTypeAdminView createType(String slug, TicketTypeRequest request) {
        Event event = find(slug);
        if (TicketType.count("eventId = ?1 and code = ?2", event.id, request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "Already exists", "This event already has that ticket type.");
        }
        TicketType type = new TicketType();
        type.eventId = event.id;
        type.code = request.code();
        type.createdAt = clock.instant();
        apply(event, type, request);
        type.capacity = request.capacity();
        type.persist();
        ledger.createBuckets(type);
        return adminView(event, type);
    }

    @Transactional
    public TicketTypeAdminView updateType(String slug, String code, TicketTypeRequest request) {
        Event event = find(slug);
        TicketType type = TicketType.<TicketType>find("eventId = ?1 and code = ?2", event.id, code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no ticket type " + code + "."));
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must match the ticket type's code in the path");
        }
        int before = type.capacity;
        apply(event, type, request);
        if (request.capacity() != before) {
            ledger.changeCapacity(type, request.capacity());
            type.capacity = request.capacity();
        }
        if (type.capacity > before) {
            waitlist.offerFreedSeats(type);
        }
        return adminView(event, type);
    }

    @Transactional
    public void deleteType(String slug, String code) {
        Event event = find(slug);
        TicketType type = TicketType.<TicketType>find("eventId = ?1 and code = ?2", event.id, code)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no ticket type " + code + "."));
        if (Ticket.count("ticketTypeId", type.id) > 0) {
            throw ProblemException.conflict("has-orders", "Has orders", "A ticket type with orders cannot be deleted.");
        }
        WaitlistEntry.delete("ticketTypeId", type.id);
        type.delete();
    }

    private void apply(Event event, EventRequest request) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn");
        }
        try {
            ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timezone", "must be a time zone such as Europe/Zurich");
        }
        if (request.salesStart() != null && request.salesEnd() != null
                && !request.salesEnd().isAfter(request.salesStart())) {
            throw ProblemException.invalid("salesEnd", "must be after salesStart");
        }
        event.name = request.name().strip();
        event.startsOn = request.startsOn();
        event.endsOn = request.endsOn();
        event.venue = request.venue().strip();
        event.timezone = request.timezone();
        Money.requireTwoDecimals("currency", request.currency());
        event.currency = request.currency() == null ? (event.currency == null ? "CHF" : event.currency) : request.currency();
        event.salesStart = request.salesStart();
        event.salesEnd = request.salesEnd();
        event.updatedAt = clock.instant();
    }

    private void apply(Event event, TicketType type, TicketTypeRequest request) {
        if (!event.currency.equals(request.price().currency())) {
            throw ProblemException.invalid("price.currency", "must be the event's currency, " + event.currency);
        }
        EarlyBird early = request.earlyBird();
        if (early != null && early.amount() > request.price().amount()) {
            throw ProblemException.invalid("earlyBird.amount", "must not be above the regular price");
        }
        if (early != null && early.quota() != null && early.quota() < type.earlyTaken) {
            throw ProblemException.invalid("earlyBird.quota",
                    "must be at least " + type.earlyTaken + ", the early-bird seats already sold or held");
        }
        type.name = request.name().strip();
        type.description = request.description();
        type.priceAmount = request.price().amount();
        type.earlyAmount = early == null ? null : early.amount();
        type.earlyEndsAt = early == null ? null : early.endsAt();
        type.earlyQuota = early == null ? null : early.quota();
        type.maxPerOrder = request.maxPerOrder() == null ? DEFAULT_MAX_PER_ORDER : request.maxPerOrder();
        type.updatedAt = clock.instant();
    }

    static Event find(String slug) {
        return Event.bySlug(slug).orElseThrow(() -> ProblemException.notFound("There is no event " + slug + "."));
    }

    static List<TicketType> types(Event event) {
        return TicketType.list("eventId", Sort.by("id"), event.id);
    }

    private EventAdminView adminView(Event event) {
        Map<Long, SeatCounts.Seats> seatsByType = seats.ofEvent(event.id);
        return new EventAdminView(event.slug, event.name, event.startsOn, event.endsOn, event.venue, event.timezone,
                event.currency, event.salesStart, event.salesEnd,
                types(event).stream().map(type -> adminView(event, type, seatsByType)).toList());
    }

    private TicketTypeAdminView adminView(Event event, TicketType type) {
        TicketType.getEntityManager().flush();
        return adminView(event, type, seats.ofEvent(event.id));
    }

    private static TicketTypeAdminView adminView(Event event, TicketType type, Map<Long, SeatCounts.Seats> seatsByType) {
        SeatCounts.Seats counted = seatsByType.getOrDefault(type.id, SeatCounts.Seats.NONE);
        EarlyBird early = type.earlyAmount == null ? null
                : new EarlyBird(type.earlyAmount, type.earlyEndsAt, type.earlyQuota);
        return new TicketTypeAdminView(type.code, type.name, type.description, type.capacity,
                Money.of(type.priceAmount, event.currency), early, type.maxPerOrder, counted.sold(), counted.held(),
                type.earlyTaken);
    }
}
