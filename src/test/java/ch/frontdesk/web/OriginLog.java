package ch.frontdesk.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test only: what the server saw of the form posts to the public API, and what it answered about CORS, so a browser
 * test can show that an embedded form's request was cross-origin and allowed.
 */
@ApplicationScoped
public class OriginLog {

    public record Seen(String method, String path, String origin, String secFetchMode, int status, String allowOrigin) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(context -> {
            String origin = context.request().getHeader("Origin");
            String mode = context.request().getHeader("Sec-Fetch-Mode");
            context.addHeadersEndHandler(ignored -> {
                if (seen.size() < 100) {
                    seen.add(new Seen(context.request().method().name(), context.normalizedPath(), origin, mode,
                            context.response().getStatusCode(),
                            context.response().headers().get("Access-Control-Allow-Origin")));
                }
            });
            context.next();
        });
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }
}
