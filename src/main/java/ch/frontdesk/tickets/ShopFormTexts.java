package ch.frontdesk.tickets;

import ch.frontdesk.web.FormTexts;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The shop's own words for what went wrong with its forms: its fields (tickets, attendees, voucher) and problems. */
final class ShopFormTexts implements FormTexts {

    private static final Pattern ATTENDEE_NAME = Pattern.compile("tickets\\[\\d+]\\.attendee\\.name");
    private static final Pattern ATTENDEE_EMAIL = Pattern.compile("tickets\\[\\d+]\\.attendee\\.email");
    private static final Pattern LINE_TYPE = Pattern.compile("tickets\\[\\d+]\\.type");

    private final ShopMessages words;
    private final Map<String, Integer> maxPerOrder;

    /** {@code maxPerOrder}: the most tickets of each type (by code) one order may hold, for the quantity fields. */
    ShopFormTexts(ShopMessages words, Map<String, Integer> maxPerOrder) {
        this.words = words;
        this.maxPerOrder = maxPerOrder;
    }

    @Override
    public Optional<String> forField(String field) {
        if (field.startsWith(ShopForm.QUANTITY)) {
            return Optional.of(words.error_quantity(
                    maxPerOrder.getOrDefault(field.substring(ShopForm.QUANTITY.length()), 0)));
        }
        if (field.equals("tickets") || LINE_TYPE.matcher(field).matches() || field.equals("type")) {
            return Optional.of(field.equals("tickets") ? words.error_tickets() : words.error_type());
        }
        if (ATTENDEE_NAME.matcher(field).matches()) {
            return Optional.of(words.error_attendee_name());
        }
        if (ATTENDEE_EMAIL.matcher(field).matches()) {
            return Optional.of(words.error_attendee_email());
        }
        return switch (field) {
            case "voucher" -> Optional.of(words.error_voucher());
            case "paymentMethod" -> Optional.of(words.error_payment());
            case "quantity" -> Optional.of(words.error_waitlist_quantity());
            case "waitlistOffer" -> Optional.of(words.offer_lapsed());
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<String> forProblem(String slug) {
        return switch (slug) {
            case "sold-out" -> Optional.of(words.problem_sold_out());
            case "sales-closed" -> Optional.of(words.problem_sales_closed());
            case "too-many-unpaid-seats" -> Optional.of(words.problem_unpaid_seats());
            case "voucher-refused" -> Optional.of(words.problem_voucher());
            case "payment-method-unavailable" -> Optional.of(words.error_payment());
            default -> Optional.empty();
        };
    }
}
