package ch.frontdesk.newsletter;

import ch.frontdesk.common.LinkState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pages behind the links in newsletter emails. Mail scanners open every link, so a GET only shows a page;
 * its button POSTs to the API to make the change.
 */
@Path("/newsletter")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Newsletter pages", description = "HTML pages opened from emails and forms")
public class NewsletterPages {

    @CheckedTemplate(basePath = "newsletter/page")
    static class Templates {
        static native TemplateInstance confirm(String token, LinkState state);

        static native TemplateInstance unsubscribe(String token, LinkState state);

        static native TemplateInstance thanks();

        static native TemplateInstance confirmed();

        static native TemplateInstance unsubscribed();
    }

    private final NewsletterService newsletter;

    NewsletterPages(NewsletterService newsletter) {
        this.newsletter = newsletter;
    }

    @GET
    @Path("/confirm")
    @Operation(summary = "The page a confirmation email links to, with the button that confirms.")
    public Response confirmPage(@QueryParam("token") String token) {
        LinkState state = newsletter.confirmationLinkState(token);
        return page(status(state), Templates.confirm(token, state));
    }

    @GET
    @Path("/unsubscribe")
    @Operation(summary = "The page an unsubscribe link opens, with the button that unsubscribes.")
    public Response unsubscribePage(@QueryParam("token") String token) {
        LinkState state = newsletter.unsubscribeLinkState(token);
        return page(status(state), Templates.unsubscribe(token, state));
    }

    @GET
    @Path("/thanks")
    @Operation(summary = "Shown after signing up with a plain HTML form.")
    public String thanks() {
        return Templates.thanks().render();
    }

    @GET
    @Path("/confirmed")
    @Operation(summary = "Shown after confirming with the button.")
    public String confirmed() {
        return Templates.confirmed().render();
    }

    String unsubscribed() {
        return Templates.unsubscribed().render();
    }

    private static int status(LinkState state) {
        return switch (state) {
            case USABLE, DONE -> 200;
            case EXPIRED -> 410;
            case UNKNOWN -> 404;
        };
    }

    private static Response page(int status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(template.render()).build();
    }
}
