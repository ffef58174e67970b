package ch.frontdesk.web;

import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Language;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A form sent in place by {@code /embed/frontdesk.js} cannot follow a redirect to another site (Stripe's checkout
 * page): {@code fetch} would need that site to allow us by CORS, which it does not, and the reader would see an error
 * instead of the payment page. So when a script (not a browser navigating) asks for HTML and the answer is a redirect
 * to another origin, the answer becomes a page whose {@code data-frontdesk-navigate} link the script follows. Plain form
 * posts keep their {@code 303}.
 */
public class EmbedRedirects {

    @CheckedTemplate(basePath = "web/embed")
    static class Templates {
        static native TemplateInstance navigate(String target);
    }

    private final FrontdeskConfig config;
    private final Pages pages;

    EmbedRedirects(FrontdeskConfig config, Pages pages) {
        this.config = config;
        this.pages = pages;
    }

    @ServerResponseFilter
    public void navigateInsteadOfRedirect(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        URI location = response.getHeaders().containsKey(HttpHeaders.LOCATION) ? response.getLocation() : null;
        // Browsers send Sec-Fetch-Mode with every request to https and loopback: "navigate" for a plain form post.
        String mode = request.getHeaderString("Sec-Fetch-Mode");
        if (status < 300 || status >= 400 || location == null || !location.isAbsolute() || mode == null
                || mode.equals("navigate") || !prefersHtml(request.getAcceptableMediaTypes())
                || sameOrigin(location, request.getUriInfo().getBaseUri()) || sameOrigin(location, URI.create(config.link("/")))) {
            return;
        }
        var page = pages.show(200, Templates.navigate(location.toString()),
                new PublicPage(Language.resolve(null, request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), "/"));
        response.setStatus(200);
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.setEntity(page.getEntity(), new Annotation[0], MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** As {@link ch.frontdesk.common.Negotiation#prefersHtml}: the first explicit preference is HTML. */
    private static boolean prefersHtml(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
