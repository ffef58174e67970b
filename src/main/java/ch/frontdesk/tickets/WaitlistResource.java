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
import java.net.URI;
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

    WaitlistResource(Waitlist waitlist) {
        this.waitlist = waitlist;
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
    public Response confirmFromForm(@RestForm String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "must not be blank");
        }
        waitlist.confirm(token);
        return Response.seeOther(URI.create("/waitlist/confirmed")).build();
    }

    @GET
    @Path("/waitlist/confirm")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page a waiting-list confirmation email links to, with the button that confirms.")
    public Response confirmPage(@QueryParam("token") String token) {
        LinkState state = waitlist.confirmationLinkState(token);
        int status = switch (state) {
            case USABLE, DONE -> 200;
            case EXPIRED -> 410;
            case UNKNOWN -> 404;
        };
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.waitlistConfirm(token, state).render()).build();
    }

    @GET
    @Path("/waitlist/confirmed")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Shown after confirming a place on a waiting list with the button.")
    public String confirmed() {
        return Templates.waitlistConfirmed().render();
    }
}
