package ch.frontdesk.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prices of an order, fixed when it is placed: which seats get the early-bird price, what a voucher takes
 * off, and the total. Pure integer arithmetic in minor units; no database, no clock, no framework.
 */
final class OrderPricing {

    private OrderPricing() {
    }

    /**
     * What one ticket type costs for this order.
     *
     * @param earlySeats early-bird seats this order may take on the type (0 outside the window, or quota used)
     */
    record TypePrice(String code, long regular, long earlyBird, int earlySeats) {
    }

    /** A voucher's discount: a percentage or an amount off each ticket it applies to; no types means all. */
    record Discount(Integer percentOff, Long amountOff, List<String> typeCodes) {

        boolean appliesTo(String typeCode) {
            return typeCodes == null || typeCodes.isEmpty() || typeCodes.contains(typeCode);
        }

        long apply(long price) {
            if (percentOff != null) {
                return price - percentOf(price, percentOff);
            }
            return Math.max(0, price - amountOff);
        }
    }

    record PricedTicket(String typeCode, long price, boolean earlyBirdSeat, boolean voucherUsed) {
        String label() {
            return earlyBirdSeat ? Ticket.EARLY_BIRD : Ticket.REGULAR;
        }
    }

    record PricedOrder(List<PricedTicket> tickets, long total, int voucherUses) {
    }

    /**
     * Prices the tickets in the order they were asked for. The first {@code earlySeats} tickets of a type get the
     * early-bird price, so an order that straddles the quota pays early-bird for what is left and regular for
     * the rest.
     */
    static PricedOrder price(List<String> typeCodes, Map<String, TypePrice> types, Discount discount) {
        Map<String, Integer> earlyLeft = new HashMap<>();
        types.forEach((code, type) -> earlyLeft.put(code, type.earlySeats()));
        List<PricedTicket> priced = new ArrayList<>();
        long total = 0;
        int voucherUses = 0;
        for (String code : typeCodes) {
            TypePrice type = types.get(code);
            boolean early = earlyLeft.merge(code, -1, Integer::sum) >= 0;
            long price = early ? type.earlyBird() : type.regular();
            boolean discounted = discount != null && discount.appliesTo(code);
            if (discounted) {
                price = discount.apply(price);
                voucherUses++;
            }
            priced.add(new PricedTicket(code, price, early, discounted));
            total = Math.addExact(total, price);
        }
        return new PricedOrder(List.copyOf(priced), total, voucherUses);
    }

    /** {@code percent}% of {@code amount}, rounded half-up to a whole minor unit, on integers only. */
    static long percentOf(long amount, int percent) {
        if (amount < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("amount and percent must be non-negative, percent at most 100");
        }
        return Math.addExact(Math.multiplyExact(amount, percent), 50) / 100;
    }
}
