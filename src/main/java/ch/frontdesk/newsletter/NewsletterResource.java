package ch.frontdesk.newsletter;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Idempotency;
import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.web.Pages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The newsletter's public API, for JSON clients and for plain HTML forms. A sign-up's language is its {@code lang},
 * else its {@code Accept-Language}: the contact keeps it, and the emails and the pages that follow speak it.
 */
@Path("/api/newsletter")
@Tag(name = "Newsletter", description = "Double opt-in sign-up, confirmation and one-click unsubscribe")
public class NewsletterResource {

    private final NewsletterService newsletter;
    private final SignupIntake intake;
    private final NewsletterPages pages;

    NewsletterResource(NewsletterService newsletter, SignupIntake intake, NewsletterPages pages) {
        this.newsletter = newsletter;
        this.intake = intake;
        this.pages = pages;
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign up; a confirmation email follows. The answer is the same for every address.")
    public Response subscribe(@NotNull SubscribeRequest body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        SubscriptionAnswer answer = signUp(body, headers, idempotencyKey, http);
        return Response.accepted(answer).build();
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign up from a plain HTML form; answers 303 to a thank-you page in the form's language.")
    public Response subscribeFromForm(@BeanParam SubscribeForm form,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        signUp(form.request(), headers, idempotencyKey, http);
        return Pages.seeOther("/newsletter/thanks", Pages.language(form.lang(), headers));
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a subscription with the token from the confirmation email.")
    public SubscriptionAnswer confirm(@Valid @NotNull ConfirmRequest body) {
        return newsletter.confirm(body.token());
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Confirm from the button on the confirmation page; answers 303 to a thank-you page.")
    public Response confirmFromForm(@RestForm String token, @RestForm String lang, @Context HttpHeaders headers) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "must not be blank");
        }
        newsletter.confirm(token);
        return Pages.seeOther("/newsletter/confirmed", Pages.language(lang, headers));
    }

    /**
     * RFC 8058 one-click unsubscribe: mail clients POST {@code List-Unsubscribe=One-Click} here. It needs no
     * login, never redirects, and answers HTML to browsers, in the language of {@code lang} (the page's button
     * sends it), else the browser's.
     */
    @POST
    @Path("/unsubscribe")
    @Operation(summary = "One-click unsubscribe (RFC 8058); idempotent, never a redirect.")
    public Response unsubscribe(@QueryParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        if (token == null || token.isBlank()) {
            throw ProblemException.invalid("token", "must not be blank");
        }
        SubscriptionAnswer answer = newsletter.unsubscribe(token);
        if (Negotiation.prefersHtml(headers)) {
            return pages.unsubscribed(Pages.language(lang, headers));
        }
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private SubscriptionAnswer signUp(SubscribeRequest request, HttpHeaders headers, String idempotencyKey,
            HttpServerRequest http) {
        Idempotency.validateKey(idempotencyKey);
        return intake.accept(request, Pages.stated(request.lang(), headers),
                ClientInfo.of(http), idempotencyKey);
    }
}
