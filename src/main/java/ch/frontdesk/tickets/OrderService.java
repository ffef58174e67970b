package ch.frontdesk.tickets;

import ch.frontdesk.payment.BankDetails;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.payment.PaymentGateway.Checkout;
import ch.frontdesk.payment.PaymentMethod;

import ch.frontdesk.common.AccessToken;
import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.Money;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.common.Tokens;
import ch.frontdesk.contact.ConsentWording;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.contact.ContactService;
import ch.frontdesk.tickets.Api.Attendee;
import ch.frontdesk.tickets.Api.OrderView;
import ch.frontdesk.tickets.Api.PlaceOrder;
import ch.frontdesk.tickets.Api.TicketRequest;
import ch.frontdesk.tickets.Api.TicketView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The life of a ticket order. Seats are taken under a row lock on each ticket type, always in id order so
 * concurrent orders never deadlock, and the database's check constraints forbid overselling whatever happens.
 * Every price is fixed from the server's clock when the order is placed.
 */
@ApplicationScoped
public class OrderService {

    static final String CONSENT_PURPOSE = "tickets";
    private static final String IDEMPOTENCY_SCOPE = "tickets.order";
    /** One order per transaction: each locks only its own ticket types, so expiry never deadlocks a sale. */
    private static final int EXPIRY_BATCH = 1;
    /** A Stripe Checkout Session lives at least 30 minutes; a card order holds its seats a little longer. */
    private static final Duration MIN_CARD_HOLD = Duration.ofMinutes(31);

    private final ContactService contacts;
    private final AccessTokens tokens;
    private final TicketMails mails;
    private final TicketsConfig config;
    private final Idempotency idempotency;
    private final Waitlist waitlist;
    private final PaymentGateway gateway;
    private final FrontdeskConfig frontdesk;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    OrderService(ContactService contacts, AccessTokens tokens, TicketMails mails, TicketsConfig config,
            Idempotency idempotency, Waitlist waitlist, PaymentGateway gateway, FrontdeskConfig frontdesk,
            EntityManager em, Clock clock, MeterRegistry metrics) {
        this.gateway = gateway;
        this.frontdesk = frontdesk;
        this.contacts = contacts;
        this.tokens = tokens;
        this.mails = mails;
        this.config = config;
        this.idempotency = idempotency;
        this.waitlist = waitlist;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What an idempotency key is claimed for: the event and the whole request. */
    record KeyedRequest(String event, PlaceOrder order) {
    }

    /**
     * Places an order. Seats are held in one short transaction; a card order then starts its Stripe Checkout
     * outside any transaction and gets its payment link in a second one. If Stripe fails, the order is undone
     * and its seats are free again.
     */
    public OrderView place(String slug, PlaceOrder request, ClientInfo client, String idempotencyKey) {
        PaymentMethod method = paymentMethod(request.paymentMethod());
        Reservation reservation = QuarkusTransaction.requiringNew()
                .call(() -> reserve(slug, request, client, idempotencyKey, method));
        if (reservation.checkout() == null) {
            return reservation.view();
        }
        Checkout checkout;
        try {
            checkout = gateway.startCheckout(reservation.checkout());
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> undo(reservation.view().id(), idempotencyKey));
            throw e;
        }
        return QuarkusTransaction.requiringNew().call(() -> attach(reservation.view().id(), checkout, idempotencyKey));
    }

    /** A held order, and for card payment what the Stripe Checkout needs. */
    record Reservation(OrderView view, PaymentGateway.CheckoutRequest checkout) {
    }

