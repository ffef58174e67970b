package ch.frontdesk.web;

import ch.frontdesk.common.FieldError;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.ProblemMapper;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * How a public page answers: rendered in the reader's language inside the shared layout, or, after a form post that
 * worked, a {@code 303} to the next page in the same language. A form that failed is shown again with its errors,
 * with the status the API would have answered.
 */
@ApplicationScoped
public class Pages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final Validator validator;

    Pages(Validator validator) {
        this.validator = validator;
    }

    /**
     * The language to show a page in: {@code ?lang=} or the form's {@code lang} field, else the browser's
     * {@code Accept-Language}, else English.
     */
    public static Language language(String lang, HttpHeaders headers) {
        return Language.resolve(lang, headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The language a form post stated, for the contact: null when it stated none. */
    public static Language stated(String lang, HttpHeaders headers) {
        return Language.stated(lang, headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(null);
    }

    /** {@code template} rendered in {@code page}'s language, framed by the layout. */
    public Response show(int status, TemplateInstance template, PublicPage page) {
        String html = template.data("page", page).setLocale(page.language().locale()).render();
        return Response.status(status).type(HTML).entity(html).build();
    }

    /** {@code 200} with {@code template}. */
    public Response show(TemplateInstance template, PublicPage page) {
        return show(200, template, page);
    }

    /** After a form post that worked: the next page, in the reader's language. */
    public static Response seeOther(String path, Language language) {
        return Response.seeOther(URI.create(PublicPage.withLanguage(path, language))).build();
    }

    /**
     * Checks a request built from a form with the same Bean Validation rules as the API applies to JSON, so a form
     * and a script are refused alike; the refusal names the fields as the API does.
     */
    public <T> T check(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldError> errors = ProblemMapper.fieldErrors(violations);
            throw ProblemException.invalid(errors);
        }
        return request;
    }
}
