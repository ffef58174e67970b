package ch.frontdesk.tickets;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.tickets.TicketBodies.Accepted;
import ch.frontdesk.tickets.TicketBodies.EventDetail;
import ch.frontdesk.tickets.TicketBodies.EventSummary;
import ch.frontdesk.tickets.TicketBodies.JoinWaitlist;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import ch.frontdesk.tickets.TicketBodies.PlaceOrder;
import ch.frontdesk.web.Pages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

    private final EventCatalog catalog;
    private final BoxOffice boxOffice;
    private final Pages pages;

    EventResource(EventCatalog catalog, BoxOffice boxOffice, Pages pages) {
        this.catalog = catalog;
        this.boxOffice = boxOffice;
        this.pages = pages;
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
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        Idempotency.validateKey(idempotencyKey);
        OrderView order = boxOffice.order(slug, body, ClientInfo.of(http), idempotencyKey,
                Pages.stated(body.lang(), headers)).view();
        return Response.created(URI.create("/api/orders/" + order.id())).entity(order).build();
    }

    @POST
    @Path("/{slug}/waitlist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join the waiting list of a ticket type; an email offer follows when seats free up.")
    public Response joinWaitlist(@PathParam("slug") String slug, @Valid @NotNull JoinWaitlist body,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        boxOffice.joinWaitlist(slug, body, ClientInfo.of(http), Pages.stated(body.lang(), headers));
        return Response.accepted(new Accepted("waiting")).build();
    }

    @POST
    @Path("/{slug}/waitlist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Join a waiting list from a plain HTML form (an embedded one, say); answers 303 to a "
            + "thank-you page.")
    public Response joinWaitlistFromForm(@PathParam("slug") String slug, @BeanParam WaitlistForm form,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        JoinWaitlist request = pages.check(form.request());
        boxOffice.joinWaitlist(slug, request, ClientInfo.of(http), Pages.stated(request.lang(), headers));
        return Pages.seeOther(ShopPages.waitlistThanks(slug), Pages.language(request.lang(), headers));
    }
}
