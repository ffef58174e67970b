package ch.frontdesk.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses bodies over 64 KiB with a problem detail before anything reads them. Quarkus' own
 * {@code quarkus.http.limits.max-body-size} stays as the backstop for bodies sent without a Content-Length.
 */
@ApplicationScoped
public class RequestSizeLimit {

    static final long MAX_BODY_BYTES = 64 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                refuse(context);
                return;
            }
            context.next();
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context);
                return;
            }
            context.next();
        });
    }

    private static void refuse(RoutingContext context) {
        Problem problem = Problem.of(413, "payload-too-large", "Payload Too Large",
                "The request body is larger than 64 KiB.");
        context.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
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