    private Reservation reserve(String slug, PlaceOrder request, ClientInfo client, String idempotencyKey,
            PaymentMethod method) {
        if (idempotencyKey != null) {
            var earlier = idempotency.claim(IDEMPOTENCY_SCOPE, idempotencyKey, new KeyedRequest(slug, request));
            if (earlier.isPresent()) {
                return new Reservation(idempotency.read(earlier.get(), OrderView.class), null);
            }
        }
        Event event = EventCatalog.find(slug);
        Instant now = clock.instant();
        if (!EventCatalog.salesOpen(event, now)) {
            throw ProblemException.conflict("sales-closed", "Sales closed", "Tickets for this event are not on sale.");
        }

        Map<String, TicketType> typesByCode = EventCatalog.types(event).stream()
                .collect(Collectors.toMap(t -> t.code, Function.identity()));
        Map<TicketType, Integer> counts = new TreeMap<>(Comparator.comparing((TicketType t) -> t.id));
        for (int i = 0; i < request.tickets().size(); i++) {
            TicketType type = typesByCode.get(request.tickets().get(i).type());
            if (type == null) {
                throw ProblemException.invalid("tickets[" + i + "].type", "is not a ticket type of this event");
            }
            counts.merge(type, 1, Integer::sum);
        }
        counts.forEach((type, n) -> {
            if (n > type.maxPerOrder) {
                throw ProblemException.invalid("tickets",
                        "at most " + type.maxPerOrder + " tickets of type " + type.code + " per order");
            }
        });
        Voucher voucher = request.voucher() == null || request.voucher().isBlank() ? null
                : Voucher.<Voucher>find("eventId = ?1 and codeKey = ?2 and active = true", event.id,
                        request.voucher().strip().toUpperCase(Locale.ROOT)).firstResultOptional()
                        .orElseThrow(() -> ProblemException.invalid("voucher", "is not a voucher for this event"));
        Long offerId = request.waitlistOffer() == null ? null
                : tokens.find(TokenPurpose.WAITLIST_OFFER, request.waitlistOffer()).map(t -> t.subjectId)
                        .orElseThrow(() -> ProblemException.invalid("waitlistOffer", "is not a current offer"));

        // People first: their rows are upserted before any seat is locked, to keep those locks short.
        Contact buyer = contacts.findOrCreate(request.buyer().email(), request.buyer().name());
        contacts.recordConsent(buyer, new ConsentWording(CONSENT_PURPOSE, "tickets-" + event.slug,
                "I accept the terms of sale of " + event.name + " and that my data is used to run it."),
                "order:" + event.slug, client);
        List<Contact> attendees = new ArrayList<>();
        for (TicketRequest ticket : request.tickets()) {
            attendees.add(contacts.findOrCreate(ticket.attendee().email(), ticket.attendee().name()));
        }

        // The waiting-list entry is read now and locked only after its own ticket type, as everywhere else.
        WaitlistEntry offer = offerId == null ? null : WaitlistEntry.findById(offerId);
        if (offerId != null && (offer == null || counts.keySet().stream().noneMatch(t -> t.id == offer.ticketTypeId))) {
            throw ProblemException.invalid("waitlistOffer", "is not a current offer for these tickets");
        }
        boolean offerLeftSeats = false;

        // Seats: lock each ticket type in id order, check, take.
        Map<Long, Integer> earlySeats = new HashMap<>();
        for (var entry : counts.entrySet()) {
            TicketType type = entry.getKey();
            em.refresh(type, LockModeType.PESSIMISTIC_WRITE);
            int wanted = entry.getValue();
            if (offer != null && offer.ticketTypeId == type.id) {
                em.refresh(offer, LockModeType.PESSIMISTIC_WRITE);
                if (!WaitlistEntry.OFFERED.equals(offer.status) || !now.isBefore(offer.offerExpiresAt)) {
                    throw ProblemException.invalid("waitlistOffer", "is not a current offer");
                }
                // The offer's held seats become this order's; seats it does not use go to the next in line.
                type.held -= offer.quantity;
                offerLeftSeats = offer.quantity > wanted;
            }
            if (type.available() < wanted) {
                metrics.counter("frontdesk.tickets.sold_out").increment();
                throw new ProblemException(409, "sold-out", "Sold out",
                        "Not enough seats left for " + type.name + ": " + Math.max(0, type.available()) + " available.",
                        null, Map.of("ticketType", type.code, "available", Math.max(0, type.available())), Map.of());
            }
            int early = Math.min(wanted, type.earlySeatsLeft(now));
            type.held += wanted;
            type.earlyTaken += early;
            type.updatedAt = now;
            earlySeats.put(type.id, early);
        }

        // Prices, fixed now.
        TicketOrder order = new TicketOrder();
        order.publicId = UUID.randomUUID();
        order.eventId = event.id;
        order.buyerId = buyer.id;
        order.buyerName = request.buyer().name();
        order.currency = event.currency;
        order.voucherId = voucher == null ? null : voucher.id;
        order.waitlistEntryId = offer == null ? null : offer.id;
        order.paymentReference = Tokens.paymentReference("FD");
        order.createdAt = now;
        order.updatedAt = now;

        List<Ticket> tickets = new ArrayList<>();
        Map<Long, Integer> earlyLeft = new HashMap<>(earlySeats);
        int voucherUses = 0;
        long total = 0;
        for (int i = 0; i < request.tickets().size(); i++) {
            TicketRequest wanted = request.tickets().get(i);
            TicketType type = typesByCode.get(wanted.type());
            Ticket ticket = new Ticket();
            ticket.ticketTypeId = type.id;
            ticket.attendeeId = attendees.get(i).id;
            ticket.attendeeName = wanted.attendee().name();
            ticket.earlyBirdSeat = earlyLeft.merge(type.id, -1, Integer::sum) >= 0;
            ticket.priceLabel = ticket.earlyBirdSeat ? Ticket.EARLY_BIRD : Ticket.REGULAR;
            long price = ticket.earlyBirdSeat ? type.earlyAmount : type.priceAmount;
            if (voucher != null && voucher.appliesTo(type.code)) {
                price = voucher.discounted(price);
                ticket.voucherUsed = true;
                voucherUses++;
            }
            ticket.priceAmount = price;
            ticket.createdAt = now;
            total += price;
            tickets.add(ticket);
        }
        if (voucher != null) {
            if (voucherUses == 0) {
                throw ProblemException.invalid("voucher", "does not apply to these tickets");
            }
            int taken = em.createNativeQuery("update voucher set used = used + ?1 where id = ?2 and used + ?1 <= max_uses")
                    .setParameter(1, voucherUses).setParameter(2, voucher.id).executeUpdate();
            if (taken == 0) {
                throw ProblemException.conflict("voucher-used-up", "Voucher used up",
                        "This voucher has not enough uses left for these tickets.");
            }
        }
        order.totalAmount = total;

        if (total == 0) {
            order.paymentMethod = PaymentMethod.NONE;
            order.status = OrderStatus.PENDING_PAYMENT;
        } else {
            order.paymentMethod = method;
            order.status = OrderStatus.PENDING_PAYMENT;
            order.expiresAt = now.plus(method == PaymentMethod.CARD ? max(config.cardHold(), MIN_CARD_HOLD)
                    : config.invoiceHold());
        }
        order.persist();
        for (Ticket ticket : tickets) {
            ticket.orderId = order.id;
            ticket.persist();
        }
        if (offer != null) {
            offer.status = WaitlistEntry.ACCEPTED;
            offer.updatedAt = now;
            if (offerLeftSeats) {
                waitlist.offerFreedSeats(TicketType.findById(offer.ticketTypeId));
            }
        }
        metrics.counter("frontdesk.tickets.orders.placed").increment();

        if (total == 0) {
            confirm(order, event, tickets);
        } else if (order.paymentMethod == PaymentMethod.INVOICE) {
            mails.orderReceived(order, event, buyer, tickets, accessToken(order), bankDetails());
        }
        OrderView view = view(order, event, tickets, false);
        if (order.paymentMethod == PaymentMethod.CARD) {
            return new Reservation(view, new PaymentGateway.CheckoutRequest("frontdesk-order-" + order.publicId,
                    buyer.id, buyer.email, order.buyerName, event.name + ": " + tickets.size() + " ticket(s)",
                    order.totalAmount, order.currency, null, order.expiresAt,
                    frontdesk.link("/orders/" + order.publicId + "?token=" + accessToken(order)),
                    frontdesk.link("/api/events/" + event.slug), Map.of("order", order.publicId.toString())));
        }
        if (idempotencyKey != null) {
            idempotency.complete(IDEMPOTENCY_SCOPE, idempotencyKey, 201, view);
        }
        return new Reservation(view, null);
    }

