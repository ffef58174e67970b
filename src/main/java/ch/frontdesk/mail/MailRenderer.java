package ch.frontdesk.mail;

import ch.frontdesk.common.Language;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Renders a type-safe Qute mail template, which has an HTML and a plain-text variant side by side
 * ({@code name.html} and {@code name.txt}), into both parts of a mail, in the recipient's language.
 */
@ApplicationScoped
public class MailRenderer {

    /** Both parts of a mail body. */
    public record Body(String text, String html) {
    }

    /**
     * Renders in {@code language}: the template's message-bundle expressions ({@code {tickets:greeting(name)}}) take
     * that language's texts.
     */
    public Body render(TemplateInstance template, Language language) {
        return render(template.setLocale(language.locale()));
    }

    /** Renders in the default language (English). */
    public Body render(TemplateInstance template) {
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) template.getAttribute(TemplateInstance.VARIANTS);
        if (variants == null) {
            throw new IllegalStateException("A mail template needs an .html and a .txt variant");
        }
        String text = renderVariant(template, variants, Variant.TEXT_PLAIN);
        String html = renderVariant(template, variants, Variant.TEXT_HTML);
        if (text == null) {
            throw new IllegalStateException("Every mail needs a plain-text part");
        }
        return new Body(text, html);
    }

    private static String renderVariant(TemplateInstance template, List<Variant> variants, String contentType) {
        for (Variant variant : variants) {
            if (contentType.equals(variant.getContentType())) {
                return template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
            }
        }
        return null;
    }
}
