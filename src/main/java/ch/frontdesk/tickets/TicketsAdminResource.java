package ch.frontdesk.tickets;

import ch.frontdesk.tickets.TicketBodies.EventAdminView;
import ch.frontdesk.tickets.TicketBodies.EventRequest;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import ch.frontdesk.tickets.TicketBodies.TicketTypeAdminView;
import ch.frontdesk.tickets.TicketBodies.TicketTypeRequest;
import ch.frontdesk.tickets.TicketBodies.VoucherChange;
import ch.frontdesk.tickets.TicketBodies.VoucherRequest;
import ch.frontdesk.tickets.TicketBodies.VoucherView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organiser's side of ticket sales: events, ticket types, vouchers and payments. */
@Path("/api/admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: summit tickets")
public class TicketsAdminResource {

    private final EventCatalog catalog;
    private final OrderService orders;
    private final Vouchers vouchers;

    TicketsAdminResource(EventCatalog catalog, OrderService orders, Vouchers vouchers) {
        this.catalog = catalog;
        this.orders = orders;
        this.vouchers = vouchers;
    }

    @GET
    @Path("/events")
    @Operation(summary = "Every event with its ticket types and their seat counters.")
    public List<EventAdminView> events() {
        return catalog.adminEvents();
    }

    @POST
    @Path("/events")
    public Response createEvent(@Valid @NotNull EventRequest body) {
        EventAdminView event = catalog.createEvent(body);
        return Response.created(URI.create("/api/events/" + event.slug())).entity(event).build();
    }

    @GET
    @Path("/events/{slug}")
    @Operation(summary = "An event with its seat counters.")
    public EventAdminView event(@PathParam("slug") String slug) {
        return catalog.adminEvent(slug);
    }

    @PUT
    @Path("/events/{slug}")
    public EventAdminView updateEvent(@PathParam("slug") String slug, @Valid @NotNull EventRequest body) {
        return catalog.updateEvent(slug, body);
    }

    @DELETE
    @Path("/events/{slug}")
    public Response deleteEvent(@PathParam("slug") String slug) {
        catalog.deleteEvent(slug);
        return Response.noContent().build();
    }

    @POST
    @Path("/events/{slug}/ticket-types")
    public Response createType(@PathParam("slug") String slug, @Valid @NotNull TicketTypeRequest body) {
        TicketTypeAdminView type = catalog.createType(slug, body);
        return Response.created(URI.create("/api/admin/events/" + slug + "/ticket-types/" + type.code()))
                .entity(type).build();
    }

    @PUT
    @Path("/events/{slug}/ticket-types/{code}")
    public TicketTypeAdminView updateType(@PathParam("slug") String slug, @PathParam("code") String code,
            @Valid @NotNull TicketTypeRequest body) {
        return catalog.updateType(slug, code, body);
    }

    @DELETE
    @Path("/events/{slug}/ticket-types/{code}")
    public Response deleteType(@PathParam("slug") String slug, @PathParam("code") String code) {
        catalog.deleteType(slug, code);
        return Response.noContent().build();
    }

    @GET
    @Path("/vouchers")
    @Operation(summary = "Vouchers with their uses, of one event or of all.")
    public List<VoucherView> vouchers(@QueryParam("event") String event) {
        return vouchers.list(event);
    }

    @POST
    @Path("/vouchers")
    public Response createVoucher(@Valid @NotNull VoucherRequest body) {
        return Response.status(201).entity(vouchers.create(body)).build();
    }

    @PUT
    @Path("/vouchers/{event}/{code}")
    @Operation(summary = "Change a voucher's uses, or retire it (active: false) so it takes no new order.")
    public VoucherView changeVoucher(@PathParam("event") String event, @PathParam("code") String code,
            @Valid @NotNull VoucherChange body) {
        return vouchers.change(event, code, body);
    }

    @DELETE
    @Path("/vouchers/{event}/{code}")
    @Operation(summary = "Delete a voucher; one that orders used is retired instead.")
    public Response deleteVoucher(@PathParam("event") String event, @PathParam("code") String code) {
        vouchers.delete(event, code);
        return Response.noContent().build();
    }

    @POST
    @Path("/orders/{id}/mark-paid")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm an invoice order whose payment arrived; the tickets are sent.")
    public OrderView markPaid(@PathParam("id") String id) {
        return orders.markPaid(OrderResource.parse(id));
    }

    @POST
    @Path("/orders/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel an order and release its seats.")
    public OrderView cancel(@PathParam("id") String id) {
        return orders.cancelByAdmin(OrderResource.parse(id));
    }
}
