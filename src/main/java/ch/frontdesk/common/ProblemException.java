package ch.frontdesk.common;

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

    public Problem toProblem() {
        return new Problem(Problem.type(slug), title, status, getMessage(), errors, extensions);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
