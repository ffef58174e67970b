package ch.frontdesk.web;

import java.util.Optional;

/**
 * A feature's own words for what went wrong with one of its forms, from its message bundle: a field of its own
 * ({@code voucher}, {@code tier}) or a problem of its own ({@code sold-out}). The fields every form has (email, name,
 * consent) and the common problems are worded by {@link WebMessages}.
 */
public interface FormTexts {

    FormTexts NONE = new FormTexts() {
    };

    /** The text for the field {@code field} (its path in the request, e.g. {@code tickets[1].attendee.name}). */
    default Optional<String> forField(String field) {
        return Optional.empty();
    }

    /** The summary for a problem of type {@code slug}, e.g. {@code sold-out}. */
    default Optional<String> forProblem(String slug) {
        return Optional.empty();
    }
}
