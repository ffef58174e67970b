package ch.frontdesk.common;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Headers that keep browsers from being turned against our pages: no script or style but our own files, no
 * framing, no referrer to other sites (links carry tokens), no sniffing; and no caching of admin answers or of anything asked
 * for with a token, so a shared computer keeps no personal data or live link in its cache.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = policy("'self'");

    /**
     * Our pages' policy, with {@code extra} sources allowed to run scripts, style, be fetched and be posted to. Form
     * posts may also end at Stripe's checkout: browsers check {@code form-action} on the redirect a post answers too.
     */
    static String policy(String extra) {
        return String.join("; ",
                "default-src 'self'",
                "script-src " + extra,
                "style-src " + extra,
                "img-src 'self' data: blob:",
                "media-src 'self' blob: mediastream:",
                "connect-src " + extra,
                "object-src 'none'",
                "base-uri 'none'",
                "form-action " + extra + " https://checkout.stripe.com",
                "frame-ancestors 'none'");
    }

    /**
     * {@code /embed/demo} plays another site that embeds our forms: it loads the script and posts to the public URL,
     * which is another origin when the page is opened under another name (the browser test's second origin).
     */
    private final String demoPolicy;

    SecurityHeaders(FrontdeskConfig config) {
        URI pub = URI.create(config.link("/"));
        this.demoPolicy = policy("'self' " + pub.getScheme() + "://" + pub.getRawAuthority());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            context.addHeadersEndHandler(ignored -> protect(context, demoPolicy));
            context.next();
        });
    }

    private static void protect(RoutingContext context, String demoPolicy) {
        HttpServerResponse response = context.response();
        String path = context.normalizedPath();
        // The Swagger UI (only where enabled) is Quarkus' own page and runs inline scripts.
        if (!path.startsWith("/q/")) {
            response.putHeader("Content-Security-Policy",
                    path.equals("/embed/demo") ? demoPolicy : CONTENT_SECURITY_POLICY);
            response.putHeader("X-Frame-Options", "DENY");
        }
        response.putHeader("X-Content-Type-Options", "nosniff");
        // Not "no-referrer": under it browsers send "Origin: null" with our own pages' form posts, which then look
        // cross-origin. "same-origin" still tells other sites nothing.
        // The demo page plays another site with the browsers' default policy: under "same-origin" its plain form posts
        // to the public URL would carry "Origin: null", which CORS refuses (the script's fetch always sends the origin).
        response.putHeader("Referrer-Policy",
                path.equals("/embed/demo") ? "strict-origin-when-cross-origin" : "same-origin");
        String query = context.request().query();
        boolean admin = path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin");
        if (admin || (query != null && query.contains("token="))) {
            response.putHeader("Cache-Control", "no-store");
        }
    }
}
