package ch.frontdesk.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's counts and sums. */
@Path("/api/admin/stats")
@RolesAllowed("admin")
@Tag(name = "Admin: statistics")
public class StatsResource {

    private final StatsService stats;

    StatsResource(StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribers, pledges, recurring revenue, tickets, early-bird seats left, revenue, "
            + "and the last 60 days (UTC)")
    public Stats stats() {
        return stats.stats();
    }
}
