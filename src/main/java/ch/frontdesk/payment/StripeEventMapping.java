package ch.frontdesk.payment;

import ch.frontdesk.payment.PaymentEvent.CheckoutCompleted;
import ch.frontdesk.payment.PaymentEvent.CheckoutExpired;
import ch.frontdesk.payment.PaymentEvent.InvoicePaid;
import ch.frontdesk.payment.PaymentEvent.InvoicePaymentFailed;
import ch.frontdesk.payment.PaymentEvent.Disputed;
import ch.frontdesk.payment.PaymentEvent.Refunded;
import ch.frontdesk.payment.PaymentEvent.SubscriptionChanged;
import ch.frontdesk.payment.Subscription.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The only code that reads Stripe's object shapes: events and subscriptions become {@link PaymentEvent}s and
 * {@link Subscription}s. Reading a subscription is a call to Stripe, made here, before any transaction opens.
 */
final class StripeEventMapping {

    private StripeEventMapping() {
    }

    /** Our event for a Stripe event, or empty for a type no feature handles. */
    static Optional<PaymentEvent> map(String id, String type, JsonNode object, PaymentGateway stripe) {
        return Optional.ofNullable(switch (type) {
            case "checkout.session.completed" -> checkoutCompleted(id, object, stripe);
            case "checkout.session.expired" -> new CheckoutExpired(id, text(object, "id"), metadata(object));
            case "invoice.paid" -> new InvoicePaid(id, subscriptionOf(invoiceSubscription(object), stripe),
                    invoicePayment(object), object.path("amount_paid").asLong(0));
            case "invoice.payment_failed" ->
                    new InvoicePaymentFailed(id, subscriptionOf(invoiceSubscription(object), stripe));
            case "customer.subscription.updated", "customer.subscription.deleted" ->
                    new SubscriptionChanged(id, subscriptionOf(text(object, "id"), stripe));
            case "charge.refunded" ->
                    // Stripe copies a payment's metadata to its charge, so the charge names our order too.
                    new Refunded(id, text(object, "payment_intent"), object.path("refunded").asBoolean(false),
                            metadata(object));
            case "charge.dispute.created" -> new Disputed(id, text(object, "payment_intent"));
            default -> null;
        });
    }

    static Subscription subscription(JsonNode subscription) {
        State state = switch (subscription.path("status").asText()) {
            case "active", "trialing" -> State.ACTIVE;
            case "past_due", "unpaid" -> State.PAST_DUE;
            case "canceled", "incomplete_expired" -> State.ENDED;
            default -> State.OTHER;
        };
        // Newer API versions keep the period on the subscription's items.
        long periodEnd = subscription.path("current_period_end").asLong(
                subscription.path("items").path("data").path(0).path("current_period_end").asLong(0));
        return new Subscription(text(subscription, "id"), state,
                periodEnd > 0 ? Instant.ofEpochSecond(periodEnd) : null,
                subscription.path("cancel_at_period_end").asBoolean(false), metadata(subscription));
    }

    private static PaymentEvent checkoutCompleted(String id, JsonNode session, PaymentGateway stripe) {
        String status = session.path("payment_status").asText("");
        // A completed checkout may still wait for a delayed payment method; only money received counts.
        boolean paid = status.equals("paid") || status.equals("no_payment_required");
        String subscriptionId = text(session, "subscription");
        Subscription subscription = paid && subscriptionId != null ? subscriptionOf(subscriptionId, stripe) : null;
        return new CheckoutCompleted(id, text(session, "id"), paid, subscription, text(session, "payment_intent"),
                session.path("amount_total").asLong(0), metadata(session));
    }

    private static Subscription subscriptionOf(String subscriptionId, PaymentGateway stripe) {
        return subscriptionId == null ? null : stripe.subscription(subscriptionId);
    }

    /** The subscription an invoice belongs to, in the older and the newer shape of Stripe's invoice object. */
    private static String invoiceSubscription(JsonNode invoice) {
        String direct = text(invoice, "subscription");
        return direct != null ? direct : text(invoice.path("parent").path("subscription_details"), "subscription");
    }

    /** The payment intent that paid an invoice, in the older shape and in the newer list of payments. */
    private static String invoicePayment(JsonNode invoice) {
        String direct = text(invoice, "payment_intent");
        if (direct != null) {
            return direct;
        }
        for (JsonNode payment : invoice.path("payments").path("data")) {
            String intent = text(payment.path("payment"), "payment_intent");
            if (intent != null) {
                return intent;
            }
        }
        return null;
    }

    private static Map<String, String> metadata(JsonNode object) {
        Map<String, String> metadata = new LinkedHashMap<>();
        object.path("metadata").fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                metadata.put(field.getKey(), field.getValue().asText());
            }
        });
        return Map.copyOf(metadata);
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
