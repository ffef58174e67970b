package ch.frontdesk.mail;

import ch.frontdesk.common.Page;
import ch.frontdesk.common.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;

/** The admin's view of the email outbox: what failed, and a way to send it again. */
@Path("/api/admin/outbox")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final Outbox outbox;

    OutboxAdminResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    public Page<OutboxMessageView> list(@QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return outbox.list(parseStatus(status), page, size);
    }

    @POST
    @Path("/{id}/retry")
    public OutboxMessageView retry(@PathParam("id") long id) {
        return outbox.retry(id);
    }

    private static Optional<OutboxStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OutboxStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of pending, sending, sent, failed, suppressed");
        }
    }
}
