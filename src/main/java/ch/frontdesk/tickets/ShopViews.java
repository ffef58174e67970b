package ch.frontdesk.tickets;

import ch.frontdesk.web.FormErrors;
import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What the shop's templates show, already worded and formatted in the page's language and the event's time zone:
 * the templates only place strings and choose texts from the {@code shop} bundle.
 */
public final class ShopViews {

    private ShopViews() {
    }

    /** An event on the events page. */
    @TemplateData
    public record EventCard(String name, String dates, String venue, String link) {
    }

    /** The shop of one event, with its ticket types. */
    @TemplateData
    public record ShopView(String slug, String name, String dates, String venue, boolean salesOpen,
            boolean anyAvailable, boolean cardPayment, String orderAction, String waitlistAction,
            List<TypeCard> types) {
    }

    /**
     * A ticket type: the price an order placed now pays, the early-bird label and its end, the regular price after
     * it, and what is left; {@code quantity} is what the buyer typed in its quantity field. {@code offered}: the
     * reader holds a waiting-list offer on this type, whose seats are theirs to order (at the offered quantity).
     */
    @TemplateData
    public record TypeCard(String code, String name, String description, String price, boolean earlyBird,
            String earlyBirdEnds, String regularPrice, int seatsLeft, boolean fewLeft, boolean soldOut,
            int maxPerOrder, String quantity, boolean offered) {

        /** The name of its quantity field in the order form. */
        public String quantityField() {
            return "quantity." + code;
        }
    }

    /**
     * The waiting-list offer the reader came with: {@code held} when an order placed now can take it up (then the
     * form carries {@code token}), {@code lapsed} when it is unknown, taken up or past its time.
     */
    @TemplateData
    public record OfferView(boolean held, boolean lapsed, String token, String typeName, int quantity, String until) {

        static final OfferView NONE = new OfferView(false, false, null, null, 0, null);
        static final OfferView LAPSED = new OfferView(false, true, null, null, 0, null);
    }

    /** The order form as the buyer left it, with one attendee per chosen ticket once the tickets are chosen. */
    @TemplateData
    public record OrderFormView(String email, String name, String voucher, String paymentMethod, boolean consent,
            List<AttendeeView> attendees, String idempotencyKey, boolean checkAgain) {

        /** Whether the attendees and the summary are shown: the step where the order can be placed. */
        public boolean reviewed() {
            return !attendees.isEmpty();
        }

        public boolean card() {
            return "card".equals(paymentMethod);
        }
    }

    /** The attendee of the ticket at {@code index}; the field names are the API's, so errors find their field. */
    @TemplateData
    public record AttendeeView(int index, String typeCode, String typeName, String name, String email) {

        public int number() {
            return index + 1;
        }

        public String typeField() {
            return "tickets[" + index + "].type";
        }

        public String nameField() {
            return "tickets[" + index + "].attendee.name";
        }

        public String emailField() {
            return "tickets[" + index + "].attendee.email";
        }
    }

    /** The total before ordering, priced as an order placed now would be. */
    @TemplateData
    public record SummaryView(List<SummaryLine> lines, String total, boolean voucherApplied) {
    }

    /** One ticket of the summary: {@code listPrice} before the voucher, {@code price} after it. */
    @TemplateData
    public record SummaryLine(String typeName, boolean earlyBird, String listPrice, String price,
            boolean discounted) {
    }

    /** The waiting-list form of one sold-out type as last posted, with its errors; blank for the others. */
    @TemplateData
    public record WaitlistView(String type, String email, String name, String quantity, FormErrors errors) {

        static WaitlistView blank(String type) {
            return new WaitlistView(type, "", "", "1", FormErrors.none());
        }

        /** The id of an input of this form: every sold-out type has its own form on the page. */
        public String id(String field) {
            return "waitlist-" + type + "-" + field;
        }
    }

    /** The waiting-list form that was posted, if any, so the page shows its values and errors in that form only. */
    @TemplateData
    public record WaitlistPost(WaitlistView posted) {

        static final WaitlistPost NONE = new WaitlistPost(null);

        public WaitlistView forType(String type) {
            return posted != null && posted.type().equals(type) ? posted : WaitlistView.blank(type);
        }
    }

    /** The order page: the order, how to pay it while it waits for payment, its tickets, and whether it can be cancelled. */
    @TemplateData
    public record OrderPageView(String eventName, String dates, String venue, String shopPath, String buyerName,
            String status, String total, boolean awaitingInvoice, String reference, String heldUntil,
            String checkoutUrl, String bankHolder, String bankIban, String bankName, List<OrderTicket> tickets,
            boolean cancellable, String cancelAction, String cancelUntil) {

        public boolean pending() {
            return "pending_payment".equals(status);
        }

        public boolean confirmed() {
            return "confirmed".equals(status);
        }

        public boolean cancelled() {
            return "cancelled".equals(status);
        }
    }

    /** A ticket of the order page. */
    @TemplateData
    public record OrderTicket(String attendee, String typeName, String price, boolean earlyBird, String code,
            String checkedInAt) {
    }
}
