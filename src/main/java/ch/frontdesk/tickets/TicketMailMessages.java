package ch.frontdesk.tickets;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of every ticket email, subjects included, in English, French and German: the texts are in
 * {@code messages/ticketmail_en.properties}, {@code _fr} and {@code _de}. The mail templates use them as
 * {@code {ticketmail:see_order}}; {@link TicketMails} takes the subjects from the recipient's language. The values
 * filled in (dates, amounts) come formatted for that language already.
 */
@MessageBundle(value = "ticketmail", locale = "en")
public interface TicketMailMessages {

    /** The language code of the mail's {@code <html lang>}. */
    @Message
    String lang();

    @Message
    String greeting(String name);

    /** The greeting when no name is left to show (a typed name that was all link). */
    @Message
    String greeting_anonymous();

    @Message
    String see_order();

    @Message
    String see_or_cancel_order();

    @Message
    String total();

    /** Between a label and its value: {@code :} in English and German, a no-break space and {@code :} in French. */
    @Message
    String colon();

    /** What a ticket line shows when the attendee's name was all link and nothing of it is left. */
    @Message
    String attendee_unnamed();

    @Message
    String label_early_bird();

    @Message
    String label_regular();

    @Message
    String ticket_code_label();

    @Message
    String payment_heading();

    @Message
    String payment_amount();

    @Message
    String payment_holder();

    @Message
    String payment_iban();

    @Message
    String payment_bank();

    @Message
    String payment_reference();

    @Message
    String payment_reference_note();

    // --- waiting list: confirm the place ---

    @Message
    String subject_waitlist_confirmation(String event);

    @Message
    String waitlist_confirm_intro(int quantity, String type, String event);

    @Message
    String waitlist_confirm_line();

    @Message
    String waitlist_confirm_button();

    @Message
    String waitlist_confirm_validity(String validFor);

    @Message
    String valid_days(long days);

    @Message
    String valid_hours(long hours);

    // --- invoice order: payment details ---

    @Message
    String subject_order_received(String event);

    @Message
    String order_received_intro(String event, String dueBy);

    @Message
    String order_received_pay();

    // --- paid order ---

    @Message
    String subject_order_confirmed(String event);

    @Message
    String order_confirmed_intro(String event, String dates, String venue);

    @Message
    String order_confirmed_tickets();

    // --- the attendee's ticket ---

    @Message
    String subject_ticket(String event);

    @Message
    String ticket_intro(String event, String dates, String venue);

    @Message
    String ticket_qr_alt();

    @Message
    String ticket_show_code();

    @Message
    String ticket_show_qr();

    @Message
    String ticket_calendar();

    // --- cancelled, expired ---

    @Message
    String subject_order_cancelled(String event);

    @Message
    String order_cancelled_text(String event);

    @Message
    String subject_order_expired(String event);

    @Message
    String order_expired_text(String event);

    // --- waiting list: seats offered ---

    @Message
    String subject_waitlist_offer(String event);

    @Message
    String waitlist_offer_intro(int quantity, String type, String event, String until);

    @Message
    String waitlist_offer_order();

    @Message
    String waitlist_offer_code();

    @Message
    String waitlist_offer_lapse();

    // --- invoice order: reminder ---

    @Message
    String subject_order_reminder(String event, String dueBy);

    @Message
    String order_reminder_intro(String event, String dueBy);

    @Message
    String order_reminder_paid();
}
