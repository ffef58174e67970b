package ch.frontdesk.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stripe's webhook endpoint. The raw body is read as it came, since the signature covers its exact bytes. */
@Path("/api/payments/stripe/webhook")
@Tag(name = "Payments")
public class StripeWebhookResource {

    private final StripeWebhooks webhooks;

    StripeWebhookResource(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Stripe event: 200 when handled or ignored, 400 when the signature is bad.")
    public Map<String, Boolean> receive(byte[] payload, @HeaderParam("Stripe-Signature") String signature) {
        webhooks.receive(payload, signature);
        return Map.of("received", true);
    }
}
