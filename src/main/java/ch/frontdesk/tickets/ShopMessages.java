package ch.frontdesk.tickets;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the ticket shop's pages (the events, the shop, the order page, the waiting-list pages) and of its
 * form errors. The texts are in {@code messages/shop_en.properties}, {@code shop_fr.properties} and
 * {@code shop_de.properties}; templates use them as {@code {shop:sold_out}}.
 */
@MessageBundle(value = "shop", locale = "en")
public interface ShopMessages {

    @Message
    String events_title();

    @Message
    String events_intro();

    @Message
    String events_none();

    @Message
    String events_link();

    @Message
    String shop_title(String event);

    @Message
    String shop_when();

    @Message
    String shop_where();

    @Message
    String sales_closed();

    @Message
    String tickets_heading();

    @Message
    String price_early_bird();

    @Message
    String price_regular();

    @Message
    String early_bird_until(String until);

    @Message
    String then_price(String price);

    @Message
    String few_seats_left(int seats);

    @Message
    String sold_out();

    @Message
    String order_heading();

    @Message
    String order_all_sold_out();

    @Message
    String quantities_legend();

    @Message
    String review_hint();

    @Message
    String review_check();

    @Message
    String buyer_legend();

    @Message
    String field_email();

    @Message
    String field_name();

    @Message
    String field_voucher();

    @Message
    String payment_legend();

    @Message
    String payment_invoice();

    @Message
    String payment_card();

    @Message
    String payment_invoice_only();

    @Message
    String consent(String event);

    @Message
    String attendee_legend(int number, String type);

    @Message
    String attendee_name();

    @Message
    String attendee_email();

    @Message
    String attendee_email_hint();

    @Message
    String summary_heading();

    @Message
    String summary_ticket();

    @Message
    String summary_price();

    @Message
    String summary_total();

    @Message
    String summary_voucher();

    @Message
    String button_review();

    @Message
    String button_update();

    @Message
    String button_order();

    @Message
    String waitlist_heading();

    @Message
    String waitlist_intro();

    @Message
    String waitlist_quantity();

    @Message
    String waitlist_button();

    @Message
    String waitlist_thanks_title();

    @Message
    String waitlist_thanks_text();

    @Message
    String back_to_shop();

    @Message
    String all_events();

    @Message
    String error_tickets();

    @Message
    String error_quantity(int max);

    @Message
    String error_waitlist_quantity();

    @Message
    String error_attendee_name();

    @Message
    String error_attendee_email();

    @Message
    String error_voucher();

    @Message
    String error_voucher_used_up();

    @Message
    String error_payment();

    @Message
    String error_type();

    @Message
    String problem_sold_out();

    @Message
    String problem_sales_closed();

    @Message
    String problem_unpaid_seats();

    @Message
    String problem_voucher();

    @Message
    String order_title(String event);

    @Message
    String order_thanks(String name);

    @Message
    String order_status();

    @Message
    String status_pending_payment();

    @Message
    String status_confirmed();

    @Message
    String status_cancelled();

    @Message
    String status_expired();

    @Message
    String order_held_until(String until);

    @Message
    String order_pay_invoice(String total, String reference);

    @Message
    String order_bank_holder();

    @Message
    String order_bank_iban();

    @Message
    String order_bank_name();

    @Message
    String order_pay_card();

    @Message
    String order_confirmed_note();

    @Message
    String order_attendee();

    @Message
    String order_code();

    @Message
    String order_checked_in();

    @Message
    String order_cancel();

    @Message
    String order_cancel_note(String until);

    @Message
    String not_found_title();

    @Message
    String wl_confirm_title();

    @Message
    String wl_confirm_text();

    @Message
    String wl_confirm_button();

    @Message
    String wl_done_title();

    @Message
    String wl_done_text();

    @Message
    String wl_expired_title();

    @Message
    String wl_expired_text();

    @Message
    String wl_unknown_title();

    @Message
    String wl_unknown_text();

    @Message
    String wl_confirmed_text();

    @Message
    String offer_held(int quantity, String type, String until);

    @Message
    String offer_badge();

    @Message
    String offer_lapsed();
}
