package ch.frontdesk.tickets;

import ch.frontdesk.common.Language;
import ch.frontdesk.common.LocalFormat;
import ch.frontdesk.payment.BankAccount;
import ch.frontdesk.payment.PaymentMethod;
import ch.frontdesk.tickets.OrderService.OrderPage;
import ch.frontdesk.tickets.ShopViews.OrderPageView;
import ch.frontdesk.tickets.ShopViews.OrderTicket;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The order page's view: the buyer's order worded for the page, dates and money in the page's language. */
final class OrderPageViews {

    private OrderPageViews() {
    }

    /**
     * {@code cancelUntil}: buyers may cancel until then (the event's start less the configured deadline); {@code now}
     * decides whether the button is still shown.
     */
    static OrderPageView view(OrderPage page, String token, Language language, BankAccount bank, Instant cancelUntil,
            Instant now) {
        OrderView order = page.order();
        List<OrderTicket> tickets = order.tickets().stream().map(t -> new OrderTicket(
                t.attendee() == null ? "" : t.attendee().name(), page.typeNames().getOrDefault(t.type(), t.type()),
                LocalFormat.money(t.price(), language), Ticket.EARLY_BIRD.equals(t.priceLabel()), t.code(),
                t.checkedInAt() == null ? null : LocalFormat.dateTime(t.checkedInAt(), page.zone(), language)))
                .toList();
        boolean pending = order.status() == OrderStatus.PENDING_PAYMENT;
        boolean cancellable = (pending || order.status() == OrderStatus.CONFIRMED) && now.isBefore(cancelUntil);
        String cancel = "/api/orders/" + order.id() + "/cancel?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&lang=" + language.code();
        return new OrderPageView(page.eventName(), LocalFormat.dateRange(page.startsOn(), page.endsOn(), language),
                page.venue(), "/events/" + order.event(), page.buyerName(), order.status().json(),
                LocalFormat.money(order.total(), language),
                pending && order.paymentMethod() == PaymentMethod.INVOICE, order.paymentReference(),
                order.expiresAt() == null ? null : LocalFormat.dateTime(order.expiresAt(), page.zone(), language),
                order.checkoutUrl(), bank.accountHolder(), bank.iban(), bank.bankName(), tickets, cancellable,
                cancel, LocalFormat.dateTime(cancelUntil, page.zone(), language));
    }
}
