package ch.frontdesk.support;

import ch.frontdesk.admin.AdminLists;
import ch.frontdesk.admin.ListRequest;
import ch.frontdesk.common.Page;
import ch.frontdesk.support.PledgeList.PledgeRow;
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

/** Pledges for the admin, paged or as CSV. */
@Path("/api/admin")
@RolesAllowed("admin")
@Tag(name = "Admin: paid support")
public class PledgeListResource {

    private final AdminLists lists;

    PledgeListResource(AdminLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/pledges")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pledges, paged: status, tier (code), q (email or name), from, to (created, YYYY-MM-DD), sort "
            + "(createdAt, currentPeriodEnd, amount, status, tier, email; - for descending), page, size")
    public Page<PledgeRow> list(@Context UriInfo uri) {
        return lists.page(PledgeList.LIST, ListRequest.of(uri));
    }

    @GET
    @Path("/pledges.csv")
    @Produces(AdminLists.CSV)
    @Operation(summary = "The same list as CSV, every page, streamed")
    public Response csv(@Context UriInfo uri) {
        return lists.csv(PledgeList.LIST, ListRequest.of(uri));
    }
}
