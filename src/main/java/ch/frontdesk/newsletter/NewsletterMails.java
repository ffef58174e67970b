package ch.frontdesk.newsletter;

import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.mail.MailRenderer;
import ch.frontdesk.mail.MailText;
import ch.frontdesk.mail.OutgoingMail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The newsletter's emails. Each carries RFC 8058 one-click unsubscribe headers, so mail clients can offer an
 * unsubscribe button that works without a login.
 */
@ApplicationScoped
class NewsletterMails {

    static final String CONFIRMATION = "newsletter.confirmation";
    static final String WELCOME = "newsletter.welcome";

    @CheckedTemplate(basePath = "newsletter/mail")
    static class Templates {
        static native TemplateInstance confirmation(String name, String confirmUrl, String unsubscribeUrl,
                long validHours);

        static native TemplateInstance welcome(String name, String unsubscribeUrl);
    }

    private final FrontdeskConfig frontdesk;
    private final NewsletterConfig config;
    private final MailRenderer renderer;

    NewsletterMails(FrontdeskConfig frontdesk, NewsletterConfig config, MailRenderer renderer) {
        this.frontdesk = frontdesk;
        this.config = config;
        this.renderer = renderer;
    }

    OutgoingMail confirmation(Contact contact, String confirmToken, String unsubscribeToken) {
        return confirmation(contact.id, contact.email, contact.name, confirmToken, unsubscribeToken);
    }

    OutgoingMail confirmation(long contactId, String email, String name, String confirmToken,
            String unsubscribeToken) {
        String confirmUrl = frontdesk.link("/newsletter/confirm?token=" + confirmToken);
        // The address is not confirmed yet: the name is whatever the requester typed.
        var body = renderer.render(Templates.confirmation(MailText.requesterName(name), confirmUrl,
                unsubscribePage(unsubscribeToken), config.confirmationValidity().toHours()));
        return new OutgoingMail(CONFIRMATION, contactId, email, "Please confirm your subscription to Engineering Prompts",
                body.text(), body.html(), unsubscribeHeaders(unsubscribeToken));
    }

    OutgoingMail welcome(Contact contact, String unsubscribeToken) {
        var body = renderer.render(Templates.welcome(contact.name, unsubscribePage(unsubscribeToken)));
        return new OutgoingMail(WELCOME, contact.id, contact.email, "Welcome to Engineering Prompts",
                body.text(), body.html(), unsubscribeHeaders(unsubscribeToken));
    }

    /** The page a person opens from the email body: it shows a button, since a GET never unsubscribes. */
    private String unsubscribePage(String token) {
        return frontdesk.link("/newsletter/unsubscribe?token=" + token);
    }

    private Map<String, String> unsubscribeHeaders(String token) {
        return Map.of(
                "List-Unsubscribe", "<" + frontdesk.link("/api/newsletter/unsubscribe?token=" + token) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
