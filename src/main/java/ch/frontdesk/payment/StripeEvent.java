package ch.frontdesk.payment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verified Stripe webhook event, seen for the first time. Features observe it synchronously, inside the
 * transaction that records the event id, so an event either leaves its whole effect or none.
 *
 * @param object the event's {@code data.object}
 */
public record StripeEvent(String id, String type, JsonNode object) {

    /** A metadata value we put on the checkout, or null. */
    public String metadata(String key) {
        JsonNode value = object.path("metadata").path(key);
        return value.isTextual() ? value.asText() : null;
    }

    /** The subscription an invoice belongs to, in the older and the newer shape of Stripe's invoice object. */
    public String invoiceSubscription() {
        JsonNode direct = object.path("subscription");
        if (direct.isTextual()) {
            return direct.asText();
        }
        JsonNode parent = object.path("parent").path("subscription_details").path("subscription");
        return parent.isTextual() ? parent.asText() : null;
    }
}
