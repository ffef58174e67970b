package ch.frontdesk.packaged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the fault tests do to a packaged instance, through its public and admin HTTP API only: set up an event,
 * place orders, sign up. Every call answers an {@link Answer}, also when the instance is unreachable, so load loops
 * can record failures rather than stop at them.
 */
final class Storefront {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than any answer may take: a request still open after this counts as a hang. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("owner:owner-password".getBytes(StandardCharsets.UTF_8));

    // HTTP/1.1 as browsers and load balancers speak to the service; Java's default would offer an h2c upgrade.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceProcess service;

    /**
     * An instance on {@code schema} for a fault test: the per-client limits raised (every test client is 127.0.0.1),
     * jobs every second, a small pool.
     */
    static ServiceProcess.Builder instance(String schema, int smtpPort) {
        return ServiceProcess.on(schema, smtpPort)
                .with("FRONTDESK_TICKETS_ORDERS_PER_MINUTE", "100000")
                .with("FRONTDESK_NEWSLETTER_SIGNUPS_PER_MINUTE", "100000")
                .with("FRONTDESK_TICKETS_MAX_UNPAID_SEATS_PER_NETWORK", "100000")
                .with("FRONTDESK_TICKETS_JOBS_EVERY", "1s");
    }

    Storefront(ServiceProcess service) {
        this.service = service;
    }

    /** One HTTP answer; {@code status} -1 when there was none (refused, reset, timed out). */
    record Answer(int status, String contentType, String retryAfter, String body, long millis) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " in " + millis + " ms: " + body;
        }
    }

    void createEvent(String slug) {
        expect(201, admin("/api/admin/events", Map.of("slug", slug, "name", "Fault summit " + slug,
                "startsOn", "2099-02-10", "endsOn", "2099-02-12", "venue", "EPFL", "timezone", "Europe/Zurich")));
    }

    void createTicketType(String slug, String code, int capacity) {
        expect(201, admin("/api/admin/events/" + slug + "/ticket-types", Map.of("code", code, "name", "Pass " + code,
                "capacity", capacity, "price", Map.of("amount", 10000, "currency", "CHF"))));
    }

    /** One ticket, paid by invoice, buyer and attendee the same person. */
    Answer order(String slug, String type, String email) {
        return send(post("/api/events/" + slug + "/orders", Map.of(
                "buyer", Map.of("email", email, "name", "Buyer"),
                "tickets", List.of(Map.of("type", type, "attendee", Map.of("name", "Buyer", "email", email))),
                "consent", true)));
    }

    Answer signUp(String email) {
        return send(post("/api/newsletter/subscriptions", Map.of("email", email, "name", "Reader", "consent", true)));
    }

    /** Whether the public event page offers the type. */
    boolean available(String slug, String type) {
        Answer answer = expect(200, send(HttpRequest.newBuilder(URI.create(service.url() + "/api/events/" + slug))
                .timeout(REQUEST_TIMEOUT).GET()));
        for (JsonNode ticketType : answer.json().path("ticketTypes")) {
            if (ticketType.path("code").asText().equals(type)) {
                return ticketType.path("available").asBoolean();
            }
        }
        throw new IllegalStateException("No type " + type + " in " + answer);
    }

    static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("Expected " + status + ", got " + answer);
        }
        return answer;
    }

    private Answer admin(String path, Object body) {
        return send(post(path, body).header("Authorization", ADMIN));
    }

    private HttpRequest.Builder post(String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(service.url() + path)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), since(began));
        } catch (IOException e) {
            return new Answer(-1, "", null, e.toString(), since(began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", null, "interrupted", since(began));
        }
    }

    private static long since(long began) {
        return Duration.ofNanos(System.nanoTime() - began).toMillis();
    }
}
