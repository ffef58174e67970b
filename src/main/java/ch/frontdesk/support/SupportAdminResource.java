package ch.frontdesk.support;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.support.SupportBodies.PledgeView;
import ch.frontdesk.support.SupportBodies.TierAdminView;
import ch.frontdesk.support.SupportBodies.TierRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin's side of paid support: tiers, and bank transfers received for invoice pledges. */
@Path("/api/admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: paid support")
public class SupportAdminResource {

    private final TierCatalog tiers;
    private final PledgeService pledges;

    SupportAdminResource(TierCatalog tiers, PledgeService pledges) {
        this.tiers = tiers;
        this.pledges = pledges;
    }

    @GET
    @Path("/support/tiers")
    @Operation(summary = "Every tier, retired ones included (active: false).")
    public List<TierAdminView> tiers() {
        return tiers.allTiers();
    }

    @POST
    @Path("/support/tiers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull TierRequest body) {
        TierAdminView tier = tiers.create(body);
        return Response.created(URI.create("/api/admin/support/tiers/" + tier.code())).entity(tier).build();
    }

    @PUT
    @Path("/support/tiers/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TierAdminView update(@PathParam("code") String code, @Valid @NotNull TierRequest body) {
        return tiers.update(code, body);
    }

    @DELETE
    @Path("/support/tiers/{code}")
    @Operation(summary = "Delete a tier; one with pledges is retired instead.")
    public Response delete(@PathParam("code") String code) {
        tiers.delete(code);
        return Response.noContent().build();
    }

    @POST
    @Path("/pledges/{id}/mark-paid")
    @Operation(summary = "Record the bank transfer for an invoice pledge: active for one more period, receipt sent.")
    public PledgeView markPaid(@PathParam("id") String id) {
        UUID pledge;
        try {
            pledge = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such pledge.");
        }
        return pledges.markPaid(pledge);
    }
}
