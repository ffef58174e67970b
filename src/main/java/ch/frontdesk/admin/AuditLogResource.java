package ch.frontdesk.admin;

import ch.frontdesk.admin.AuditList.AuditRow;
import ch.frontdesk.common.Page;
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

/** Who changed what: the audit log, paged or as CSV. */
@Path("/api/admin")
@RolesAllowed("admin")
@Tag(name = "Admin: audit log")
public class AuditLogResource {

    private final AdminLists lists;

    AuditLogResource(AdminLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/audit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The audit log, newest first: q (actor, action or target), from, to (YYYY-MM-DD), page, size")
    public Page<AuditRow> list(@Context UriInfo uri) {
        return lists.page(AuditList.LIST, ListRequest.of(uri));
    }

    @GET
    @Path("/audit.csv")
    @Produces(AdminLists.CSV)
    @Operation(summary = "The audit log as CSV, streamed")
    public Response csv(@Context UriInfo uri) {
        return lists.csv(AuditList.LIST, ListRequest.of(uri));
    }
}
