package ch.frontdesk.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The embed script and style sheet are loaded by other sites, so they say exactly what they are (browsers refuse a
 * script of another type under {@code nosniff}) and may be cached by anyone for an hour: long enough to spare the
 * service, short enough that a fix reaches every site the same day. They are static files; this only sets the headers
 * the static handler would set otherwise (a day's cache, a type without charset).
 */
@ApplicationScoped
public class EmbedAssets {

    static final String CACHE = "public, max-age=3600";

    void install(@Observes Router router) {
        router.route("/embed/*").order(Integer.MIN_VALUE + 3).handler(context -> {
            String path = context.normalizedPath();
            String type = path.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : path.endsWith(".css") ? "text/css; charset=utf-8" : null;
            if (type != null) {
                context.addHeadersEndHandler(ignored -> {
                    int status = context.response().getStatusCode();
                    if (status == 200 || status == 304) {
                        context.response().putHeader("Cache-Control", CACHE);
                        if (status == 200) {
                            context.response().putHeader("Content-Type", type);
                        }
                    }
                });
            }
            context.next();
        });
    }
}
