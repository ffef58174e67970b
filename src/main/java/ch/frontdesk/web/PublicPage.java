package ch.frontdesk.web;

import ch.frontdesk.common.Language;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the layout needs to know about the page it frames: its language and its path, so the language switch can
 * link to the same page in the other languages, and every link can keep the reader's language.
 */
@TemplateData
public record PublicPage(Language language, String path) {

    /** The language's code, for {@code <html lang>} and the forms' hidden {@code lang} field. */
    public String lang() {
        return language.code();
    }

    /** {@code path} in this page's language: {@code /support?lang=fr}. */
    public String link(String target) {
        return withLanguage(target, language);
    }

    /** This page in another language, for the language switch. */
    public String in(String code) {
        return withLanguage(path, Language.of(code).orElse(Language.DEFAULT));
    }

    /** Whether this page is shown in the language with {@code code}: the switch marks the current one. */
    public boolean isIn(String code) {
        return language.code().equals(code);
    }

    static String withLanguage(String target, Language language) {
        String withoutLang = target.replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return withoutLang + (withoutLang.contains("?") ? "&" : "?") + "lang="
                + URLEncoder.encode(language.code(), StandardCharsets.UTF_8);
    }
}
