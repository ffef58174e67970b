package ch.frontdesk.tickets;

import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.common.Tokens;
import ch.frontdesk.contact.ConsentWording;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.contact.ContactService;
import ch.frontdesk.payment.PaymentGateway.CheckoutRequest;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.tickets.OrderPricing.PricedOrder;
import ch.frontdesk.tickets.OrderPricing.PricedTicket;
import ch.frontdesk.tickets.OrderPricing.TypePrice;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import ch.frontdesk.tickets.TicketBodies.PlaceOrder;
import ch.frontdesk.tickets.TicketBodies.TicketRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Places an order in one transaction: the request is checked ({@link #check}), the people recorded, the early-bird
 * seats counted and the prices fixed ({@link OrderPricing}), the order, its tickets and its email written, and the
 * seats held last ({@link SeatLedger}): the rows other buyers of the type also write are locked for the shortest
 * time, from the last statement to the commit. A card order's checkout is started afterwards, by the caller.
 */
@ApplicationScoped
class OrderReservation {

    static final String CONSENT_PURPOSE = "tickets";
    static final String IDEMPOTENCY_SCOPE = "tickets.order";
    /** A Stripe Checkout Session lives at least 30 minutes; a card order holds its seats a little longer. */
    private static final Duration MIN_CARD_HOLD = Duration.ofMinutes(31);

    private final ContactService contacts;
    private final AccessTokens tokens;
    private final SeatLedger ledger;
    private final Vouchers vouchers;
    private final Waitlist waitlist;
    private final OrderFulfilment fulfilment;
    private final OrderCheckout checkout;
    private final TicketMails mails;
    private final TicketsConfig config;
    private final UnpaidSeatCap unpaidSeatCap;
    private final Idempotency idempotency;
    private final Clock clock;
    private final MeterRegistry metrics;

    OrderReservation(ContactService contacts, AccessTokens tokens, SeatLedger ledger, Vouchers vouchers,
            Waitlist waitlist, OrderFulfilment fulfilment, OrderCheckout checkout, TicketMails mails,
            TicketsConfig config, UnpaidSeatCap unpaidSeatCap, Idempotency idempotency, Clock clock,
            MeterRegistry metrics) {
        this.contacts = contacts;
        this.tokens = tokens;
        this.ledger = ledger;
        this.vouchers = vouchers;
        this.waitlist = waitlist;
        this.fulfilment = fulfilment;
        this.checkout = checkout;
        this.mails = mails;
        this.config = config;
        this.unpaidSeatCap = unpaidSeatCap;
        this.idempotency = idempotency;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What an idempotency key is claimed for: the event and the whole request. */
    record KeyedRequest(String event, PlaceOrder order) {
    }

    /**
     * A held order, and for card payment what the Stripe Checkout needs; the order's access token for the shop page,
     * which sends the buyer on to the order page (null for an answer repeated for an idempotency key).
     */
    record Reservation(OrderView view, CheckoutRequest checkout, String accessToken) {
    }

    /** The ticket types an order asks for, one per line, and how many of each (in id order, the order of the locks). */
    record Lines(List<TicketType> lineTypes, SortedMap<TicketType, Integer> counts) {
    }

    /**
     * A request found valid: the ticket type of each line, the count per type (in id order, the order of the
     * locks), and the waiting-list offer it names. The one place where a reservation is judged, but for its
     * voucher, which is judged last ({@link Vouchers#redeemable}).
     */
    record CheckedRequest(Event event, List<TicketType> lineTypes, SortedMap<TicketType, Integer> counts,
            WaitlistEntry offer) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Reservation reserve(String slug, PlaceOrder request, ClientInfo client, String idempotencyKey,
            PaymentMethod method, Language stated) {
        if (idempotencyKey != null) {
            var earlier = idempotency.claim(IDEMPOTENCY_SCOPE, idempotencyKey, new KeyedRequest(slug, request));
            if (earlier.isPresent()) {
                return new Reservation(idempotency.read(earlier.get(), OrderView.class), null, null);
            }
        }
        Instant now = clock.instant();
        CheckedRequest checked = check(EventCatalog.find(slug), request, client, now);
        Long offerTypeId = checked.offer() == null ? null : checked.offer().ticketTypeId;
        // The rows only this buyer writes come first; the rows other buyers share (early-bird count, seats) last.
        People people = recordPeople(checked.event(), request, client, stated);
        Map<Long, Integer> earlySeats = ledger.takeEarlyBird(checked.counts(), offerTypeId,
                type -> waitlist.takeUpOffer(checked.offer(), now), now);
        Map<Long, Short> buckets = ledger.pickBuckets(checked.counts(), offerTypeId);
        // Once seats are known to be there: a voucher's answer must tell a guesser nothing sooner.
        Voucher voucher = vouchers.redeemable(checked.event(), request.voucher(), checked.lineTypes(), client);
        PricedOrder priced = OrderPricing.price(checked.lineTypes().stream().map(t -> t.code).toList(),
                typePrices(checked.counts().keySet(), earlySeats), voucher == null ? null : voucher.discount());
        if (voucher != null) {
            vouchers.takeUses(voucher, priced.voucherUses());
        }
        TicketOrder order = newOrder(checked, voucher, request, people.buyer(), client, priced, method, now);
        List<Ticket> tickets = writeTickets(order, checked, request, people.attendees(), priced, buckets, now);
        Reservation reservation = announce(order, checked.event(), people.buyer(), tickets, idempotencyKey);
        // Last before commit: the seats, usually one row that no other buyer is writing.
        ledger.holdForOrder(tickets, checked.offer(), now);
        if (checked.offer() != null) {
            waitlist.accepted(checked.offer(), checked.counts().entrySet().stream()
                    .filter(e -> e.getKey().id == checked.offer().ticketTypeId).mapToInt(Map.Entry::getValue)
                    .sum(), now);
        }
        if (order.totalAmount == 0) {
            // Free (a comp voucher): confirmed at once, which sells the seats just held.
            fulfilment.confirm(order);
        }
        metrics.counter("frontdesk.tickets.orders.placed").increment();
        return reservation;
    }

    /** The buyer and the attendees, each address looked up once; and the buyer's consent to the terms of sale. */
    private record People(Contact buyer, List<Contact> attendees) {
    }

    /** Everything that can be refused before a seat is locked: sales, types, quantities, unpaid seats, offer. */
    private CheckedRequest check(Event event, PlaceOrder request, ClientInfo client, Instant now) {
        Lines lines = lines(event, request.tickets().stream().map(TicketRequest::type).toList(), now);
        unpaidSeatCap.admit(request.buyer().email(), client.rateLimitKey(), request.tickets().size());
        return new CheckedRequest(event, lines.lineTypes(), lines.counts(),
                offer(request.waitlistOffer(), lines.counts()));
    }

    /**
     * The lines of an order, refused when the event is not on sale, a type is not the event's or too many of a type
     * are asked for. Orders and the shop's summary before ordering ({@link OrderQuote}) judge them alike.
     */
    static Lines lines(Event event, List<String> typeCodes, Instant now) {
        if (!EventCatalog.salesOpen(event, now)) {
            throw ProblemException.conflict("sales-closed", "Sales closed", "Tickets for this event are not on sale.");
        }
        Map<String, TicketType> typesByCode = new HashMap<>();
        EventCatalog.types(event).forEach(t -> typesByCode.put(t.code, t));
        List<TicketType> lineTypes = new ArrayList<>();
        SortedMap<TicketType, Integer> counts = new TreeMap<>(Comparator.comparing((TicketType t) -> t.id));
        for (int i = 0; i < typeCodes.size(); i++) {
            TicketType type = typesByCode.get(typeCodes.get(i));
            if (type == null) {
                throw ProblemException.invalid("tickets[" + i + "].type", "is not a ticket type of this event");
            }
            lineTypes.add(type);
            counts.merge(type, 1, Integer::sum);
        }
        counts.forEach((type, n) -> {
            if (n > type.maxPerOrder) {
                throw ProblemException.invalid("tickets",
                        "at most " + type.maxPerOrder + " tickets of type " + type.code + " per order");
            }
        });
        return new Lines(List.copyOf(lineTypes), counts);
    }

    /** The waiting-list offer, read now and locked only after its own ticket type, as everywhere else. */
    private WaitlistEntry offer(String token, SortedMap<TicketType, Integer> counts) {
        if (token == null) {
            return null;
        }
        Long offerId = tokens.find(TokenPurpose.WAITLIST_OFFER, token).map(t -> t.subjectId)
                .orElseThrow(() -> ProblemException.invalid("waitlistOffer", "is not a current offer"));
        WaitlistEntry offer = WaitlistEntry.findById(offerId);
        if (offer == null || counts.keySet().stream().noneMatch(t -> t.id == offer.ticketTypeId)) {
            throw ProblemException.invalid("waitlistOffer", "is not a current offer for these tickets");
        }
        return offer;
    }

    private People recordPeople(Event event, PlaceOrder request, ClientInfo client, Language stated) {
        // The same address typed twice (a buyer who attends, say) is one contact and one round trip.
        Map<String, Contact> byAddress = new HashMap<>();
        // The buyer stated the language; attendees did not: a known one keeps theirs, a new one gets the buyer's.
        Contact buyer = contacts.findOrCreate(request.buyer().email(), request.buyer().name(), stated);
        byAddress.put(ContactService.normalize(request.buyer().email()), buyer);
        // The wording the shop shows beside its consent box, in the language the buyer reads.
        String terms = MessageBundles.get(ShopMessages.class, Localized.Literal.of(buyer.language.code()))
                .consent(event.name);
        contacts.recordConsent(buyer, new ConsentWording(CONSENT_PURPOSE, "tickets-" + event.slug, terms),
                "order:" + event.slug, client);
        List<Contact> attendees = request.tickets().stream()
                .map(t -> byAddress.computeIfAbsent(ContactService.normalize(t.attendee().email()),
                        address -> contacts.findOrCreateNamedBy(address, t.attendee().name(), buyer.language)))
                .toList();
        return new People(buyer, attendees);
    }

    static Map<String, TypePrice> typePrices(Iterable<TicketType> types, Map<Long, Integer> earlySeats) {
        Map<String, TypePrice> prices = new HashMap<>();
        for (TicketType type : types) {
            long early = type.earlyAmount == null ? type.priceAmount : type.earlyAmount;
            prices.put(type.code, new TypePrice(type.code, type.priceAmount, early, earlySeats.get(type.id)));
        }
        return prices;
    }

    private TicketOrder newOrder(CheckedRequest checked, Voucher voucher, PlaceOrder request, Contact buyer,
            ClientInfo client, PricedOrder priced, PaymentMethod method, Instant now) {
        TicketOrder order = new TicketOrder();
        order.publicId = UUID.randomUUID();
        order.accessToken = OrderAccess.newToken();
        order.eventId = checked.event().id;
        order.buyerId = buyer.id;
        order.buyerName = request.buyer().name();
        order.currency = checked.event().currency;
        order.voucherId = voucher == null ? null : voucher.id;
        order.waitlistEntryId = checked.offer() == null ? null : checked.offer().id;
        order.paymentReference = Tokens.paymentReference("FD");
        order.clientNetwork = client.rateLimitKey();
        order.totalAmount = priced.total();
        order.status = OrderStatus.PENDING_PAYMENT;
        // A free order (a comp voucher) is confirmed at once, so it neither needs a payment method nor expires.
        order.paymentMethod = priced.total() == 0 ? PaymentMethod.NONE : method;
        order.expiresAt = priced.total() == 0 ? null : now.plus(method == PaymentMethod.CARD
                ? longer(config.cardHold(), MIN_CARD_HOLD) : config.invoiceHold());
        order.createdAt = now;
        order.updatedAt = now;
        order.persist();
        return order;
    }

    private static List<Ticket> writeTickets(TicketOrder order, CheckedRequest checked, PlaceOrder request,
            List<Contact> attendees, PricedOrder priced, Map<Long, Short> buckets, Instant now) {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < request.tickets().size(); i++) {
            TicketRequest line = request.tickets().get(i);
            PricedTicket price = priced.tickets().get(i);
            Ticket ticket = new Ticket();
            ticket.orderId = order.id;
            ticket.ticketTypeId = checked.lineTypes().get(i).id;
            ticket.seatBucket = buckets.get(ticket.ticketTypeId);
            ticket.attendeeId = attendees.get(i).id;
            ticket.attendeeName = line.attendee().name();
            ticket.earlyBirdSeat = price.earlyBirdSeat();
            ticket.priceLabel = price.label();
            ticket.priceAmount = price.price();
            ticket.voucherUsed = price.voucherUsed();
            ticket.createdAt = now;
            ticket.persist();
            tickets.add(ticket);
        }
        return tickets;
    }

    /** The free order is confirmed, the invoice order gets its payment details, the card order its checkout. */
    private Reservation announce(TicketOrder order, Event event, Contact buyer, List<Ticket> tickets,
            String idempotencyKey) {
        if (order.paymentMethod == PaymentMethod.INVOICE && order.totalAmount > 0) {
            // The bank details are only in this mail: an order that cannot get it would hold seats nobody can pay
            // for, so past the cap the order is refused and nothing is stored, as for an invoice pledge.
            mails.orderReceived(order, event, buyer, tickets, config.bank().details()).ifPresent(until -> {
                throw ProblemException.tooManyRequests("This address has had as many emails as we send in a day to"
                        + " an address nobody has confirmed; please order again later.",
                        Duration.between(clock.instant(), until));
            });
        }
        OrderView view = OrderViews.view(order, event, tickets, false);
        if (order.totalAmount == 0) {
            // Confirmed once its seats are held, after this: the answer (kept for the idempotency key) says so now.
            view = new OrderView(view.id(), view.event(), OrderStatus.CONFIRMED, view.total(), view.paymentMethod(),
                    null, null, null, view.tickets());
        }
        if (order.paymentMethod == PaymentMethod.CARD) {
            return new Reservation(view, checkout.request(order, event, buyer, tickets.size()), order.accessToken);
        }
        if (idempotencyKey != null) {
            idempotency.complete(IDEMPOTENCY_SCOPE, idempotencyKey, 201, view);
        }
        return new Reservation(view, null, order.accessToken);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
