package ch.frontdesk.tickets;

import ch.frontdesk.common.FieldError;
import ch.frontdesk.common.FormFields;
import ch.frontdesk.tickets.TicketBodies.Person;
import ch.frontdesk.tickets.TicketBodies.PlaceOrder;
import ch.frontdesk.tickets.TicketBodies.TicketRequest;
import ch.frontdesk.tickets.TicketBodies.TicketTypeView;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's order form as a browser posts it: a quantity per ticket type ({@code quantity.<code>}), then, once the
 * tickets are chosen, one attendee per ticket under the API's own field names ({@code tickets[0].attendee.name}),
 * the buyer, the voucher, the payment method and the consent; and the waiting-list offer ({@code waitlistOffer}) the
 * buyer came with from the offer email, if any. It is not checked here: it becomes the
 * {@link PlaceOrder} the API takes, which is checked as the API checks it.
 */
record ShopForm(String action, Map<String, String> quantities, List<AttendeeInput> attendees, String email,
        String name, String voucher, String paymentMethod, String consent, String lang, String idempotencyKey,
        String waitlistOffer) {

    /** The most attendee lines read from a form: as many as an order may have. */
    static final int MAX_LINES = 100;
    static final String QUANTITY = "quantity.";

    static final ShopForm EMPTY = new ShopForm(null, Map.of(), List.of(), "", "", "", "invoice", null, null, null,
            null);

    /** One attendee as typed, with the ticket type its fieldset was for. */
    record AttendeeInput(String type, String name, String email) {
    }

    /** The tickets the quantities ask for, one type code per ticket, or what is wrong with the quantities. */
    record Lines(List<String> typeCodes, List<FieldError> errors) {
    }

    static ShopForm read(MultivaluedMap<String, String> fields) {
        Map<String, String> quantities = new LinkedHashMap<>();
        fields.forEach((key, values) -> {
            if (key.startsWith(QUANTITY) && !values.isEmpty()) {
                quantities.put(key.substring(QUANTITY.length()), values.get(0));
            }
        });
        List<AttendeeInput> attendees = new ArrayList<>();
        for (int i = 0; i < MAX_LINES && fields.containsKey("tickets[" + i + "].type"); i++) {
            String prefix = "tickets[" + i + "].";
            attendees.add(new AttendeeInput(first(fields, prefix + "type"), first(fields, prefix + "attendee.name"),
                    first(fields, prefix + "attendee.email")));
        }
        return new ShopForm(first(fields, "action"), quantities, List.copyOf(attendees), first(fields, "email"),
                first(fields, "name"), first(fields, "voucher"), first(fields, "paymentMethod"),
                first(fields, "consent"), first(fields, "lang"), first(fields, "idempotencyKey"),
                blank(first(fields, "waitlistOffer")) ? null : first(fields, "waitlistOffer").strip());
    }

    private static String first(MultivaluedMap<String, String> fields, String key) {
        return fields.getFirst(key);
    }

    /** The same form with the waiting-list offer it comes with (from the offer link). */
    ShopForm withOffer(String token) {
        return new ShopForm(action, quantities, attendees, email, name, voucher, paymentMethod, consent, lang,
                idempotencyKey, token);
    }

    /**
     * The same form with {@code quantity} tickets of type {@code code}: the seats a waiting-list offer holds are
     * ordered as offered, whatever the (read-only) field was sent with.
     */
    ShopForm withQuantity(String code, int quantity) {
        Map<String, String> fixed = new LinkedHashMap<>(quantities);
        fixed.put(code, Integer.toString(quantity));
        return new ShopForm(action, Collections.unmodifiableMap(fixed), attendees, email, name, voucher, paymentMethod, consent, lang,
                idempotencyKey, waitlistOffer);
    }

    boolean wantsOrder() {
        return "order".equals(action);
    }

    /**
     * One type code per ticket, in the order the shop lists the types. A quantity must be a whole number from 0 to
     * the type's most per order; an empty one is 0.
     */
    Lines lines(List<TicketTypeView> types) {
        List<String> codes = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (TicketTypeView type : types) {
            String raw = quantities.get(type.code());
            int count;
            try {
                count = raw == null || raw.isBlank() ? 0 : Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0 || count > type.maxPerOrder()) {
                errors.add(new FieldError(QUANTITY + type.code(), "must be from 0 to " + type.maxPerOrder()));
                continue;
            }
            for (int i = 0; i < count; i++) {
                codes.add(type.code());
            }
        }
        return new Lines(List.copyOf(codes), List.copyOf(errors));
    }

    /** Whether the attendees posted are exactly the tickets the quantities ask for: the buyer saw this order. */
    boolean attendeesMatch(List<String> typeCodes) {
        return attendees.stream().map(AttendeeInput::type).toList().equals(typeCodes);
    }

    /**
     * The attendees for these tickets, keeping what the buyer typed for the n-th ticket of each type, so changing a
     * quantity keeps the names already typed.
     */
    List<AttendeeInput> attendeesFor(List<String> typeCodes) {
        Map<String, Deque<AttendeeInput>> typed = new HashMap<>();
        attendees.forEach(a -> typed.computeIfAbsent(a.type(), t -> new ArrayDeque<>()).add(a));
        List<AttendeeInput> result = new ArrayList<>();
        for (String code : typeCodes) {
            Deque<AttendeeInput> left = typed.get(code);
            result.add(left == null || left.isEmpty() ? new AttendeeInput(code, "", "") : left.poll());
        }
        return result;
    }

    /**
     * The order the API would be sent. An attendee whose email is left empty gets the ticket at the buyer's
     * address, as the form says.
     */
    PlaceOrder request() {
        List<TicketRequest> tickets = attendees.stream()
                .map(a -> new TicketRequest(a.type(), new Person(blank(a.email()) ? email : a.email(), a.name())))
                .toList();
        return new PlaceOrder(new Person(email, name), tickets, blank(voucher) ? null : voucher.strip(),
                blank(paymentMethod) ? null : paymentMethod, FormFields.checked(consent), waitlistOffer, lang);
    }

    /** The attendees whose email was left empty: an error about the buyer's email is not repeated for them. */
    boolean emailLeftEmpty(int index) {
        return index < attendees.size() && blank(attendees.get(index).email());
    }

    boolean consentGiven() {
        return Boolean.TRUE.equals(FormFields.checked(consent));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
