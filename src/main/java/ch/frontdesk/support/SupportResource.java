package ch.frontdesk.support;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.LinkState;
import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.RateLimiter;
import ch.frontdesk.support.SupportBodies.PledgeRequest;
import ch.frontdesk.support.SupportBodies.PledgeView;
import ch.frontdesk.support.SupportBodies.TierView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/** Paid support for Engineering Prompts: the tiers, pledges, and the one-click cancel link of supporter emails. */
@Path("/")
@Tag(name = "Paid support", description = "Support tiers and pledges; the money funds the EPFL AI Center")
public class SupportResource {

    private static final String RATE_LIMIT_KIND = "support.pledge";

    @CheckedTemplate(basePath = "support/page")
    static class Templates {
        static native TemplateInstance cancel(String token, LinkState state);

        static native TemplateInstance cancelled();

        static native TemplateInstance thanks();
    }

    private final TierCatalog tiers;
    private final PledgeService pledges;
    private final RateLimiter rateLimiter;
    private final SupportConfig config;

    SupportResource(TierCatalog tiers, PledgeService pledges, RateLimiter rateLimiter, SupportConfig config) {
        this.tiers = tiers;
        this.pledges = pledges;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    @GET
    @Path("/api/support/tiers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The support tiers on offer.")
    public List<TierView> tiers() {
        return tiers.activeTiers();
    }

    @POST
    @Path("/api/support/pledges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pledge support; the payment details follow by email.")
    public Response pledge(@NotNull PledgeRequest body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpServerRequest http) {
        PledgeView pledge = create(body, idempotencyKey, http);
        return Response.created(URI.create("/api/support/pledges/" + pledge.id())).entity(pledge).build();
    }

    @POST
    @Path("/api/support/pledges")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Pledge from a plain HTML form; answers 303 to a thank-you page.")
    public Response pledgeFromForm(@BeanParam PledgeForm form, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpServerRequest http) {
        create(form.request(), idempotencyKey, http);
        return Response.seeOther(URI.create("/support/thanks")).build();
    }

    /** The one-click cancel from a supporter email; browsers get a page back. */
    @POST
    @Path("/api/support/pledges/cancel")
    @Operation(summary = "Cancel a pledge with the token from a supporter email; effective at the end of the paid period.")
    public Response cancel(@QueryParam("token") String token, @Context HttpHeaders headers) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "must not be blank");
        }
        PledgeView pledge = pledges.cancel(token);
        if (Negotiation.prefersHtml(headers)) {
            return Response.ok(Templates.cancelled().render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(pledge, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/support/cancel")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page a cancel link opens, with the button that cancels (a GET changes nothing).")
    public Response cancelPage(@QueryParam("token") String token) {
        LinkState state = pledges.cancelLinkState(token);
        return Response.status(state == LinkState.UNKNOWN ? 404 : 200)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.cancel(token, state).render()).build();
    }

    @GET
    @Path("/support/thanks")
    @Produces(MediaType.TEXT_HTML)
    public String thanks() {
        return Templates.thanks().render();
    }

    private PledgeView create(PledgeRequest request, String idempotencyKey, HttpServerRequest http) {
        Idempotency.validateKey(idempotencyKey);
        ClientInfo client = ClientInfo.of(http);
        rateLimiter.check(RATE_LIMIT_KIND, client.address(), config.pledgesPerMinute());
        return pledges.pledge(request, client, idempotencyKey);
    }
}
