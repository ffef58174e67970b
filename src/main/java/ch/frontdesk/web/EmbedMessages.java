package ch.frontdesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the forms organisers embed in their own sites (newsletter, pledge, waiting list), in
 * {@code messages/embed_en.properties}, {@code embed_fr.properties} and {@code embed_de.properties}; the snippet
 * templates use them as {@code {embed:field_email}}.
 */
@MessageBundle(value = "embed", locale = "en")
public interface EmbedMessages {

    @Message
    String field_email();

    @Message
    String field_name();

    @Message
    String field_name_optional();

    @Message
    String offline();

    @Message
    String newsletter_submit();

    @Message
    String pledge_tier();

    @Message
    String pledge_payment();

    @Message
    String pledge_invoice();

    @Message
    String pledge_card();

    @Message
    String pledge_submit();

    @Message
    String tier_month(String name, String amount);

    @Message
    String tier_year(String name, String amount);

    @Message
    String tier_once(String name, String amount);

    @Message
    String waitlist_type();

    @Message
    String waitlist_quantity();

    @Message
    String waitlist_submit();

    @Message
    String navigate_title();

    @Message
    String navigate_link();
}
