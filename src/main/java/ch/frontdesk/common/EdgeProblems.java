package ch.frontdesk.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problem details for requests turned away before they reach a resource: bodies over 64 KiB, and admin paths
 * asked for without credentials (Quarkus' own challenge has no body). The HTTP permission policy on
 * {@code /api/admin} stays in force behind this; Quarkus' {@code quarkus.http.limits.max-body-size} stays as
 * the backstop for bodies sent without a Content-Length.
 */
@ApplicationScoped
public class EdgeProblems {

    static final long MAX_BODY_BYTES = 64 * 1024;
    static final String ADMIN_API = "/api/admin";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                context.response().putHeader("Connection", "close");
                answer(context, Problem.of(413, "payload-too-large", "Payload Too Large",
                        "The request body is larger than 64 KiB."));
                return;
            }
            if (isAdminPath(context.normalizedPath()) && context.request().getHeader("Authorization") == null) {
                context.response().putHeader("WWW-Authenticate", "Basic realm=\"Frontdesk\"");
                answer(context, Problem.of(401, "unauthorized", "Unauthorized", "Credentials are required."));
                return;
            }
            context.next();
        });
    }

    private static boolean isAdminPath(String path) {
        return path.equals(ADMIN_API) || path.startsWith(ADMIN_API + "/");
    }

    private static void answer(RoutingContext context, Problem problem) {
        context.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    private static boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
