package ch.frontdesk.newsletter;

import ch.frontdesk.admin.AuditTrail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin helps a subscriber whose confirmation email got lost. */
@Path("/api/admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: newsletter")
public class ConfirmationAdminResource {

    private final NewsletterService newsletter;
    private final AuditTrail audit;

    ConfirmationAdminResource(NewsletterService newsletter, AuditTrail audit) {
        this.newsletter = newsletter;
        this.audit = audit;
    }

    @POST
    @Path("/subscribers/{email}/resend-confirmation")
    @Operation(summary = "Send a pending subscriber a fresh confirmation email (the daily cap applies: 429).")
    public Response resendConfirmation(@PathParam("email") String email) {
        long contactId = newsletter.resendConfirmation(email);
        // The audit log names the contact, never the address, so an erasure leaves no email behind in it.
        audit.target("contact:" + contactId);
        return Response.accepted(new SubscriptionAnswer(SubscriptionStatus.PENDING)).build();
    }
}
