package ch.frontdesk.admin;

import ch.frontdesk.common.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The query parameters of an admin list, as received. Paging is read here; sort, search and filters are checked
 * against the list's own whitelist by {@link AdminList}.
 */
public record ListRequest(int page, int size, MultivaluedMap<String, String> parameters) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static ListRequest of(UriInfo uri) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        return new ListRequest(number(parameters, "page", 0, 0, Integer.MAX_VALUE),
                number(parameters, "size", DEFAULT_SIZE, 1, MAX_SIZE), parameters);
    }

    /** A parameter's value, trimmed; blank counts as absent, as an empty form field would send it. */
    public Optional<String> get(String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int number(MultivaluedMap<String, String> parameters, String name, int fallback, int min, int max) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as for an out-of-range number
        }
        throw ProblemException.invalid(name, max == Integer.MAX_VALUE
                ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max);
    }
}