    /** Stripe could not start the checkout: the order never happened, its seats and voucher uses are free. */
    private void undo(UUID id, String idempotencyKey) {
        TicketOrder order = lockByPublicId(id);
        List<Ticket> tickets = tickets(order);
        release(order, tickets);
        if (order.waitlistEntryId != null) {
            // The person goes back to their place in line, which the freed seats are offered to again.
            WaitlistEntry offer = WaitlistEntry.findById(order.waitlistEntryId);
            TicketType type = lockType(offer.ticketTypeId);
            em.refresh(offer, LockModeType.PESSIMISTIC_WRITE);
            offer.status = WaitlistEntry.WAITING;
            offer.offerExpiresAt = null;
            offer.updatedAt = clock.instant();
            waitlist.offerFreedSeats(type);
        }
        for (Ticket ticket : tickets) {
            ticket.delete();
        }
        AccessToken.delete("purpose = ?1 and subjectId = ?2", TokenPurpose.ORDER_ACCESS, order.id);
        order.delete();
        if (idempotencyKey != null) {
            idempotency.release(IDEMPOTENCY_SCOPE, idempotencyKey);
        }
    }

    private OrderView attach(UUID id, Checkout checkout, String idempotencyKey) {
        TicketOrder order = lockByPublicId(id);
        order.stripeCheckoutSessionId = checkout.id();
        order.checkoutUrl = checkout.url();
        OrderView view = view(order, Event.findById(order.eventId), tickets(order), false);
        if (idempotencyKey != null) {
            idempotency.complete(IDEMPOTENCY_SCOPE, idempotencyKey, 201, view);
        }
        return view;
    }

