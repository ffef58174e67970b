package ch.frontdesk.tickets;

import ch.frontdesk.common.LinkState;
import ch.frontdesk.common.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import ch.frontdesk.common.Language;
import ch.frontdesk.web.Pages;
import ch.frontdesk.web.PublicPage;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Confirming a place on a waiting list from the link in its email. Mail scanners open every link, so the GET only
 * shows a page; its button POSTs the token, as JSON clients do.
 */
@Path("/")
@Tag(name = "Summit tickets", description = "Events, orders and the waiting list")
public class WaitlistResource {

    /** The token from a waiting-list confirmation link. */
    public record ConfirmWaitlist(@NotBlank @Size(max = 128) String token) {
    }

    /** Where the entry stands after confirming: {@code confirmed}, in line by the time it joined. */
    public record WaitlistAnswer(String status) {
    }

    @CheckedTemplate(basePath = "tickets/page")
    static class Templates {
        static native TemplateInstance waitlistConfirm(String token, LinkState state);

        static native TemplateInstance waitlistConfirmed();
    }

    private final Waitlist waitlist;
    private final Pages pages;

    WaitlistResource(Waitlist waitlist, Pages pages) {
        this.waitlist = waitlist;
        this.pages = pages;
    }

    @POST
    @Path("/api/waitlist/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a place on a waiting list with the token from its email; 409 when already "
            + "confirmed, 410 when the link expired.")
    public WaitlistAnswer confirm(@Valid @NotNull ConfirmWaitlist body) {
        waitlist.confirm(body.token());
        return new WaitlistAnswer("confirmed");
    }

    @POST
    @Path("/api/waitlist/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Confirm from the button on the confirmation page; answers 303 to a thank-you page.")
    public Response confirmFromForm(@RestForm String token, @RestForm String lang, @Context HttpHeaders headers) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "must not be blank");
        }
        waitlist.confirm(token);
        return Pages.seeOther("/waitlist/confirmed", Pages.language(lang, headers));
    }

    @GET
    @Path("/waitlist/confirm")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page a waiting-list confirmation email links to, with the button that confirms.")
    public Response confirmPage(@QueryParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        LinkState state = waitlist.confirmationLinkState(token);
        int status = switch (state) {
            case USABLE, DONE -> 200;
            case EXPIRED -> 410;
            case UNKNOWN -> 404;
        };
        // In ?lang=, else the language of the person the link was mailed to, else the browser's.
        Language language = Language.of(lang).or(() -> waitlist.confirmationLanguage(token))
                .orElseGet(() -> Pages.language(null, headers));
        return pages.show(status, Templates.waitlistConfirm(token, state),
                new PublicPage(language, "/waitlist/confirm?token="
                        + java.net.URLEncoder.encode(token == null ? "" : token, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @GET
    @Path("/waitlist/confirmed")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Shown after confirming a place on a waiting list with the button.")
    public Response confirmed(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return pages.show(Templates.waitlistConfirmed(), new PublicPage(Pages.language(lang, headers),
                "/waitlist/confirmed"));
    }
}
