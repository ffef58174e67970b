package ch.frontdesk.tickets;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.tickets.OrderReservation.Reservation;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import ch.frontdesk.tickets.TicketBodies.PlaceOrder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ch.frontdesk.common.Language;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.tickets.OrderQuote.Quote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of a ticket order, as the resources and Stripe's reports drive it. Each step is a class of its own:
 * {@link OrderReservation} places it (seats from the {@link SeatLedger}, prices from {@link OrderPricing}),
 * {@link OrderCheckout} takes card payments, {@link OrderFulfilment} confirms it and sends the tickets,
 * {@link OrderCancellation} and {@link OrderExpiry} end it, {@link OrderAccess} guards the buyer's link.
 */
@ApplicationScoped
public class OrderService {

    private final OrderReservation reservation;
    private final OrderCheckout checkout;
    private final OrderFulfilment fulfilment;
    private final OrderCancellation cancellation;
    private final OrderAccess access;
    private final PaymentGateway gateway;
    private final Vouchers vouchers;
    private final OrderQuote quotes;

    OrderService(OrderReservation reservation, OrderCheckout checkout, OrderFulfilment fulfilment,
            OrderCancellation cancellation, OrderAccess access, PaymentGateway gateway, Vouchers vouchers,
            OrderQuote quotes) {
        this.vouchers = vouchers;
        this.quotes = quotes;
        this.reservation = reservation;
        this.checkout = checkout;
        this.fulfilment = fulfilment;
        this.cancellation = cancellation;
        this.access = access;
        this.gateway = gateway;
    }

    /**
     * Places an order. Seats are held in one short transaction; a card order then starts its Stripe Checkout
     * outside any transaction and gets its payment link in a second one. If Stripe fails, the order is undone
     * and its seats are free again.
     */
    public OrderView place(String slug, PlaceOrder request, ClientInfo client, String idempotencyKey,
            Language stated) {
        return placeOrder(slug, request, client, idempotencyKey, stated).view();
    }

    /**
     * A placed order and its access token, which only the shop page is given, to send the buyer on to the order
     * page; API clients find the link in the order email. The token is null when the answer is one repeated for an
     * idempotency key.
     */
    record Placed(OrderView view, String accessToken) {
    }

    /**
     * As {@link #place}, with the order's access token. {@code stated} is the language the request stated (its
     * {@code lang}, else {@code Accept-Language}), which becomes the buyer's; null keeps a known buyer's language.
     */
    Placed placeOrder(String slug, PlaceOrder request, ClientInfo client, String idempotencyKey, Language stated) {
        PaymentMethod method = PaymentMethod.choose(request.paymentMethod(), gateway);
        Reservation held;
        try {
            held = reserveRetryingDeadlocks(() -> QuarkusTransaction.requiringNew()
                    .call(() -> reservation.reserve(slug, request, client, idempotencyKey, method, stated)));
        } catch (Vouchers.Refused refused) {
            // Counted once the order is undone, in a transaction of its own: the refusal is all that is kept.
            vouchers.countFailure(client);
            throw refused;
        }
        if (held.checkout() == null) {
            return new Placed(held.view(), held.accessToken());
        }
        return new Placed(checkout.start(held.view(), held.checkout(), OrderReservation.IDEMPOTENCY_SCOPE,
                idempotencyKey), held.accessToken());
    }

    /**
     * What these tickets (type codes, one per ticket) would cost if ordered now, with the voucher and the waiting-list
     * offer if any; holds and takes nothing. A wrong voucher is counted against the client as for an order.
     */
    Quote quote(String slug, List<String> typeCodes, String voucher, String waitlistOffer, ClientInfo client) {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> quotes.quote(slug, typeCodes, voucher, waitlistOffer, client));
        } catch (Vouchers.Refused refused) {
            vouchers.countFailure(client);
            throw refused;
        }
    }

    /** The access token of an order, for the shop page that placed it (and repeats it for an idempotency key). */
    @Transactional(Transactional.TxType.SUPPORTS)
    String accessToken(UUID id) {
        return TicketOrder.<TicketOrder>find("publicId", id).firstResultOptional().map(o -> o.accessToken)
                .orElseThrow(() -> ch.frontdesk.common.ProblemException.notFound("There is no such order."));
    }

    /** The order behind the link of an order email, with what its page shows besides. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    OrderPage page(UUID id, String token) {
        TicketOrder order = access.authorize(id, token, false);
        Event event = Event.findById(order.eventId);
        Map<String, String> typeNames = new HashMap<>();
        EventCatalog.types(event).forEach(type -> typeNames.put(type.code, type.name));
        Contact buyer = Contact.findById(order.buyerId);
        return new OrderPage(OrderViews.view(order), event.name, event.startsOn, event.endsOn, event.startsAt(),
                event.venue, ZoneId.of(event.timezone), Map.copyOf(typeNames), buyer == null ? null : buyer.language,
                buyer == null ? null : buyer.email, order.buyerName);
    }

    /** An order as its page shows it: the buyer's view, the event, the names of its ticket types, the buyer. */
    record OrderPage(OrderView order, String eventName, LocalDate startsOn, LocalDate endsOn, Instant startsAt,
            String venue,
            ZoneId zone, Map<String, String> typeNames, Language buyerLanguage, String buyerEmail,
            String buyerName) {
    }

    /**
     * Runs a reservation again when PostgreSQL chose it as a deadlock victim (or refused it for serialization): the
     * transaction was rolled back whole, idempotency claim included, so a second try is the same request again.
     * Orders take their locks in one order, so this only happens when something else (an erasure, an admin's bulk
     * change) locks the same rows the other way round.
     */
    static Reservation reserveRetryingDeadlocks(java.util.function.Supplier<Reservation> attempt) {
        for (int tries = 1;; tries++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (tries >= DEADLOCK_TRIES || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private static final int DEADLOCK_TRIES = 3;

    static boolean isDeadlock(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The order behind a link from an order email. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderView read(UUID id, String token) {
        return OrderViews.view(access.authorize(id, token, false));
    }

    /** The buyer cancels through the link in an order email, until the cancellation deadline. */
    public OrderView cancelByBuyer(UUID id, String token) {
        return cancellation.byBuyer(id, token);
    }

    /** The admin cancels any order that is not cancelled yet; its seats are released, a card payment refunded. */
    public OrderView cancelByAdmin(UUID id) {
        return cancellation.byAdmin(id);
    }

    /** The admin confirms an invoice order whose transfer has arrived; the tickets go out. */
    public OrderView markPaid(UUID id) {
        return fulfilment.markPaid(id);
    }

    /** The admin sends every attendee of a confirmed order their ticket email again. */
    public OrderView resendTickets(UUID id) {
        return fulfilment.resendTickets(id);
    }

    /** Stripe reports a completed card checkout, in the webhook's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cardPaid(UUID id, String paymentIntent) {
        checkout.paid(id, paymentIntent);
    }

    /** Stripe reports the checkout expired unpaid, in the webhook's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cardCheckoutExpired(UUID id) {
        checkout.expired(id);
    }

    /** Stripe reports a refund, in the webhook's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void refunded(String paymentIntent, Optional<UUID> order) {
        cancellation.refundReported(paymentIntent, order);
    }

    /** Stripe reports a dispute of a card payment, in the webhook's transaction: the tickets are voided. */
    @Transactional(Transactional.TxType.MANDATORY)
    void disputed(String paymentIntent) {
        cancellation.disputeReported(paymentIntent);
    }
}
