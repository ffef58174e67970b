package ch.frontdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import ch.frontdesk.web.ErrorPages;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become answers: RFC 9457 problem details that name the failing fields and
 * never carry a stack trace, a class name or SQL.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ErrorPages errorPages;

    ProblemMapper(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        // A person posted a plain form (an embedded one, say): they get a page they can read.
        if (ErrorPages.isBrowserForm(headers)) {
            return errorPages.refused(e, headers);
        }
        return problem(e);
    }

    private static Response problem(ProblemException e) {
        Response.ResponseBuilder answer = respond(e.toProblem());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response invalidRequest(ResteasyReactiveViolationException e, HttpHeaders headers) {
        boolean aboutResponse = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        if (aboutResponse) {
            LOG.error("A response failed its own validation", e);
            return serverError();
        }
        if (ErrorPages.isBrowserForm(headers)) {
            return errorPages.refused(ProblemException.invalid(fieldErrors(e.getConstraintViolations())), headers);
        }
        return violations(e);
    }

    /** A service's own validation (a sign-up is checked when it is taken in): a browser's plain form gets a page. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers) {
        if (ErrorPages.isBrowserForm(headers)) {
            return errorPages.refused(ProblemException.invalid(fieldErrors(e.getConstraintViolations())), headers);
        }
        return violations(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        // A syntax error has no field, except a repeated key, which the parser has just read.
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping.getPath())
                : repeatedKey(e) && e instanceof StreamReadException read && read.getProcessor() != null
                        ? fieldPath(read.getProcessor().getParsingContext()) : null;
        if (field == null || field.isEmpty()) {
            return respond(Problem.of(400, "malformed-body", "Malformed request body",
                    "The request body is not valid JSON.")).build();
        }
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                "The request has invalid fields.",
                List.of(new FieldError(field, message(e))), null)).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return askForCredentials(uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        // A login that is throttled or locked fails with the 429 that explains it.
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem);
        }
        // The accounts could not be read: the credentials may well be right, so no challenge, but "try again".
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e);
        }
        return askForCredentials(uri);
    }

    /** The dashboard's pages send a person to the login form; the API answers a script with a challenge. */
    private static Response askForCredentials(UriInfo uri) {
        String path = "/" + uri.getPath().replaceFirst("^/+", "");
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return Response.seeOther(URI.create("/admin/login")).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return respond(Problem.of(401, "unauthorized", "Unauthorized", "Credentials are required."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Frontdesk\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this.")).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        // A person who followed a broken link gets a page in the site's layout, not a JSON document.
        if (status == 404 && ErrorPages.isBrowserPage(headers, uri)) {
            return errorPages.notFound(headers);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return serverError();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Client error";
        Response.ResponseBuilder answer = respond(Problem.of(status, slug(title), title, detailFor(status)));
        copyHeader(original, answer, HttpHeaders.ALLOW);
        copyHeader(original, answer, HttpHeaders.RETRY_AFTER);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causes(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("Unexpected failure", e);
        return serverError();
    }

    /**
     * PostgreSQL is restarting, failing over or out of reach: nothing was committed, and the same request is likely to
     * work in a few seconds, so the client is told to try again rather than shown a failure of ours. One line in the
     * log, not a stack trace per request while the outage lasts.
     */
    private static Response databaseUnavailable(Throwable e) {
        LOG.warnf("Database unavailable, answered 503: %s", DatabaseUnavailable.reason(e));
        return respond(Problem.of(503, "database-unavailable", "Service Unavailable",
                "The service cannot reach its database just now. Nothing was saved; please try again shortly."))
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
    }

    private static Response violations(ConstraintViolationException e) {
        List<FieldError> errors = fieldErrors(e.getConstraintViolations());
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                "The request has invalid fields.", errors, null)).build();
    }

    /** Each failing field once per message, in a stable order. */
    public static List<FieldError> fieldErrors(java.util.Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    /**
     * The name of the failing field as the client knows it: the path inside the request body, or the name of
     * the query or form parameter, without the Java method that received it.
     */
    private static String field(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getIndex() != null && path.length() > 0) {
                        path.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (path.length() > 0) {
                            path.append('.');
                        }
                        path.append(node.getName());
                    }
                }
            }
        }
        if (path.length() > 0) {
            return path.toString();
        }
        return parameter != null ? parameter : "body";
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof PlainText.Refused) {
            return PlainText.MESSAGE;
        }
        if (repeatedKey(e)) {
            return "appears more than once";
        }
        return "has the wrong type or format";
    }

    private static boolean repeatedKey(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
    }

    /**
     * Where the parser stopped, for a syntax error such as a repeated key: the field being read, with the objects
     * and arrays around it. Empty at the top level.
     */
    private static String fieldPath(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                parts.addFirst("." + at.getCurrentName());
            } else if (at.inArray()) {
                parts.addFirst("[" + Math.max(0, at.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the media type you accept.";
            case 413 -> "The request body is larger than 64 KiB.";
            case 415 -> "This address does not accept that content type.";
            default -> "The request cannot be handled.";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        Object value = from.getHeaders().getFirst(name);
        if (value == null) {
            value = from.getStringHeaders().getFirst(name);
        }
        if (value != null) {
            to.header(name, value);
        }
    }

    private static Response serverError() {
        return respond(Problem.of(500, "internal", "Internal Server Error",
                "Something went wrong on our side. Please try again later.")).build();
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

}