    /** Stripe reports a completed card checkout: the order is confirmed, or refunded if it came too late. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cardPaid(UUID id, String paymentIntent) {
        TicketOrder order = TicketOrder.<TicketOrder>find("publicId", id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (order == null || order.status == OrderStatus.CONFIRMED) {
            return;
        }
        order.stripePaymentIntent = paymentIntent;
        if (order.status == OrderStatus.PENDING_PAYMENT) {
            confirm(order, Event.findById(order.eventId), tickets(order));
        } else if (paymentIntent != null) {
            // Paid after the hold ran out: the seats may be gone, so the money goes back.
            gateway.refund(paymentIntent, "frontdesk-refund-late-" + order.publicId);
            order.refundedAt = clock.instant();
        }
    }

    /** Stripe reports the checkout expired unpaid: the order expires now rather than at the next job run. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cardCheckoutExpired(UUID id) {
        TicketOrder order = TicketOrder.<TicketOrder>find("publicId", id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (order != null && order.status == OrderStatus.PENDING_PAYMENT) {
            expire(order);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void refunded(String paymentIntent) {
        TicketOrder.<TicketOrder>find("stripePaymentIntent", paymentIntent).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .ifPresent(order -> {
                    if (order.refundedAt == null) {
                        order.refundedAt = clock.instant();
                    }
                });
    }

    /** The order behind a link from an order email. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderView read(UUID id, String token) {
        TicketOrder order = authorized(id, token, false);
        return view(order, Event.findById(order.eventId), tickets(order), true);
    }

    /** The buyer cancels through the link in an order email, until the cancellation deadline. */
    @Transactional
    public OrderView cancelByBuyer(UUID id, String token) {
        TicketOrder order = authorized(id, token, true);
        Event event = Event.findById(order.eventId);
        if (order.status == OrderStatus.CANCELLED) {
            return view(order, event, tickets(order), true);
        }
        Instant deadline = event.startsAt().minus(config.cancellationDeadline());
        if (!clock.instant().isBefore(deadline)) {
            throw ProblemException.conflict("cancellation-closed", "Cancellation closed",
                    "Orders can be cancelled until " + deadline + ".");
        }
        return cancel(order, event);
    }

