package ch.frontdesk.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problem details for bodies over 64 KiB, turned away before they reach a resource. Quarkus'
 * {@code quarkus.http.limits.max-body-size} stays as the backstop for bodies sent without a Content-Length.
 */
@ApplicationScoped
public class EdgeProblems {

    static final long MAX_BODY_BYTES = 64 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                context.response().putHeader("Connection", "close");
                answer(context, Problem.of(413, "payload-too-large", "Payload Too Large",
                        "The request body is larger than 64 KiB."));
                return;
            }
            context.next();
        });
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
