package ch.frontdesk.web;

import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The answer to a plain HTML form that was refused, such as an embedded form on another site posting to the API:
 * a page in the reader's language that says what is wrong with which field, rather than JSON a person cannot read.
 * The status and headers ({@code Retry-After}) are the API's.
 */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(FormErrors errors, String back);
    }

    private final Pages pages;

    ErrorPages(Pages pages) {
        this.pages = pages;
    }

    /** Whether the failed request was a form a browser posted: it gets a page, not a problem document. */
    public static boolean isBrowserForm(HttpHeaders headers) {
        if (headers == null || headers.getMediaType() == null) {
            return false;
        }
        MediaType type = headers.getMediaType();
        boolean form = type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
        return form && Negotiation.prefersHtml(headers);
    }

    public Response refused(ProblemException problem, HttpHeaders headers) {
        var language = Pages.language(null, headers);
        FormErrors errors = FormErrors.of(problem, language, FormTexts.NONE);
        Response page = pages.show(problem.status(), Templates.error(errors, back(headers)),
                new PublicPage(language, "/"));
        Response.ResponseBuilder answer = Response.fromResponse(page);
        problem.headers().forEach(answer::header);
        return answer.build();
    }

    /** A page for a browser that asked for an address where there is none, with the way to the home page. */
    public Response notFound(HttpHeaders headers) {
        var language = Pages.language(null, headers);
        PublicPage page = new PublicPage(language, "/");
        FormErrors errors = FormErrors.of(ProblemException.notFound("Nothing here."), language, FormTexts.NONE);
        return pages.show(404, Templates.error(errors, page.link("/")), page);
    }

    /** Whether a person's browser (not a script) navigated here: it asks for HTML first. */
    public static boolean isBrowserPage(HttpHeaders headers, jakarta.ws.rs.core.UriInfo uri) {
        String path = "/" + uri.getPath().replaceFirst("^/+", "");
        return headers != null && Negotiation.prefersHtml(headers) && !path.startsWith("/api/")
                && !path.equals("/admin") && !path.startsWith("/admin/");
    }

    /** The page the form was on, when it is a web page: the way back to fix the fields. */
    private static String back(HttpHeaders headers) {
        String referer = headers.getHeaderString("Referer");
        if (referer == null || referer.length() > 2000) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
