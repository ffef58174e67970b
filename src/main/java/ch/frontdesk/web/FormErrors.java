package ch.frontdesk.web;

import ch.frontdesk.common.FieldError;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.ProblemException;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What went wrong with a submitted form, in the reader's language: a summary at the top and a text per failing field,
 * which the page shows next to that field (with {@code aria-describedby}) while keeping what the reader typed.
 *
 * @param summary what the whole answer says, e.g. "Please correct the marked fields."; null when nothing went wrong
 * @param fields  the text for each failing field, by the field's name in the form
 */
@TemplateData
public record FormErrors(String summary, Map<String, String> fields) {

    private static final FormErrors NONE = new FormErrors(null, Map.of());

    public FormErrors {
        fields = Map.copyOf(fields);
    }

    /** No errors: a form shown for the first time. */
    public static FormErrors none() {
        return NONE;
    }

    /** The errors of a refused request, worded in {@code language}; feature fields through {@code texts}. */
    public static FormErrors of(ProblemException problem, Language language, FormTexts texts) {
        WebMessages words = messages(language);
        Map<String, String> fields = new LinkedHashMap<>();
        List<FieldError> errors = problem.errors();
        for (FieldError error : errors) {
            String field = formField(error.field());
            fields.putIfAbsent(field, texts.forField(error.field()).orElseGet(() -> common(words, field)));
        }
        return new FormErrors(texts.forProblem(problem.slug()).orElseGet(() -> summary(words, problem)), fields);
    }

    /** Whether anything went wrong: the page then shows the summary. */
    public boolean any() {
        return summary != null;
    }

    /** Whether {@code field} failed: the page marks it {@code aria-invalid}. */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The text for {@code field}, or an empty string. */
    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    /** The shared texts in {@code language}. */
    public static WebMessages messages(Language language) {
        return MessageBundles.get(WebMessages.class, Localized.Literal.of(language.code()));
    }

    /**
     * The name of the form input a request field comes from: the API's nested {@code buyer.email} is the form's
     * {@code email}; indexed fields ({@code tickets[0].attendee.name}) keep their index, as forms name them so.
     */
    static String formField(String field) {
        if (field == null) {
            return "";
        }
        return field.startsWith("buyer.") ? field.substring("buyer.".length()) : field;
    }

    private static String common(WebMessages words, String field) {
        String leaf = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return switch (leaf) {
            case "email" -> words.field_email();
            case "name" -> words.field_name();
            case "consent" -> words.field_consent();
            case "token" -> words.field_token();
            default -> words.field_invalid();
        };
    }

    private static String summary(WebMessages words, ProblemException problem) {
        return switch (problem.slug()) {
            case "validation" -> words.problem_validation();
            case "not-found" -> words.problem_not_found();
            case "gone" -> words.problem_gone();
            case "too-many-requests" -> words.problem_too_many_requests();
            case "database-unavailable", "service-unavailable" -> words.problem_unavailable();
            default -> problem.status() == 409 ? words.problem_conflict() : words.problem_generic();
        };
    }
}
