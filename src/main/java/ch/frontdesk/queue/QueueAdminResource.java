package ch.frontdesk.queue;

import ch.frontdesk.admin.AuditTrail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The background queues for the admin: how much waits, what was given up on, and a way to try it again. */
@Path("/api/admin/queues")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: queues")
public class QueueAdminResource {

    private final QueueAdmin queues;
    private final AuditTrail audit;

    QueueAdminResource(QueueAdmin queues, AuditTrail audit) {
        this.queues = queues;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Per queue: rows waiting, rows dead, and when the oldest waiting row became due.")
    public List<QueueSummary> summaries() {
        return queues.summaries();
    }

    @GET
    @Path("/dead")
    @Operation(summary = "The rows the queues gave up on, with their last error; ?queue= for one queue.")
    public List<DeadItem> dead(@QueryParam("queue") String queue) {
        return queues.dead(queue == null || queue.isBlank() ? null : queue);
    }

    @POST
    @Path("/{queue}/{id}/retry")
    @Operation(summary = "Put a dead row back in its queue with a fresh set of attempts (404 when it is not dead).")
    public DeadItem retry(@PathParam("queue") String queue, @PathParam("id") long id) {
        audit.target("queue:" + queue + ":" + id);
        return queues.retry(queue, id);
    }
}
