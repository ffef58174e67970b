package ch.frontdesk.tickets;

import ch.frontdesk.common.ClientInfo;
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

/**
 * What an order would cost if it were placed now, for the shop's summary before the buyer orders: the lines are
 * judged, the early-bird seats counted, the voucher looked up and the prices worked out by the same code as an order
 * ({@link OrderReservation#lines}, {@link Vouchers#redeemable}, {@link OrderPricing}), but nothing is held or taken.
 * A wrong voucher counts against the client's network as it does for an order, so the summary is no way round the
 * limit on guessing.
 */
@ApplicationScoped
class OrderQuote {

    /** One ticket as it would be priced: {@code listPrice} before the voucher, {@code price} after it. */
    record Line(String typeCode, String typeName, long listPrice, long price, boolean earlyBird, boolean voucherUsed) {
    }

    /** The priced lines in the order asked for, and the total, in {@code currency}. */
    record Quote(String currency, List<Line> lines, long total, boolean voucherApplied) {
    }

    private final Vouchers vouchers;
    private final SeatCounts seats;
    private final Clock clock;

    OrderQuote(Vouchers vouchers, SeatCounts seats, Clock clock) {
        this.vouchers = vouchers;
        this.seats = seats;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Quote quote(String slug, List<String> typeCodes, String voucherCode, ClientInfo client) {
        Event event = EventCatalog.find(slug);
        Instant now = clock.instant();
        Lines lines = OrderReservation.lines(event, typeCodes, now);
        Map<Long, SeatCounts.Seats> free = seats.ofEvent(event.id);
        Map<Long, Integer> earlySeats = new HashMap<>();
        lines.counts().forEach((type, wanted) -> {
            int available = free.getOrDefault(type.id, SeatCounts.Seats.NONE).available();
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
}
