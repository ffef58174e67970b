package ch.frontdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.tickets.OrderPricing.Discount;
import ch.frontdesk.tickets.OrderPricing.PricedOrder;
import ch.frontdesk.tickets.OrderPricing.PricedTicket;
import ch.frontdesk.tickets.OrderPricing.TypePrice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices without Quarkus: early-bird split, vouchers and their rounding, totals. */
class OrderPricingTest {

    private static final TypePrice CONFERENCE = new TypePrice("conference", 50000, 30000, 0);

    private static PricedOrder price(List<String> codes, Map<String, TypePrice> types, Discount discount) {
        return OrderPricing.price(codes, types, discount);
    }

    @Test
    void aPercentageRoundsHalfUpOnWholeCentimes() {
        assertThat(OrderPricing.percentOf(999, 33)).isEqualTo(330); // 329.67
        assertThat(OrderPricing.percentOf(1, 50)).isEqualTo(1);     // 0.5 rounds up
        assertThat(OrderPricing.percentOf(1, 49)).isEqualTo(0);     // 0.49 rounds down
        assertThat(OrderPricing.percentOf(150, 1)).isEqualTo(2);    // 1.5 rounds up
        assertThat(OrderPricing.percentOf(149, 1)).isEqualTo(1);
        assertThat(OrderPricing.percentOf(59000, 100)).isEqualTo(59000);
        assertThat(OrderPricing.percentOf(0, 33)).isZero();
    }

    @Test
    void aPercentageOfAHugeAmountIsExactOrRefused() {
        long big = (Long.MAX_VALUE - 50) / 100;
        assertThat(OrderPricing.percentOf(big, 100)).isEqualTo(big);
        assertThatThrownBy(() -> OrderPricing.percentOf(Long.MAX_VALUE, 50)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> OrderPricing.percentOf(100, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPercentVoucherTakesTheRoundedShareOffEachTicket() {
        Discount third = new Discount(33, null, null);
        PricedOrder order = price(List.of("cheap"), Map.of("cheap", new TypePrice("cheap", 999, 999, 0)), third);
        assertThat(order.tickets()).extracting(PricedTicket::price).containsExactly(669L);
        assertThat(order.total()).isEqualTo(669);

        Discount half = new Discount(50, null, null);
        PricedOrder oneCentime = price(List.of("tiny"), Map.of("tiny", new TypePrice("tiny", 1, 1, 0)), half);
        assertThat(oneCentime.total()).isZero();
    }

    @Test
    void anAmountVoucherNeverMakesAPriceNegative() {
        Discount big = new Discount(null, 80000L, null);
        PricedOrder order = price(List.of("conference", "conference"), Map.of("conference", CONFERENCE), big);
        assertThat(order.total()).isZero();
        assertThat(order.voucherUses()).isEqualTo(2);
    }

    @Test
    void aVoucherForSomeTypesDiscountsOnlyThoseAndCountsOneUsePerTicket() {
        TypePrice workshop = new TypePrice("workshop", 20000, 20000, 0);
        Discount speakers = new Discount(100, null, List.of("conference"));
        PricedOrder order = price(List.of("workshop", "conference", "workshop"),
                Map.of("conference", CONFERENCE, "workshop", workshop), speakers);
        assertThat(order.tickets()).extracting(PricedTicket::price).containsExactly(20000L, 0L, 20000L);
        assertThat(order.tickets()).extracting(PricedTicket::voucherUsed).containsExactly(false, true, false);
        assertThat(order.voucherUses()).isEqualTo(1);
        assertThat(order.total()).isEqualTo(40000);
    }

    @Test
    void anOrderStraddlingTheEarlyBirdQuotaPaysEarlyBirdForTheSeatsLeftAndRegularForTheRest() {
        TypePrice twoEarlyLeft = new TypePrice("conference", 50000, 30000, 2);
        PricedOrder order = price(List.of("conference", "conference", "conference"),
                Map.of("conference", twoEarlyLeft), null);
        assertThat(order.tickets()).extracting(PricedTicket::label)
                .containsExactly("early-bird", "early-bird", "regular");
        assertThat(order.tickets()).extracting(PricedTicket::price).containsExactly(30000L, 30000L, 50000L);
        assertThat(order.total()).isEqualTo(110000);
    }

    @Test
    void theEarlyBirdSplitIsCountedPerTicketType() {
        TypePrice conference = new TypePrice("conference", 50000, 30000, 1);
        TypePrice workshop = new TypePrice("workshop", 20000, 15000, 0);
        PricedOrder order = price(List.of("workshop", "conference", "conference"),
                Map.of("conference", conference, "workshop", workshop), null);
        assertThat(order.tickets()).extracting(PricedTicket::price).containsExactly(20000L, 30000L, 50000L);
    }

    @Test
    void aVoucherAppliesToTheEarlyBirdPrice() {
        TypePrice early = new TypePrice("conference", 50000, 30000, 5);
        PricedOrder order = price(List.of("conference"), Map.of("conference", early), new Discount(10, null, null));
        assertThat(order.total()).isEqualTo(27000);
        assertThat(order.tickets().get(0).earlyBirdSeat()).isTrue();
    }
}
