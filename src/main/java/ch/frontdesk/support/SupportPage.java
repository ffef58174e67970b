package ch.frontdesk.support;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.LinkState;
import ch.frontdesk.common.LocalFormat;
import ch.frontdesk.common.Money;
import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.support.SupportBodies.PledgeView;
import ch.frontdesk.support.SupportBodies.TierView;
import ch.frontdesk.web.FormErrors;
import ch.frontdesk.web.Pages;
import ch.frontdesk.web.PublicPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/**
 * The public support pages: the tiers with the pledge form, the thank-you page, and the page a cancel link opens. The
 * form works without JavaScript (a plain post, {@code 303} on success, the page again with its errors otherwise) and
 * pledges through the very intake the API uses. A client that does not ask for HTML first gets the API's problem
 * detail instead of the page.
 */
@Path("/support")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Support pages", description = "The support tiers and pledge form, and the pages of supporter emails")
public class SupportPage {

    @CheckedTemplate(basePath = "support/page")
    static class Templates {
        static native TemplateInstance support(List<TierOption> tiers, PledgeFormView form, FormErrors errors);

        static native TemplateInstance cancel(String token, LinkState state);

        static native TemplateInstance cancelled();

        static native TemplateInstance thanks(boolean card);
    }

    /** A tier as the form offers it: amount and interval worded in the page's language. */
    @TemplateData
    public record TierOption(String code, String name, String description, String amount, String interval,
            boolean checked) {
    }

    /**
     * What the form shows: the values typed so far (kept when it comes back with errors), and whether card payment
     * is offered at all.
     */
    @TemplateData
    public record PledgeFormView(String email, String name, boolean consent, String paymentMethod, boolean card) {

        public boolean byCard() {
            return card && "card".equals(paymentMethod);
        }
    }

    private final TierCatalog tiers;
    private final PledgeService pledges;
    private final PledgeIntake intake;
    private final PaymentGateway gateway;
    private final Pages pages;

    SupportPage(TierCatalog tiers, PledgeService pledges, PledgeIntake intake, PaymentGateway gateway, Pages pages) {
        this.tiers = tiers;
        this.pledges = pledges;
        this.intake = intake;
        this.gateway = gateway;
        this.pages = pages;
    }

    @GET
    @Operation(summary = "The support tiers and the pledge form; ?tier= preselects a tier.")
    public Response page(@QueryParam("lang") String lang, @QueryParam("tier") String tier,
            @Context HttpHeaders headers) {
        Language language = Pages.language(lang, headers);
        return show(200, language, tier, new PledgeFormView(null, null, false, null, gateway.available()),
                FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The pledge form's post: 303 to Stripe's checkout or the thank-you page, else the form with its errors.")
    public Response pledge(@BeanParam PledgeForm form, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        Language language = Pages.language(form.lang(), headers);
        try {
            PledgeView pledge = intake.pledge(form.request(), Pages.stated(form.lang(), headers), null,
                    ClientInfo.of(http));
            return next(pledge, language);
        } catch (ProblemException problem) {
            if (!Negotiation.prefersHtml(headers)) {
                // A script posting the page's form reads a problem detail, as from the API; people get the page.
                throw problem;
            }
            var typed = new PledgeFormView(form.email(), form.name(), form.consented(), form.paymentMethod(),
                    gateway.available());
            Response page = show(problem.status(), language, form.tier(), typed,
                    FormErrors.of(problem, language, SupportTexts.form(language)));
            Response.ResponseBuilder answer = Response.fromResponse(page);
            problem.headers().forEach(answer::header);
            return answer.build();
        }
    }

    @GET
    @Path("/thanks")
    @Operation(summary = "Shown after pledging: where the payment details are (invoice) or that the card payment is being confirmed.")
    public Response thanks(@QueryParam("lang") String lang, @QueryParam("paid") String paid,
            @Context HttpHeaders headers) {
        return pages.show(Templates.thanks("card".equals(paid)),
                new PublicPage(Pages.language(lang, headers), "/support/thanks" + ("card".equals(paid) ? "?paid=card" : "")));
    }

    @GET
    @Path("/cancel")
    @Operation(summary = "The page a cancel link opens, with the button that cancels (a GET changes nothing).")
    public Response cancelPage(@QueryParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        LinkState state = pledges.cancelLinkState(token);
        // The language switch must not lose the token: the page links to itself with it.
        String path = token == null ? "/support/cancel" : "/support/cancel?token=" + token;
        return pages.show(state == LinkState.UNKNOWN ? 404 : 200, Templates.cancel(token, state),
                new PublicPage(Pages.language(lang, headers), path));
    }

    /** Where a pledge that was taken goes next: Stripe's checkout to pay by card, else the thank-you page. */
    static Response next(PledgeView pledge, Language language) {
        if (pledge.checkoutUrl() != null) {
            return Response.seeOther(URI.create(pledge.checkoutUrl())).build();
        }
        return Pages.seeOther("/support/thanks", language);
    }

    private Response show(int status, Language language, String chosenTier, PledgeFormView form, FormErrors errors) {
        List<TierOption> options = tiers.activeTiers().stream().map(tier -> option(tier, chosenTier, language)).toList();
        return pages.show(status, Templates.support(options, form, errors), new PublicPage(language, "/support"));
    }

    private static TierOption option(TierView tier, String chosenTier, Language language) {
        return new TierOption(tier.code(), tier.name(), tier.description(),
                LocalFormat.money(Money.of(tier.amount(), tier.currency()), language),
                SupportTexts.interval(tier.interval(), language), tier.code().equals(chosenTier));
    }
}
