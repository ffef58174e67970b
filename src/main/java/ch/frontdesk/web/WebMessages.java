package ch.frontdesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts every public page shares: the layout, the error page, and what is wrong with a form field. The texts are
 * in {@code messages/web_en.properties}, {@code web_fr.properties} and {@code web_de.properties}; templates use
 * them as {@code {web:nav_newsletter}}.
 */
@MessageBundle(value = "web", locale = "en")
public interface WebMessages {

    @Message
    String nav_newsletter();

    @Message
    String nav_support();

    @Message
    String nav_summit();

    @Message
    String language_switch();

    @Message
    String footer();

    @Message
    String skip_to_content();

    @Message
    String error_title();

    @Message
    String error_back();

    @Message
    String errors_intro();

    @Message
    String problem_generic();

    @Message
    String problem_validation();

    @Message
    String problem_not_found();

    @Message
    String problem_gone();

    @Message
    String problem_too_many_requests();

    @Message
    String problem_unavailable();

    @Message
    String problem_conflict();

    @Message
    String field_invalid();

    @Message
    String field_email();

    @Message
    String field_name();

    @Message
    String field_consent();

    @Message
    String field_token();

    @Message
    String submitting();

    /** Shown by the form script when a form could not be sent at all (no connection). */
    @Message
    String offline();
}
