package ch.frontdesk.newsletter;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The newsletter's texts: the home page, the pages behind the emailed links, and the emails with their subjects. The
 * texts are in {@code messages/newsletter_en.properties}, {@code newsletter_fr.properties} and
 * {@code newsletter_de.properties}; templates use them as {@code {newsletter:confirm_button}}.
 */
@MessageBundle(value = "newsletter", locale = "en")
public interface NewsletterMessages {


    /** The home page's title after the publication's name. */
    @Message
    String home_title();

    @Message
    String home_intro();

    @Message
    String home_free();

    @Message
    String form_heading();

    @Message
    String form_email();

    @Message
    String form_name();

    @Message
    String form_note();

    @Message
    String form_submit();

    /** The consent wording next to the checkbox, stored with every sign-up as proof of what was agreed to. Changing it means a new frontdesk.newsletter.consent-version. */
    @Message
    String consent();

    @Message
    String more_heading();

    @Message
    String support_heading();

    @Message
    String support_text();

    @Message
    String summit_heading();

    @Message
    String summit_text();

    @Message
    String thanks_heading();

    @Message
    String thanks_text();

    @Message
    String thanks_spam();

    @Message
    String confirm_heading();

    @Message
    String confirm_text();

    @Message
    String confirm_button();

    @Message
    String confirm_expired_heading();

    @Message
    String confirm_expired_text(long hours);

    @Message
    String link_invalid_heading();

    @Message
    String confirm_invalid_text();

    @Message
    String subscribed_heading();

    @Message
    String confirm_done_text();

    @Message
    String confirmed_title();

    @Message
    String confirmed_text();

    @Message
    String back_home();

    @Message
    String unsubscribe_heading();

    @Message
    String unsubscribe_text();

    @Message
    String unsubscribe_button();

    @Message
    String unsubscribed_heading();

    @Message
    String unsubscribed_text();

    @Message
    String unsubscribe_invalid_text();

    @Message
    String resubscribe();

    @Message
    String mail_hello();

    @Message
    String mail_hello_name(String name);

    @Message
    String mail_footer();

    @Message
    String confirmation_subject();

    @Message
    String confirmation_intro();

    @Message
    String confirmation_valid(long hours);

    @Message
    String confirmation_decline();

    @Message
    String welcome_subject();

    @Message
    String welcome_intro();

    @Message
    String welcome_support();

    @Message
    String welcome_unsubscribe();

    @Message
    String welcome_unsubscribe_link();
}
