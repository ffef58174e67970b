package ch.frontdesk.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Form;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** {@link PaymentGateway} over Stripe's HTTP API, with Checkout Sessions and one Stripe customer per contact. */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class);
    /** Stripe lets a Checkout Session live between 30 minutes and 24 hours. */
    private static final Duration MIN_SESSION = Duration.ofMinutes(30);
    private static final Duration MAX_SESSION = Duration.ofHours(24);

    private final StripeConfig config;
    private final EntityManager em;
    private final Clock clock;
    private final StripeApi api;

    StripeGateway(StripeConfig config, EntityManager em, Clock clock) {
        this.config = config;
        this.em = em;
        this.clock = clock;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.apiBase()))
                .connectTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(StripeApi.class);
    }

    @Override
    public boolean available() {
        return config.secretKey().filter(key -> !key.isBlank()).isPresent();
    }

    @Override
    public Checkout startCheckout(CheckoutRequest request) {
        String customer = customer(request);
        long earliest = clock.instant().plus(MIN_SESSION).getEpochSecond() + 60;
        long latest = clock.instant().plus(MAX_SESSION).getEpochSecond() - 60;
        long expires = Math.max(earliest, Math.min(latest, request.expiresAt().getEpochSecond()));
        Form form = new Form()
                .param("mode", request.interval() == null ? "payment" : "subscription")
                .param("customer", customer)
                .param("success_url", request.successUrl())
                .param("cancel_url", request.cancelUrl())
                .param("expires_at", Long.toString(expires))
                .param("line_items[0][quantity]", "1")
                .param("line_items[0][price_data][currency]", request.currency().toLowerCase())
                .param("line_items[0][price_data][unit_amount]", Long.toString(request.amount()))
                .param("line_items[0][price_data][product_data][name]", request.description());
        if (request.interval() != null) {
            form.param("line_items[0][price_data][recurring][interval]", request.interval());
        }
        request.metadata().forEach((key, value) -> {
            form.param("metadata[" + key + "]", value);
            if (request.interval() != null) {
                // The subscription carries them too, so invoices and subscription events find their pledge.
                form.param("subscription_data[metadata][" + key + "]", value);
            } else {
                form.param("payment_intent_data[metadata][" + key + "]", value);
            }
        });
        JsonNode session = call("creating a checkout", () ->
                api.createCheckoutSession(auth(), request.idempotencyKey(), form));
        return new Checkout(session.path("id").asText(), session.path("url").asText());
    }

    @Override
    public Subscription subscription(String subscriptionId) {
        return StripeEventMapping.subscription(
                call("reading a subscription", () -> api.subscription(auth(), subscriptionId)));
    }

    @Override
    public void cancelAtPeriodEnd(String subscriptionId, String idempotencyKey) {
        call("cancelling a subscription", () -> api.updateSubscription(auth(), idempotencyKey, subscriptionId,
                new Form().param("cancel_at_period_end", "true")));
    }

    @Override
    public void expireCheckout(String sessionId, String idempotencyKey) {
        call("closing a checkout", () -> api.expireCheckoutSession(auth(), idempotencyKey, sessionId, new Form()));
    }

    @Override
    public void cancelNow(String subscriptionId, String idempotencyKey) {
        call("cancelling a subscription", () -> api.cancelSubscription(auth(), idempotencyKey, subscriptionId));
    }

    @Override
    public void deleteCustomer(String customerId) {
        call("deleting a customer", () -> api.deleteCustomer(auth(), customerId));
    }

    @Override
    public void refund(String paymentIntentId, String idempotencyKey) {
        call("refunding", () -> api.refund(auth(), idempotencyKey, new Form().param("payment_intent", paymentIntentId)));
    }

    /** The contact's Stripe customer, created once (the idempotency key makes a retried creation harmless). */
    private String customer(CheckoutRequest request) {
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select customer_id from stripe_customer where contact_id = ?1")
                .setParameter(1, request.contactId()).getResultList();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        Form form = new Form().param("email", request.email()).param("metadata[contact]", Long.toString(request.contactId()));
        if (request.name() != null) {
            form.param("name", request.name());
        }
        JsonNode customer = call("creating a customer", () ->
                api.createCustomer(auth(), "frontdesk-customer-" + request.contactId(), form));
        String id = customer.path("id").asText();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into stripe_customer (contact_id, customer_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, request.contactId()).setParameter(2, id).executeUpdate());
        return id;
    }

    private String auth() {
        return "Bearer " + config.secretKey().orElseThrow(() -> new PaymentProviderException("card payment is off"));
    }

    private static JsonNode call(String what, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            LOG.warnf("Stripe answered %d while %s", status, what);
            if (status == 404) {
                throw new UnknownAtStripeException(what);
            }
            throw new PaymentProviderException(what);
        } catch (ProcessingException e) {
            LOG.warnf("Stripe could not be reached while %s: %s", what, e.getMessage());
            throw new PaymentProviderException(what);
        }
    }
}
