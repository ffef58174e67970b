package ch.frontdesk.tickets;

import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.tickets.OrderPricing.PricedOrder;
import ch.frontdesk.tickets.OrderPricing.PricedTicket;
import ch.frontdesk.tickets.OrderPricing.TypePrice;
import ch.frontdesk.tickets.OrderReservation.Lines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an order would cost if it were placed now, for the shop's summary before the buyer orders: the lines are
 * judged, the early-bird seats counted, the voucher looked up and the prices worked out by the same code as an order
 * ({@link OrderReservation#lines}, {@link Vouchers#redeemable}, {@link OrderPricing}), but nothing is held or taken.
 * A wrong voucher counts against the client's network as it does for an order, so the summary is no way round the
 * limit on guessing. A waiting-list offer's seats are the buyer's, as for an order: the offered type is priced even
 * when the public sees it sold out.
 */
@ApplicationScoped
class OrderQuote {

    /** One ticket as it would be priced: {@code listPrice} before the voucher, {@code price} after it. */
    record Line(String typeCode, String typeName, long listPrice, long price, boolean earlyBird, boolean voucherUsed) {
    }

    /** The priced lines in the order asked for, and the total, in {@code currency}. */
    record Quote(String currency, List<Line> lines, long total, boolean voucherApplied) {
    }

    /** A waiting-list offer that an order placed now could take up: the seats it holds on its type, and until when. */
    record HeldOffer(String token, TicketType type, int quantity, Instant until) {
    }

    private final Vouchers vouchers;
    private final SeatCounts seats;
    private final AccessTokens tokens;
    private final Clock clock;

    OrderQuote(Vouchers vouchers, SeatCounts seats, AccessTokens tokens, Clock clock) {
        this.vouchers = vouchers;
        this.seats = seats;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The offer behind {@code token} if an order placed now for this event could take it up: the rules an order
     * meets ({@code OrderReservation.offer} and {@link Waitlist#takeUpOffer}), read without a lock. Empty for an
     * unknown token, an offer taken up, lapsed or past its time, or one of another event.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<HeldOffer> currentOffer(String slug, String token) {
        Event event = EventCatalog.find(slug);
        Instant now = clock.instant();
        return tokens.find(TokenPurpose.WAITLIST_OFFER, token)
                .map(found -> WaitlistEntry.<WaitlistEntry>findById(found.subjectId))
                .filter(entry -> WaitlistEntry.OFFERED.equals(entry.status) && entry.offerExpiresAt != null
                        && now.isBefore(entry.offerExpiresAt))
                .flatMap(entry -> EventCatalog.types(event).stream().filter(t -> t.id == entry.ticketTypeId)
                        .findFirst().map(type -> new HeldOffer(token, type, entry.quantity, entry.offerExpiresAt)));
    }

    /**
     * The quote of these tickets; {@code offerToken} (or null) names a waiting-list offer, refused as an order
     * refuses it (400, field {@code waitlistOffer}) when it is not current or not for these tickets.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Quote quote(String slug, List<String> typeCodes, String voucherCode, String offerToken, ClientInfo client) {
        Event event = EventCatalog.find(slug);
        Instant now = clock.instant();
        Lines lines = OrderReservation.lines(event, typeCodes, now);
        HeldOffer offer = offer(slug, offerToken, lines);
        Map<Long, SeatCounts.Seats> free = seats.ofEvent(event.id);
        Map<Long, Integer> earlySeats = new HashMap<>();
        lines.counts().forEach((type, wanted) -> {
            int available = free.getOrDefault(type.id, SeatCounts.Seats.NONE).available();
            if (offer != null && offer.type().id.equals(type.id)) {
                // The offer's seats count as free for its holder, as an order takes them (SeatLedger.takeExactly).
                available += offer.quantity();
            }
            if (available < wanted) {
                throw SeatLedger.notEnoughSeats(type, available);
            }
            earlySeats.put(type.id, Math.min(wanted, type.earlySeatsLeft(now)));
        });
        // As for an order: the voucher is judged last, once the rest is known to be valid.
        Voucher voucher = vouchers.redeemable(event, voucherCode, lines.lineTypes(), client);
        PricedOrder priced = OrderPricing.price(lines.lineTypes().stream().map(t -> t.code).toList(),
                OrderReservation.typePrices(lines.counts().keySet(), earlySeats),
                voucher == null ? null : voucher.discount());
        if (voucher != null) {
            vouchers.requireUses(voucher, priced.voucherUses());
        }
        List<Line> quoted = new ArrayList<>();
        for (int i = 0; i < priced.tickets().size(); i++) {
            PricedTicket ticket = priced.tickets().get(i);
            TicketType type = lines.lineTypes().get(i);
            long listPrice = ticket.earlyBirdSeat() && type.earlyAmount != null ? type.earlyAmount : type.priceAmount;
            quoted.add(new Line(type.code, type.name, listPrice, ticket.price(), ticket.earlyBirdSeat(),
                    ticket.voucherUsed()));
        }
        return new Quote(event.currency, List.copyOf(quoted), priced.total(), voucher != null);
    }

    /** The offer the quote counts on, judged in the order an order judges it: after the lines, before the seats. */
    private HeldOffer offer(String slug, String token, Lines lines) {
        if (token == null) {
            return null;
        }
        HeldOffer offer = currentOffer(slug, token)
                .orElseThrow(() -> ProblemException.invalid("waitlistOffer", "is not a current offer"));
        if (lines.counts().keySet().stream().noneMatch(t -> t.id.equals(offer.type().id))) {
            throw ProblemException.invalid("waitlistOffer", "is not a current offer for these tickets");
        }
        return offer;
    }
}
