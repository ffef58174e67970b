package ch.frontdesk.tickets;

import ch.frontdesk.tickets.TicketBodies.CheckinRequest;
import ch.frontdesk.tickets.TicketBodies.CheckinStats;
import ch.frontdesk.tickets.TicketBodies.CheckinView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The door staff's endpoints: scanning tickets, and how many are in. Roles {@code checkin} and {@code admin}. */
@Path("/api/admin")
@RolesAllowed({"admin", "checkin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: check-in")
public class CheckInResource {

    private final CheckIn checkIn;

    CheckInResource(CheckIn checkIn) {
        this.checkIn = checkIn;
    }

    @POST
    @Path("/checkin")
    @Operation(summary = "Check a ticket in at the door; a second scan is 409 and says when the first was; "
            + "a ticket of another event, voided (refunded or disputed), or of an order not confirmed, is 422.")
    public CheckinView checkIn(@Valid @NotNull CheckinRequest body) {
        return checkIn.checkIn(body.code(), body.event());
    }

    @GET
    @Path("/events/{slug}/checkin-stats")
    @Operation(summary = "Tickets checked in so far, and the tickets of confirmed orders, for the door screen.")
    public CheckinStats stats(@PathParam("slug") String slug) {
        return checkIn.stats(slug);
    }
}
