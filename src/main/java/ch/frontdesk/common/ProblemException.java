package ch.frontdesk.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. Services throw it; {@link ProblemMapper} turns it into a problem detail.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, null, Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.extensions = extensions;
        this.headers = headers;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail);
    }

    public static ProblemException gone(String detail) {
        return new ProblemException(410, "gone", "Gone", detail);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request", "The request has invalid fields.",
                errors, null, Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** {@code 429} with {@code Retry-After}: the client may try again once {@code wait} (whole seconds, rounded up) is over. */
    public static ProblemException tooManyRequests(String detail, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return new ProblemException(429, "too-many-requests", "Too Many Requests",
                detail + " Try again in " + seconds + " seconds.", null, null,
                Map.of("Retry-After", Long.toString(seconds)));
    }

    public Problem toProblem() {
        return new Problem(Problem.type(slug), title, status, getMessage(), errors, extensions);
    }

    /** The last part of the problem's type, e.g. {@code sold-out}: what a page looks up its own wording by. */
    public String slug() {
        return slug;
    }

    /** The failing fields; empty when the problem is not about fields. */
    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