    /** The admin confirms an invoice order whose transfer has arrived; the tickets go out. */
    @Transactional
    public OrderView markPaid(UUID id) {
        TicketOrder order = lockByPublicId(id);
        Event event = Event.findById(order.eventId);
        if (order.status == OrderStatus.CONFIRMED) {
            return view(order, event, tickets(order), true);
        }
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            throw ProblemException.conflict("not-payable", "Not payable",
                    "The order is " + order.status.json() + "; its seats were released.");
        }
        List<Ticket> tickets = tickets(order);
        confirm(order, event, tickets);
        return view(order, event, tickets, true);
    }

    /** The admin cancels any order that is not cancelled yet; its seats are released. */
    @Transactional
    public OrderView cancelByAdmin(UUID id) {
        TicketOrder order = lockByPublicId(id);
        Event event = Event.findById(order.eventId);
        if (order.status == OrderStatus.CANCELLED) {
            return view(order, event, tickets(order), true);
        }
        return cancel(order, event);
    }

    /** Expires unpaid orders whose hold is over, frees their seats and tells the buyers. Safe on many instances. */
    public int expireDue() {
        int expired = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::expireBatch);
            expired += batch;
        } while (batch == EXPIRY_BATCH);
        return expired;
    }

    private int expireBatch() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select id from ticket_order where status = 'pending_payment' and expires_at <= ?1
                order by expires_at limit ?2 for update skip locked""")
                .setParameter(1, clock.instant()).setParameter(2, EXPIRY_BATCH).getResultList();
        for (Number id : ids) {
            expire(TicketOrder.findById(id.longValue()));
        }
        return ids.size();
    }

    private void expire(TicketOrder order) {
        Event event = Event.findById(order.eventId);
        List<Ticket> tickets = tickets(order);
        release(order, tickets);
        order.status = OrderStatus.EXPIRED;
        order.checkoutUrl = null;
        order.updatedAt = clock.instant();
        mails.orderExpired(order, event, Contact.findById(order.buyerId), accessToken(order));
        metrics.counter("frontdesk.tickets.orders.expired").increment();
        offerFreedSeats(tickets);
    }

    private OrderView cancel(TicketOrder order, Event event) {
        if (order.status == OrderStatus.EXPIRED) {
            throw ProblemException.conflict("not-cancellable", "Not cancellable", "The order has expired.");
        }
        if (order.status == OrderStatus.CONFIRMED && order.stripePaymentIntent != null && order.refundedAt == null) {
            // Refund first: if Stripe cannot be reached, the transaction rolls back and the order stays as it was.
            gateway.refund(order.stripePaymentIntent, "frontdesk-refund-order-" + order.publicId);
            order.refundedAt = clock.instant();
        }
        List<Ticket> tickets = tickets(order);
        release(order, tickets);
        order.status = OrderStatus.CANCELLED;
        order.cancelledAt = clock.instant();
        order.updatedAt = order.cancelledAt;
        mails.orderCancelled(order, event, Contact.findById(order.buyerId), accessToken(order));
        metrics.counter("frontdesk.tickets.orders.cancelled").increment();
        offerFreedSeats(tickets);
        return view(order, event, tickets, true);
    }

    /** Held seats become sold seats, every ticket gets its code, and the buyer and each attendee get email. */
    private void confirm(TicketOrder order, Event event, List<Ticket> tickets) {
        Instant now = clock.instant();
        for (var entry : countByType(tickets).entrySet()) {
            TicketType type = lockType(entry.getKey());
            type.held -= entry.getValue();
            type.sold += entry.getValue();
            type.updatedAt = now;
        }
        for (Ticket ticket : tickets) {
            ticket.code = Tokens.newToken();
        }
        order.status = OrderStatus.CONFIRMED;
        order.confirmedAt = now;
        order.expiresAt = null;
        order.updatedAt = now;
        Contact buyer = Contact.findById(order.buyerId);
        Map<Long, TicketType> types = typesOf(tickets);
        mails.orderConfirmed(order, event, buyer, tickets, types, accessToken(order));
        mailTickets(event, tickets, types);
        metrics.counter("frontdesk.tickets.orders.confirmed").increment();
    }

    /** Each attendee gets their own ticket: the code as a QR image, and the event as a calendar file. */
    private void mailTickets(Event event, List<Ticket> tickets, Map<Long, TicketType> types) {
        for (Ticket ticket : tickets) {
            mails.ticket(event, Contact.findById(ticket.attendeeId), ticket, types.get(ticket.ticketTypeId));
        }
    }

    /** The admin sends every attendee of a confirmed order their ticket email again, e.g. when one got lost. */
    @Transactional
    public OrderView resendTickets(UUID id) {
        // Locked so that a cancellation running at the same time cannot slip between the check and the mails.
        TicketOrder order = lockByPublicId(id);
        if (order.status != OrderStatus.CONFIRMED) {
            throw ProblemException.conflict("not-confirmed", "Not confirmed",
                    "The order is " + order.status.json() + "; only a confirmed order has tickets to send.");
        }
        Event event = Event.findById(order.eventId);
        List<Ticket> tickets = tickets(order);
        mailTickets(event, tickets, typesOf(tickets));
        return view(order, event, tickets, true);
    }

    /** Gives the order's seats back: held ones if unpaid, sold ones if confirmed; early-bird and voucher too. */
    private void release(TicketOrder order, List<Ticket> tickets) {
        Instant now = clock.instant();
        for (var entry : countByType(tickets).entrySet()) {
            TicketType type = lockType(entry.getKey());
            int n = entry.getValue();
            if (order.status == OrderStatus.CONFIRMED) {
                type.sold -= n;
            } else {
                type.held -= n;
            }
            long early = tickets.stream().filter(t -> t.ticketTypeId == type.id && t.earlyBirdSeat).count();
            type.earlyTaken -= (int) early;
            type.updatedAt = now;
        }
        long voucherUses = tickets.stream().filter(t -> t.voucherUsed).count();
        if (order.voucherId != null && voucherUses > 0) {
            em.createNativeQuery("update voucher set used = used - ?1 where id = ?2")
                    .setParameter(1, voucherUses).setParameter(2, order.voucherId).executeUpdate();
        }
    }

    /** Locks a ticket type and reads its current counters; pending changes are written first, not lost. */
    private TicketType lockType(long id) {
        em.flush();
        TicketType type = em.find(TicketType.class, id);
        em.refresh(type, LockModeType.PESSIMISTIC_WRITE);
        return type;
    }

    private void offerFreedSeats(List<Ticket> tickets) {
        for (Long typeId : countByType(tickets).keySet()) {
            waitlist.offerFreedSeats(TicketType.findById(typeId));
        }
    }

    private TicketOrder authorized(UUID id, String rawToken, boolean lock) {
        TicketOrder order = TicketOrder.<TicketOrder>find("publicId", id)
                .withLock(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no such order."));
        Optional<AccessToken> token = tokens.find(TokenPurpose.ORDER_ACCESS, rawToken);
        if (token.isEmpty() || token.get().subjectId != order.id) {
            // The same answer as for an unknown order: a wrong token reveals nothing.
            throw ProblemException.notFound("There is no such order.");
        }
        return order;
    }

    private static TicketOrder lockByPublicId(UUID id) {
        return TicketOrder.<TicketOrder>find("publicId", id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("There is no order " + id + "."));
    }

    private String accessToken(TicketOrder order) {
        return tokens.issue(TokenPurpose.ORDER_ACCESS, order.id, null);
    }

    private BankDetails bankDetails() {
        return new BankDetails(config.bank().accountHolder(), config.bank().iban(), config.bank().bankName());
    }

    private PaymentMethod paymentMethod(String requested) {
        if (requested == null || requested.equals("invoice")) {
            return PaymentMethod.INVOICE;
        }
        if (!gateway.available()) {
            throw new ProblemException(422, "payment-method-unavailable", "Payment method unavailable",
                    "Card payments are not available; please choose invoice.", null, null, Map.of());
        }
        return PaymentMethod.CARD;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static List<Ticket> tickets(TicketOrder order) {
        return Ticket.list("orderId = ?1 order by id", order.id);
    }

    private static Map<Long, Integer> countByType(List<Ticket> tickets) {
        Map<Long, Integer> counts = new TreeMap<>();
        tickets.forEach(t -> counts.merge(t.ticketTypeId, 1, Integer::sum));
        return counts;
    }

    private static Map<Long, TicketType> typesOf(List<Ticket> tickets) {
        Map<Long, TicketType> types = new HashMap<>();
        for (Long id : countByType(tickets).keySet()) {
            types.put(id, TicketType.findById(id));
        }
        return types;
    }

    private static OrderView view(TicketOrder order, Event event, List<Ticket> tickets, boolean withAttendees) {
        Map<Long, TicketType> types = typesOf(tickets);
        List<TicketView> views = tickets.stream().map(t -> {
            Attendee attendee = null;
            if (withAttendees) {
                Contact person = Contact.findById(t.attendeeId);
                attendee = new Attendee(t.attendeeName, person.email);
            }
            boolean valid = order.status == OrderStatus.CONFIRMED;
            return new TicketView(types.get(t.ticketTypeId).code, Money.of(t.priceAmount, order.currency), t.priceLabel,
                    attendee, withAttendees && valid ? t.code : null, withAttendees && valid ? t.checkedInAt : null);
        }).toList();
        return new OrderView(order.publicId, event.slug, order.status, Money.of(order.totalAmount, order.currency),
                order.paymentMethod,
                order.status == OrderStatus.PENDING_PAYMENT && order.paymentMethod == PaymentMethod.INVOICE ? order.paymentReference : null,
                order.status == OrderStatus.PENDING_PAYMENT ? order.expiresAt : null,
                order.status == OrderStatus.PENDING_PAYMENT ? order.checkoutUrl : null, views);
    }
}
