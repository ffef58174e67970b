package ch.frontdesk.newsletter;

import ch.frontdesk.common.Language;
import ch.frontdesk.contact.ConsentWording;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a person agrees to by ticking the sign-up box, in the language the form showed it: the text next to the
 * checkbox on the home page is the {@code consent} text of the {@code newsletter} bundle, and the consent record keeps
 * that same text in the same language, with the version the wording was published under. A sign-up that stated no
 * language (a script, a form elsewhere) is recorded with the English wording, the one the API documents.
 */
@ApplicationScoped
class NewsletterConsent {

    private final NewsletterConfig config;
    private final Map<Language, String> texts = new EnumMap<>(Language.class);

    NewsletterConsent(NewsletterConfig config) {
        this.config = config;
        for (Language language : Language.values()) {
            texts.put(language, NewsletterMails.messages(language).consent());
        }
    }

    /** The wording shown in {@code language}; English when null. */
    ConsentWording wording(Language language) {
        return new ConsentWording(NewsletterService.CONSENT_PURPOSE, config.consentVersion(),
                texts.get(language == null ? Language.DEFAULT : language));
    }
}
