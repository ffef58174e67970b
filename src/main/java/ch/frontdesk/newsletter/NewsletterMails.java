package ch.frontdesk.newsletter;

import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Language;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.mail.MailRenderer;
import ch.frontdesk.mail.MailText;
import ch.frontdesk.mail.OutgoingMail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The newsletter's emails, in the recipient's language (their contact's, the last one they stated), subjects included.
 * Each carries RFC 8058 one-click unsubscribe headers, so mail clients can offer an unsubscribe button that works
 * without a login. The links in the body carry the language, so the pages they open speak it too.
 */
@ApplicationScoped
class NewsletterMails {

    static final String CONFIRMATION = "newsletter.confirmation";
    static final String WELCOME = "newsletter.welcome";

    @CheckedTemplate(basePath = "newsletter/mail")
    static class Templates {
        static native TemplateInstance confirmation(String lang, String name, String confirmUrl,
                String unsubscribeUrl, long validHours);

        static native TemplateInstance welcome(String lang, String name, String unsubscribeUrl);
    }

    private final FrontdeskConfig frontdesk;
    private final NewsletterConfig config;
    private final MailRenderer renderer;

    NewsletterMails(FrontdeskConfig frontdesk, NewsletterConfig config, MailRenderer renderer) {
        this.frontdesk = frontdesk;
        this.config = config;
        this.renderer = renderer;
    }

    /** The newsletter's texts in {@code language}. */
    static NewsletterMessages messages(Language language) {
        return MessageBundles.get(NewsletterMessages.class, Localized.Literal.of(language.code()));
    }

    OutgoingMail confirmation(Contact contact, String confirmToken, String unsubscribeToken) {
        return confirmation(contact.id, contact.email, contact.name, contact.language, confirmToken,
                unsubscribeToken);
    }

    OutgoingMail confirmation(long contactId, String email, String name, Language language, String confirmToken,
            String unsubscribeToken) {
        String confirmUrl = link("/newsletter/confirm?token=" + confirmToken, language);
        // The address is not confirmed yet: the name is whatever the requester typed.
        var body = renderer.render(Templates.confirmation(language.code(), MailText.requesterName(name), confirmUrl,
                unsubscribePage(unsubscribeToken, language), config.confirmationValidity().toHours()), language);
        return new OutgoingMail(CONFIRMATION, contactId, email, messages(language).confirmation_subject(),
                body.text(), body.html(), unsubscribeHeaders(unsubscribeToken));
    }

    OutgoingMail welcome(Contact contact, String unsubscribeToken) {
        Language language = contact.language;
        var body = renderer.render(Templates.welcome(language.code(), contact.name,
                unsubscribePage(unsubscribeToken, language)), language);
        return new OutgoingMail(WELCOME, contact.id, contact.email, messages(language).welcome_subject(),
                body.text(), body.html(), unsubscribeHeaders(unsubscribeToken));
    }

    /** The page a person opens from the email body: it shows a button, since a GET never unsubscribes. */
    private String unsubscribePage(String token, Language language) {
        return link("/newsletter/unsubscribe?token=" + token, language);
    }

    private String link(String pathAndQuery, Language language) {
        return frontdesk.link(pathAndQuery + "&lang=" + language.code());
    }

    private Map<String, String> unsubscribeHeaders(String token) {
        return Map.of(
                "List-Unsubscribe", "<" + frontdesk.link("/api/newsletter/unsubscribe?token=" + token) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
