package ch.frontdesk.newsletter;

import ch.frontdesk.admin.AdminLists;
import ch.frontdesk.admin.ListRequest;
import ch.frontdesk.common.Page;
import ch.frontdesk.newsletter.SubscriberList.Subscriber;
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

/** Newsletter subscribers for the admin, paged or as CSV. */
@Path("/api/admin")
@RolesAllowed("admin")
@Tag(name = "Admin: newsletter")
public class SubscriberListResource {

    private final AdminLists lists;

    SubscriberListResource(AdminLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/subscribers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribers, paged: status (pending, active, unsubscribed), plan (free, paid), q (email or "
            + "name), from, to (subscribed, YYYY-MM-DD), sort (createdAt, confirmedAt, unsubscribedAt, email, name, "
            + "status; - for descending), page, size")
    public Page<Subscriber> list(@Context UriInfo uri) {
        return lists.page(SubscriberList.LIST, ListRequest.of(uri));
    }

    @GET
    @Path("/subscribers.csv")
    @Produces(AdminLists.CSV)
    @Operation(summary = "The same list as CSV, every page, streamed")
    public Response csv(@Context UriInfo uri) {
        return lists.csv(SubscriberList.LIST, ListRequest.of(uri));
    }
}
