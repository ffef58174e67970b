package ch.frontdesk.admin;

import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Problem;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * What the admin side refuses before any resource runs, whoever the caller is:
 * <ul>
 * <li>any cross-origin use: a request whose {@code Origin} is another site is {@code 403}, preflight included,
 * whatever {@code FRONTDESK_CORS_ORIGINS} lets the public API do;</li>
 * <li>a state-changing request made with the session cookie but without the session's CSRF token ({@code 403});</li>
 * <li>an admin API request with neither credentials nor session ({@code 401} with a problem body);</li>
 * <li>a {@code POST} to the admin API that is not JSON ({@code 415}): a cross-site HTML form can only send form
 * encodings or text, so even a browser with cached HTTP Basic credentials cannot be made to post one.</li>
 * </ul>
 */
@ApplicationScoped
public class AdminEdge {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String publicOrigin;

    AdminEdge(FrontdeskConfig config) {
        this.publicOrigin = origin(config.publicUrl());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::guard);
    }

    private void guard(RoutingContext context) {
        String path = context.normalizedPath();
        if (!AdminPaths.isAdmin(path)) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(publicOrigin) && !origin.equals(ownOrigin(request))) {
            answer(context, Problem.of(403, "cross-origin", "Forbidden",
                    "The admin side cannot be used from another site."));
            return;
        }
        boolean api = AdminPaths.isApi(path);
        // Only Basic is a credential here: any other scheme (Bearer) is answered like no credentials at all.
        String authorization = request.getHeader("Authorization");
        boolean basic = api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        Cookie session = request.getCookie(AdminSessions.COOKIE);
        boolean unsafe = !SAFE.contains(request.method());
        // The login form has no session yet, and logout checks the token posted in its form.
        boolean checksItsOwnForm = path.equals(AdminPaths.LOGIN) || path.equals(AdminPaths.LOGOUT);
        if (unsafe && !basic && session != null && !checksItsOwnForm
                && !sameSecret(request.getHeader(CSRF_HEADER), AdminSessions.csrfToken(session.getValue()))) {
            answer(context, Problem.of(403, "csrf", "Forbidden",
                    "The request lacks this session's CSRF token (header " + CSRF_HEADER + "). Reload the page."));
            return;
        }
        if (api && !basic && session == null) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"Frontdesk\"");
            answer(context, Problem.of(401, "unauthorized", "Unauthorized", "Credentials are required."));
            return;
        }
        if (api && request.method() == HttpMethod.POST && !isJson(request.getHeader("Content-Type"))) {
            answer(context, Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "The admin API takes JSON: send Content-Type: application/json, with {} when there is no body."));
            return;
        }
        context.next();
    }

    /** Whether a posted value equals the expected secret, in time that does not depend on where they differ. */
    public static boolean sameSecret(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json");
    }

    private static String ownOrigin(HttpServerRequest request) {
        String host = request.getHeader("Host");
        return host == null ? null : request.scheme() + "://" + host;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static void answer(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(Json.encode(problem));
    }
}
