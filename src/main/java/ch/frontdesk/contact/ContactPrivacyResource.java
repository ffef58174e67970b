package ch.frontdesk.contact;

import ch.frontdesk.admin.AuditTrail;
import ch.frontdesk.common.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GDPR requests about one address: what we hold (the export), and forgetting it (the erasure). */
// The class path is the admin API's root, like every admin resource: a class on /api/admin/contacts/{email}
// would hide ContactListResource's /api/admin/contacts.
@Path("/api/admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: contacts")
public class ContactPrivacyResource {

    private final ContactPrivacy privacy;
    private final AuditTrail auditTrail;

    ContactPrivacyResource(ContactPrivacy privacy, AuditTrail auditTrail) {
        this.privacy = privacy;
        this.auditTrail = auditTrail;
    }

    @GET
    @Path("/contacts/{email}")
    @Operation(summary = "Everything held about the address, as one JSON document; ?download=true to save it.")
    public Response export(@PathParam("email") String email, @QueryParam("download") boolean download) {
        ContactExport export = privacy.export(checked(email))
                .orElseThrow(() -> ProblemException.notFound("No contact has this address."));
        Response.ResponseBuilder response = Response.ok(export);
        if (download) {
            response.header("Content-Disposition",
                    "attachment; filename=\"contact-" + export.contact().id() + ".json\"");
        }
        return response.build();
    }

    @DELETE
    @Path("/contacts/{email}")
    @Operation(summary = "Erase the person: personal data goes, financial records stay anonymised, the address stays suppressed.")
    public Response erase(@PathParam("email") String email) {
        // The audit log is append-only and outlives the erasure: it must never hold the address.
        auditTrail.target(privacy.erase(checked(email)).map(id -> "contact:" + id).orElse("contact:unknown"));
        return Response.noContent().build();
    }

    private static String checked(String email) {
        String address = ContactService.normalize(email);
        if (address == null || address.isEmpty()) {
            throw ProblemException.invalid("email", "must not be blank");
        }
        if (address.length() > 254) {
            throw ProblemException.invalid("email", "must be at most 254 characters");
        }
        return address;
    }
}
