package ch.frontdesk.tickets;

import ch.frontdesk.admin.AdminLists;
import ch.frontdesk.admin.ListRequest;
import ch.frontdesk.common.Page;
import ch.frontdesk.tickets.OrderList.OrderRow;
import ch.frontdesk.tickets.OrderList.TicketRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ticket orders and tickets for the admin, paged or as CSV. */
@Path("/api/admin")
@RolesAllowed("admin")
@Tag(name = "Admin: summit tickets")
public class OrderListResource {

    private final AdminLists lists;

    OrderListResource(AdminLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/orders")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Orders, paged: status, event (slug), q (buyer email or name), from, to (placed, YYYY-MM-DD), "
            + "sort (createdAt, confirmedAt, total, status, buyerName, buyerEmail; - for descending), page, size")
    public Page<OrderRow> orders(@Context UriInfo uri) {
        return lists.page(OrderList.ORDERS, ListRequest.of(uri));
    }

    @GET
    @Path("/orders.csv")
    @Produces(AdminLists.CSV)
    @Operation(summary = "The orders as CSV, every page, streamed")
    public Response ordersCsv(@Context UriInfo uri) {
        return lists.csv(OrderList.ORDERS, ListRequest.of(uri));
    }

    @GET
    @Path("/tickets")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tickets, paged: event (slug), type (code), status (of the order), q (attendee email or name), "
            + "from, to (YYYY-MM-DD), sort (createdAt, attendeeName, attendeeEmail, type, status, checkedInAt), page, size")
    public Page<TicketRow> tickets(@Context UriInfo uri) {
        return lists.page(OrderList.TICKETS, ListRequest.of(uri));
    }

    @GET
    @Path("/tickets.csv")
    @Produces(AdminLists.CSV)
    @Operation(summary = "The tickets as CSV, every page, streamed")
    public Response ticketsCsv(@Context UriInfo uri) {
        return lists.csv(OrderList.TICKETS, ListRequest.of(uri));
    }
}
