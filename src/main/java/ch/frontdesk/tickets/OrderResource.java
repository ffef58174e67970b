package ch.frontdesk.tickets;

import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.TicketBodies.CancelAnswer;
import ch.frontdesk.tickets.TicketBodies.OrderView;
import ch.frontdesk.web.Pages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The buyer's view of an order, reached with the token from any order email. */
@Path("/")
@Tag(name = "Summit tickets")
public class OrderResource {

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
    public Response cancel(@PathParam("id") String id, @QueryParam("token") String token,
            @QueryParam("lang") String lang, HttpHeaders headers) {
        UUID orderId = parse(id);
        OrderView order = orders.cancelByBuyer(orderId, token);
        if (Negotiation.prefersHtml(headers)) {
            // Back to the order page (ShopPages), in the language it was shown in.
            return Pages.seeOther("/orders/" + orderId + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                    Pages.language(lang, headers));
        }
        return Response.ok(new CancelAnswer(order.status()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such order.");
        }
    }
}
