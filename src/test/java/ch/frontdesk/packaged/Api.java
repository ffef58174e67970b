package ch.frontdesk.packaged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A JSON client of one packaged instance, as a browser behind our reverse proxy would be: each copy may speak for
 * one client address ({@code X-Forwarded-For}, believed when the instance trusts loopback as its proxy) and may log
 * in as the admin. Safe to share between threads; {@link #postAsync} lets many requests be in flight at once.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final String base;
    private final Map<String, String> headers;

    private Api(String name, String base, Map<String, String> headers) {
        this.name = name;
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    static Api of(String name, ServiceProcess service) {
        return new Api(name, service.url(), Map.of());
    }

    /** The same instance, for requests from {@code address} (as our proxy tells it). */
    Api from(String address) {
        return with("X-Forwarded-For", address);
    }

    /** The same instance, as the first admin over HTTP Basic. */
    Api asOwner() {
        return with("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("owner:owner-password".getBytes(StandardCharsets.UTF_8)));
    }

    Api with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Api(name, base, more);
    }

    String name() {
        return name;
    }

    /** What an instance answered: status, JSON body (missing when there was none) and headers. */
    record Answer(String instance, int status, JsonNode body, java.net.http.HttpHeaders headers) {

        /** The last segment of a problem detail's type ({@code sold-out}), or null for another answer. */
        String problem() {
            String type = body.path("type").asText(null);
            return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return instance + " " + status + " " + body;
        }
    }

    Answer get(String path) {
        return postAsync(path, null, Map.of()).join();
    }

    Answer post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Answer post(String path, Object body, Map<String, String> extraHeaders) {
        return postAsync(path, body, extraHeaders).join();
    }

    /** A POST with a JSON body (a GET when {@code body} is null), answered later. */
    CompletableFuture<Answer> postAsync(String path, Object body, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        extraHeaders.forEach(request::header);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(name, response.statusCode(), parse(response.body()),
                        response.headers()));
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            // Not JSON (an HTML error page): kept as text, so a failure message shows what came back.
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
