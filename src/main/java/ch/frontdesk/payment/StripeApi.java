package ch.frontdesk.payment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;

/** The few calls of Stripe's HTTP API that Frontdesk makes: form-encoded requests, JSON answers. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
interface StripeApi {

    @POST
    @Path("/customers")
    JsonNode createCustomer(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key,
            Form form);

    @POST
    @Path("/checkout/sessions")
    JsonNode createCheckoutSession(@HeaderParam("Authorization") String auth,
            @HeaderParam("Idempotency-Key") String key, Form form);

    @GET
    @Path("/subscriptions/{id}")
    JsonNode subscription(@HeaderParam("Authorization") String auth, @PathParam("id") String id);

    @POST
    @Path("/subscriptions/{id}")
    JsonNode updateSubscription(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key,
            @PathParam("id") String id, Form form);

    @POST
    @Path("/checkout/sessions/{id}/expire")
    JsonNode expireCheckoutSession(@HeaderParam("Authorization") String auth,
            @HeaderParam("Idempotency-Key") String key, @PathParam("id") String id, Form form);

    @jakarta.ws.rs.DELETE
    @Path("/customers/{id}")
    JsonNode deleteCustomer(@HeaderParam("Authorization") String auth, @PathParam("id") String id);

    @jakarta.ws.rs.DELETE
    @Path("/subscriptions/{id}")
    JsonNode cancelSubscription(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key,
            @PathParam("id") String id);

    @POST
    @Path("/refunds")
    JsonNode refund(@HeaderParam("Authorization") String auth, @HeaderParam("Idempotency-Key") String key, Form form);
}
