package ch.frontdesk.tickets;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.RateLimiter;
import ch.frontdesk.tickets.TicketBodies.Accepted;
import ch.frontdesk.tickets.TicketBodies.EventDetail;
import ch.frontdesk.tickets.TicketBodies.EventSummary;
import ch.frontdesk.tickets.TicketBodies.JoinWaitlist;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import ch.frontdesk.tickets.TicketBodies.PlaceOrder;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public side of the summit: events, their ticket types and prices, orders and the waiting list. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Summit tickets", description = "Events, orders and the waiting list")
public class EventResource {

    private static final String RATE_LIMIT_KIND = "tickets.order";

    private final EventCatalog catalog;
    private final OrderService orders;
    private final Waitlist waitlist;
    private final RateLimiter rateLimiter;
    private final TicketsConfig config;

    EventResource(EventCatalog catalog, OrderService orders, Waitlist waitlist, RateLimiter rateLimiter,
            TicketsConfig config) {
        this.catalog = catalog;
        this.orders = orders;
        this.waitlist = waitlist;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    @GET
    @Operation(summary = "All events.")
    public List<EventSummary> events() {
        return catalog.events();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "An event with its ticket types and the price an order placed now would pay.")
    public EventDetail event(@PathParam("slug") String slug) {
        return catalog.event(slug);
    }

    @POST
    @Path("/{slug}/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Order tickets. Seats are held until the order is paid; 409 when not enough are left.")
    public Response order(@PathParam("slug") String slug, @Valid @NotNull PlaceOrder body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context HttpServerRequest http) {
        Idempotency.validateKey(idempotencyKey);
        ClientInfo client = ClientInfo.of(http);
        rateLimiter.check(RATE_LIMIT_KIND, client.address(), config.ordersPerMinute());
        OrderView order = orders.place(slug, body, client, idempotencyKey);
        return Response.created(URI.create("/api/orders/" + order.id())).entity(order).build();
    }

    @POST
    @Path("/{slug}/waitlist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join the waiting list of a ticket type; an email offer follows when seats free up.")
    public Response joinWaitlist(@PathParam("slug") String slug, @Valid @NotNull JoinWaitlist body,
            @Context HttpServerRequest http) {
        rateLimiter.check(RATE_LIMIT_KIND, ClientInfo.of(http).address(), config.ordersPerMinute());
        waitlist.join(slug, body);
        return Response.accepted(new Accepted("waiting")).build();
    }
}
