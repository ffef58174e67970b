package ch.frontdesk.tickets;

import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.TicketBodies.CancelAnswer;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The buyer's view of an order, reached with the token from any order email. */
@Path("/")
@Tag(name = "Summit tickets")
public class OrderResource {

    @CheckedTemplate(basePath = "tickets/page")
    static class Templates {
        static native TemplateInstance order(String event, OrderView order, String token, boolean cancellable);
    }

    private final OrderService orders;

    OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @GET
    @Path("/api/orders/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The order, with its tickets' codes once confirmed.")
    public OrderView order(@PathParam("id") String id, @QueryParam("token") String token) {
        return orders.read(parse(id), token);
    }

    @POST
    @Path("/api/orders/{id}/cancel")
    @Operation(summary = "Cancel the order and free its seats, until the cancellation deadline.")
    public Response cancel(@PathParam("id") String id, @QueryParam("token") String token, HttpHeaders headers) {
        UUID orderId = parse(id);
        OrderView order = orders.cancelByBuyer(orderId, token);
        if (Negotiation.prefersHtml(headers)) {
            return Response.seeOther(URI.create("/orders/" + orderId + "?token=" + token)).build();
        }
        return Response.ok(new CancelAnswer(order.status()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/orders/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page order emails link to: the order, and a button to cancel it.")
    public String page(@PathParam("id") String id, @QueryParam("token") String token) {
        OrderView order = orders.read(parse(id), token);
        boolean cancellable = order.status() == OrderStatus.PENDING_PAYMENT || order.status() == OrderStatus.CONFIRMED;
        return Templates.order(order.event(), order, token, cancellable).render();
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such order.");
        }
    }
}
