package ch.frontdesk.tickets;

import ch.frontdesk.admin.AuditTrail;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.TicketBodies.AdminOrderView;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One order on the admin's desk: everything about it, its tickets sent again, its hold released. */
@Path("/api/admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: summit tickets")
public class AdminOrderResource {

    private final OrderDetails details;
    private final OrderService orders;
    private final OrderExpiry expiry;
    private final AuditTrail audit;

    AdminOrderResource(OrderDetails details, OrderService orders, OrderExpiry expiry, AuditTrail audit) {
        this.details = details;
        this.orders = orders;
        this.expiry = expiry;
        this.audit = audit;
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "An order with its buyer, payment, dates and every ticket with its code and check-in.")
    public AdminOrderView order(@PathParam("id") String id) {
        return details.find(OrderResource.parse(id))
                .orElseThrow(() -> ProblemException.notFound("There is no such order."));
    }

    @POST
    @Path("/orders/{id}/resend-tickets")
    @Operation(summary = "Send each attendee of a confirmed order their ticket email again; 409 when not confirmed.")
    public OrderView resendTickets(@PathParam("id") String id) {
        UUID order = OrderResource.parse(id);
        OrderView view = orders.resendTickets(order);
        audit.target("order:" + order);
        return view;
    }

    @POST
    @Path("/orders/{id}/release")
    @Operation(summary = "End an unpaid order's hold now: it expires, its seats (early-bird ones too) and voucher uses "
            + "go back, the waiting list is served and the buyer told; 409 when it is paid or already ended.")
    public OrderView releaseHold(@PathParam("id") String id) {
        UUID order = OrderResource.parse(id);
        OrderView view = expiry.releaseByAdmin(order);
        audit.target("order:" + order);
        return view;
    }
}
