package ch.frontdesk.tickets;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.RateLimiter;
import ch.frontdesk.tickets.OrderService.Placed;
import ch.frontdesk.tickets.TicketBodies.JoinWaitlist;
import ch.frontdesk.tickets.TicketBodies.PlaceOrder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the public buys tickets and joins waiting lists: the API ({@link EventResource}) and the shop's pages
 * ({@link ShopPages}) both come here, so a form and a script meet the same rate limit and the same rules.
 */
@ApplicationScoped
class BoxOffice {

    static final String RATE_LIMIT_KIND = "tickets.order";

    private final OrderService orders;
    private final Waitlist waitlist;
    private final RateLimiter rateLimiter;
    private final TicketsConfig config;

    BoxOffice(OrderService orders, Waitlist waitlist, RateLimiter rateLimiter, TicketsConfig config) {
        this.orders = orders;
        this.waitlist = waitlist;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    Placed order(String slug, PlaceOrder request, ClientInfo client, String idempotencyKey, Language stated) {
        admit(client);
        return orders.placeOrder(slug, request, client, idempotencyKey, stated);
    }

    void joinWaitlist(String slug, JoinWaitlist request, ClientInfo client, Language stated) {
        admit(client);
        waitlist.join(slug, request, stated);
    }

    /**
     * Counts a request against the client's limit on order requests: every order, waiting-list entry and summary
     * before ordering (which looks vouchers up as an order does).
     */
    void admit(ClientInfo client) {
        rateLimiter.check(RATE_LIMIT_KIND, client.address(), config.ordersPerMinute());
    }
}
