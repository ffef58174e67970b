package ch.frontdesk.support;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.support.SupportBodies.PledgeRequest;
import ch.frontdesk.support.SupportBodies.PledgeView;
import ch.frontdesk.support.SupportBodies.TierView;
import ch.frontdesk.web.Pages;
import ch.frontdesk.web.PublicPage;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Paid support for Engineering Prompts, as an API: the tiers, pledges, and the one-click cancel of supporter emails. */
@Path("/api/support")
@Tag(name = "Paid support", description = "Support tiers and pledges; the money funds the EPFL AI Center")
public class SupportResource {

    private final TierCatalog tiers;
    private final PledgeService pledges;
    private final PledgeIntake intake;
    private final Pages pages;

    SupportResource(TierCatalog tiers, PledgeService pledges, PledgeIntake intake, Pages pages) {
        this.tiers = tiers;
        this.pledges = pledges;
        this.intake = intake;
        this.pages = pages;
    }

    @GET
    @Path("/tiers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The support tiers on offer.")
    public List<TierView> tiers() {
        return tiers.activeTiers();
    }

    @POST
    @Path("/pledges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pledge support; the payment details follow by email, in the language the request states.")
    public Response pledge(@NotNull PledgeRequest body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        PledgeView pledge = intake.pledge(body, Pages.stated(body.lang(), headers), idempotencyKey, ClientInfo.of(http));
        return Response.created(URI.create("/api/support/pledges/" + pledge.id())).entity(pledge).build();
    }

    @POST
    @Path("/pledges")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Pledge from a plain HTML form: 303 to Stripe's checkout for a card, else to the thank-you page.")
    public Response pledgeFromForm(@BeanParam PledgeForm form, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        PledgeView pledge = intake.pledge(form.request(), Pages.stated(form.lang(), headers), idempotencyKey,
                ClientInfo.of(http));
        return SupportPage.next(pledge, Pages.language(form.lang(), headers));
    }

    /** The one-click cancel from a supporter email; browsers get a page back, in the language of the link. */
    @POST
    @Path("/pledges/cancel")
    @Operation(summary = "Cancel a pledge with the token from a supporter email; effective at the end of the paid period.")
    public Response cancel(@QueryParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "must not be blank");
        }
        PledgeView pledge = pledges.cancel(token);
        if (Negotiation.prefersHtml(headers)) {
            Language language = Pages.language(lang, headers);
            return pages.show(SupportPage.Templates.cancelled(), new PublicPage(language, "/support"));
        }
        return Response.ok(pledge, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
