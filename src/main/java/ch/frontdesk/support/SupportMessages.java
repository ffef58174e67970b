package ch.frontdesk.support;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of paid support: the {@code /support} page, its thank-you and cancel pages, and every supporter email
 * with its subject. The texts are in {@code messages/support_en.properties}, {@code support_fr.properties} and
 * {@code support_de.properties}; templates use them as {@code {support:page_title}}. Texts are plain: templates add
 * the markup, so a name or a tier typed by someone is always escaped.
 */
@MessageBundle(value = "support", locale = "en")
public interface SupportMessages {

    // How often a pledge is paid, after its amount: "CHF 5.00 per month".

    @Message
    String interval_month();

    @Message
    String interval_year();

    @Message
    String interval_once();

    // The /support page.

    @Message
    String page_title();

    @Message
    String page_heading();

    @Message
    String page_intro();

    @Message
    String tiers_legend();

    @Message
    String no_tiers();

    @Message
    String email_label();

    @Message
    String name_label();

    @Message
    String consent_label();

    @Message
    String payment_legend();

    @Message
    String payment_invoice();

    @Message
    String payment_card();

    @Message
    String payment_invoice_only();

    @Message
    String submit();

    @Message
    String field_tier();

    @Message
    String field_payment_method();

    @Message
    String problem_too_many_requests();

    @Message
    String problem_payment_method_unavailable();

    @Message
    String problem_payment_provider_unavailable();

    /** What the supporter agreed to, as kept in their consent record. */
    @Message
    String consent_record(String amount, String interval);

    /** The line on Stripe's checkout page. */
    @Message
    String checkout_description(String tier);

    // The thank-you page.

    @Message
    String thanks_title();

    @Message
    String thanks_heading();

    @Message
    String thanks_invoice();

    @Message
    String thanks_card();

    // The cancel link's page, and the answer to its button.

    @Message
    String cancel_title();

    @Message
    String cancel_question();

    @Message
    String cancel_explain();

    @Message
    String cancel_button();

    @Message
    String cancelled_title();

    @Message
    String cancelled_heading();

    @Message
    String cancelled_stays_active();

    @Message
    String cancelled_thanks();

    @Message
    String link_invalid_heading();

    @Message
    String link_invalid_text();

    // Emails: subjects.

    @Message
    String subject_invoice();

    @Message
    String subject_invoice_renewal();

    @Message
    String subject_receipt();

    @Message
    String subject_renewal_reminder(String date);

    @Message
    String subject_payment_failed();

    @Message
    String subject_cancelled();

    // Emails: bodies.

    @Message
    String mail_greeting();

    @Message
    String mail_greeting_named(String name);

    @Message
    String invoice_first(String tier);

    @Message
    String invoice_renewal(String tier);

    @Message
    String invoice_transfer(String amount, String dueBy);

    @Message
    String invoice_account_holder();

    @Message
    String invoice_iban();

    @Message
    String invoice_bank();

    @Message
    String invoice_reference();

    @Message
    String invoice_qr_bill();

    @Message
    String receipt_received(String amount, String paidOn, String tier);

    @Message
    String receipt_paid_until(String paidUntil);

    @Message
    String receipt_thanks();

    @Message
    String reminder_renews(String tier, String amount, String renewsOn);

    @Message
    String cancelled_mail(String tier);

    @Message
    String cancelled_mail_until(String tier, String activeUntil);

    @Message
    String cancelled_mail_thanks();

    @Message
    String payment_failed(String amount, String tier);

    @Message
    String cancel_any_time();

    @Message
    String cancel_after_period();

    @Message
    String cancel_before_renewal();

    @Message
    String cancel_instead();
}
