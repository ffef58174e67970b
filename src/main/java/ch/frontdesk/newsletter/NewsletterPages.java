package ch.frontdesk.newsletter;

import ch.frontdesk.common.Language;
import ch.frontdesk.common.LinkState;
import ch.frontdesk.web.Pages;
import ch.frontdesk.web.PublicPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pages behind the links in newsletter emails, and the ones a sign-up, a confirmation or an unsubscribe ends on,
 * in the language of {@code ?lang=} (the emailed links carry the reader's), else the browser's. Mail scanners open
 * every link, so a GET only shows a page; its button POSTs to the API to make the change.
 */
@Path("/newsletter")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Newsletter pages", description = "HTML pages opened from emails and forms")
public class NewsletterPages {

    @CheckedTemplate(basePath = "newsletter/page")
    static class Templates {
        static native TemplateInstance confirm(String token, LinkState state, long validHours);

        static native TemplateInstance unsubscribe(String token, LinkState state);

        static native TemplateInstance thanks();

        static native TemplateInstance confirmed();

        static native TemplateInstance unsubscribed();
    }

    private final NewsletterService newsletter;
    private final NewsletterConfig config;
    private final Pages pages;

    NewsletterPages(NewsletterService newsletter, NewsletterConfig config, Pages pages) {
        this.newsletter = newsletter;
        this.config = config;
        this.pages = pages;
    }

    @GET
    @Path("/confirm")
    @Operation(summary = "The page a confirmation email links to, with the button that confirms.")
    public Response confirmPage(@QueryParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        LinkState state = newsletter.confirmationLinkState(token);
        return pages.show(status(state), Templates.confirm(token, state, config.confirmationValidity().toHours()),
                page("/newsletter/confirm" + tokenQuery(token), lang, headers));
    }

    @GET
    @Path("/unsubscribe")
    @Operation(summary = "The page an unsubscribe link opens, with the button that unsubscribes.")
    public Response unsubscribePage(@QueryParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        LinkState state = newsletter.unsubscribeLinkState(token);
        return pages.show(status(state), Templates.unsubscribe(token, state),
                page("/newsletter/unsubscribe" + tokenQuery(token), lang, headers));
    }

    @GET
    @Path("/thanks")
    @Operation(summary = "Shown after signing up with a plain HTML form.")
    public Response thanks(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return pages.show(Templates.thanks(), page("/newsletter/thanks", lang, headers));
    }

    @GET
    @Path("/confirmed")
    @Operation(summary = "Shown after confirming with the button.")
    public Response confirmed(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return pages.show(Templates.confirmed(), page("/newsletter/confirmed", lang, headers));
    }

    @GET
    @Path("/unsubscribed")
    @Operation(summary = "What a browser's unsubscribe answers, for its language switch; changes nothing.")
    public Response unsubscribed(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return unsubscribed(Pages.language(lang, headers));
    }

    /** The answer to a browser's one-click unsubscribe: a page, never a redirect (RFC 8058). */
    Response unsubscribed(Language language) {
        return pages.show(Templates.unsubscribed(), new PublicPage(language, "/newsletter/unsubscribed"));
    }

    private static PublicPage page(String path, String lang, HttpHeaders headers) {
        return new PublicPage(Pages.language(lang, headers), path);
    }

    /** The token again in the language switch's links, so the page in another language still works. */
    private static String tokenQuery(String token) {
        return token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static int status(LinkState state) {
        return switch (state) {
            case USABLE, DONE -> 200;
            case EXPIRED -> 410;
            case UNKNOWN -> 404;
        };
    }
}
