package ch.frontdesk.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What is refused before any resource runs, each with a problem detail rather than the bare status Vert.x and
 * RESTEasy would send: a URL over {@value #MAX_URI_CHARS} characters ({@code 414}); a path, query or form field
 * with a broken {@code %}-escape or a character {@link PlainText} refuses ({@code 400}, so a NUL never reaches
 * PostgreSQL, and a form field is held to the same rule as JSON text); a body over 64 KiB, announced or chunked ({@code 413}). Bodies are read here, at most 64 KiB of
 * them, and handed on: resources read the same bytes, so a Stripe signature still covers exactly what came.
 */
@ApplicationScoped
public class EdgeProblems {

    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Well below {@code quarkus.http.limits.max-initial-line-length}, so a long URL is ours to answer. */
    static final int MAX_URI_CHARS = 8 * 1024;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
        // Whatever still fails with a bare client-error status (a handler's context.fail(4xx)) gets a body.
        router.route().order(Integer.MIN_VALUE).failureHandler(EdgeProblems::bareFailure);
        // Vert.x Web refuses some requests before any route matches (a path it cannot normalise): same answer.
        for (int status : new int[] {400, 413, 414, 431}) {
            router.errorHandler(status, EdgeProblems::bareFailure);
        }
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_CHARS) {
            close(context, Problem.of(414, "uri-too-long", "URI Too Long",
                    "The address is longer than " + MAX_URI_CHARS + " characters."));
            return;
        }
        Problem bad = validUri(request.uri()) ? badPath(request.path()) : Problem.of(400, "bad-uri", "Bad Request",
                "The address is not a valid URI: a character needs a %-escape, or an escape is broken.");
        if (bad == null) {
            bad = badFields(request.query(), "query");
        }
        if (bad != null) {
            answer(context, bad);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && tooLong(length)) {
            close(context, tooLarge());
            return;
        }
        if (request.isEnded() || !hasBody(request, length)) {
            context.next();
            return;
        }
        readBody(context);
    }

    /** Reads the body, chunked or not, and stops at the limit; a form body is checked like a query string. */
    private static void readBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            body.appendBuffer(chunk);
            if (body.length() > MAX_BODY_BYTES) {
                refused[0] = true;
                close(context, tooLarge());
            }
        });
        request.endHandler(end -> {
            if (refused[0]) {
                return;
            }
            if (isForm(request.getHeader("Content-Type"))) {
                Problem bad = badFields(body.toString(StandardCharsets.UTF_8), "body");
                if (bad != null) {
                    answer(context, bad);
                    return;
                }
            }
            context.setBody(body);
            context.next();
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            context.response().writeContinue();
        }
        request.resume();
    }

    /**
     * Quarkus refuses such a URI with a bare 400 unless {@code -Dvertx.disableURIValidation=true} lets it through
     * to here; then it gets the same 400, with a problem detail.
     */
    private static boolean validUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasBody(HttpServerRequest request, String length) {
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static Problem badPath(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String decoded = decode(rawPath, false);
        if (decoded == null || !PlainText.isClean(decoded, false)) {
            return Problem.of(400, "bad-path", "Bad Request",
                    "The address has a broken %-escape or a control or invisible character.");
        }
        return null;
    }

    /**
     * The first bad field of a query string or form body: a broken escape, or a name or value that breaks the
     * {@link PlainText} rule. The problem names the field, as a validation problem does.
     */
    private static Problem badFields(String encoded, String where) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            if (name == null || !PlainText.isClean(name, false)) {
                return ProblemException.invalid(where, "has a broken %-escape or a control or invisible character")
                        .toProblem();
            }
            if (value == null) {
                return ProblemException.invalid(name, "has a broken %-escape").toProblem();
            }
            if (!PlainText.isClean(value, false)) {
                return ProblemException.invalid(name, PlainText.MESSAGE).toProblem();
            }
        }
        return null;
    }

    /** Percent-decodes strictly ({@code +} as a space in forms and queries); null for a broken escape or bad UTF-8. */
    static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0) {
            return plusIsSpace ? text.replace('+', ' ') : text;
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void bareFailure(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status > 499 || context.response().ended() || context.response().headWritten()) {
            if (!context.response().ended()) {
                context.next();
            }
            return;
        }
        if (status == 413) {
            close(context, tooLarge());
            return;
        }
        String title = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        answer(context, Problem.of(status, title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title,
                "The request cannot be handled."));
    }

    private static Problem tooLarge() {
        return Problem.of(413, "payload-too-large", "Payload Too Large", "The request body is larger than 64 KiB.");
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)
                .equals("application/x-www-form-urlencoded");
    }

    /** Answers and closes the connection: what the client still sends is not worth reading. */
    private static void close(RoutingContext context, Problem problem) {
        context.response().putHeader("Connection", "close");
        answer(context, problem);
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
