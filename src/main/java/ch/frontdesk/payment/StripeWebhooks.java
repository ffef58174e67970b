package ch.frontdesk.payment;

import ch.frontdesk.common.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Receives Stripe's webhook events: the signature is checked before anything else, each event becomes one of our
 * {@link PaymentEvent}s, each event id is handled once, and the features observe the event in the same
 * transaction that records it.
 */
@ApplicationScoped
public class StripeWebhooks {

    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class);

    private final StripeConfig config;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Event<PaymentEvent> observers;
    private final Event<PaymentEventReceived> received;
    private final PaymentGateway gateway;
    private final Clock clock;

    StripeWebhooks(StripeConfig config, ObjectMapper json, EntityManager em, Event<PaymentEvent> observers,
            Event<PaymentEventReceived> received, PaymentGateway gateway, Clock clock) {
        this.config = config;
        this.json = json;
        this.em = em;
        this.observers = observers;
        this.received = received;
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Handles one event. The body stays bytes until its signature is checked: decoding first could change what
     * the signature is compared against. Everything that calls Stripe (reading a subscription, giving money back)
     * happens before the transaction that records the event, so no lock or connection is held while Stripe
     * answers; if Stripe cannot be reached, the answer is {@code 500} and nothing is recorded, so Stripe sends
     * the event again. A signed event about something Stripe itself no longer knows is ignored with {@code 200}:
     * answering an error would only make Stripe retry it for days.
     */
    public void receive(byte[] payload, String signatureHeader) {
        verify(payload, signatureHeader);
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (IOException e) {
            throw new ProblemException(400, "malformed-body", "Malformed request body", "The event is not JSON.");
        }
        String id = event == null ? null : event.path("id").asText(null);
        String type = event == null ? null : event.path("type").asText(null);
        if (id == null || type == null) {
            throw ProblemException.invalid("id", "an event needs an id and a type");
        }
        if (alreadyHandled(id)) {
            LOG.debugf("Stripe event %s was already handled", id);
            return;
        }
        Optional<PaymentEvent> ours;
        try {
            ours = StripeEventMapping.map(id, type, event.path("data").path("object"), gateway);
            ours.ifPresent(e -> received.fire(new PaymentEventReceived(e)));
        } catch (UnknownAtStripeException e) {
            LOG.infof("Stripe event %s (%s) is about an object Stripe does not know (%s): ignored", id, type,
                    e.getMessage());
            return;
        } catch (PaymentProviderException e) {
            throw new ProblemException(500, "payment-provider-unavailable", "Payment provider unavailable",
                    "Stripe could not be reached while handling the event; it was not recorded and can be sent again.");
        }
        QuarkusTransaction.requiringNew().run(() -> record(id, type, ours));
    }

    private boolean alreadyHandled(String id) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "select 1 from stripe_event where id = ?1").setParameter(1, id).getResultList().isEmpty());
    }

    /** Records the event as handled and lets the features apply it, all or nothing; a repeat does nothing. */
    private void record(String id, String type, Optional<PaymentEvent> event) {
        int first = em.createNativeQuery(
                        "insert into stripe_event (id, type, received_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, id).setParameter(2, type).setParameter(3, clock.instant()).executeUpdate();
        if (first == 0) {
            LOG.debugf("Stripe event %s was handled meanwhile", id);
            return;
        }
        event.ifPresent(observers::fire);
    }

    /**
     * Stripe's scheme: the header holds {@code t=<unix time>} and one or more {@code v1=<hex>}, each an
     * HMAC-SHA256 with the endpoint secret over {@code <t>.<raw body>}. Older than the tolerance is refused too.
     */
    void verify(byte[] payload, String header) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> badSignature("webhooks are not configured"));
        if (header == null || payload == null) {
            throw badSignature("the Stripe-Signature header is missing");
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    throw badSignature("the timestamp is not a number");
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw badSignature("the Stripe-Signature header has no timestamp or no v1 signature");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > config.webhookTolerance().toSeconds()) {
            throw badSignature("the signature timestamp is outside the tolerance");
        }
        byte[] expected = hmac(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), payload);
        for (String signature : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(signature);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw badSignature("no signature matches");
    }

    static byte[] hmac(String secret, String signedPayload) {
        return hmac(secret, signedPayload.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    /** The HMAC over {@code prefix} followed by {@code body}, without copying the body into a string. */
    static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static ProblemException badSignature(String why) {
        return new ProblemException(400, "bad-signature", "Bad signature", "The webhook signature is not valid: " + why + ".");
    }

}
