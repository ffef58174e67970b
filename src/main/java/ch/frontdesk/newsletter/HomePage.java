package ch.frontdesk.newsletter;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.DatabaseUnavailable;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.web.FormErrors;
import ch.frontdesk.web.FormTexts;
import ch.frontdesk.web.Pages;
import ch.frontdesk.web.PublicPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The publication's front page, {@code /}: what Engineering Prompts is, its sign-up form, and the ways to support it
 * and to the summit. The form posts back to {@code /}: a sign-up that is taken in goes on to the thank-you page
 * ({@code 303}); one that is refused gets this page again with the status the API would answer, the reasons next to
 * the fields and what the reader typed. It goes through {@link SignupIntake}, like the API, so the same rate limit
 * and honeypot apply: a bot that fills the hidden field is thanked like a person and nothing is stored. A client that
 * does not ask for HTML (a script) is refused with the API's problem detail instead of the page.
 */
@Path("/")
@Tag(name = "Newsletter pages", description = "HTML pages opened from emails and forms")
public class HomePage {

    /** What the reader typed, shown again when the form is refused. */
    public record SignupFormValues(String email, String name, boolean consent) {

        static final SignupFormValues EMPTY = new SignupFormValues("", "", false);

        static SignupFormValues of(SubscribeForm form) {
            return new SignupFormValues(typed(form.email()), typed(form.name()),
                    Boolean.TRUE.equals(form.request().consent()));
        }

        private static String typed(String value) {
            return value == null ? "" : value;
        }
    }

    @CheckedTemplate(basePath = "newsletter/page")
    static class Templates {
        static native TemplateInstance home(SignupFormValues form, FormErrors errors);
    }

    private final SignupIntake intake;
    private final Pages pages;

    HomePage(SignupIntake intake, Pages pages) {
        this.intake = intake;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The publication's sign-up page, in the language of ?lang=, else the browser's.")
    public Response show(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return pages.show(Templates.home(SignupFormValues.EMPTY, FormErrors.none()),
                new PublicPage(Pages.language(lang, headers), "/"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign up from the page's form: 303 to the thank-you page, or the page again with errors.")
    public Response subscribe(@BeanParam SubscribeForm form, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        Language language = Pages.language(form.lang(), headers);
        try {
            SubscribeRequest request = pages.check(form.request());
            intake.accept(request, Pages.stated(form.lang(), headers), ClientInfo.of(http), null);
            return Pages.seeOther("/newsletter/thanks", language);
        } catch (ProblemException refused) {
            if (!Negotiation.prefersHtml(headers)) {
                throw refused;
            }
            return refused(refused, form, language);
        } catch (RuntimeException failure) {
            if (!DatabaseUnavailable.causes(failure) || !Negotiation.prefersHtml(headers)) {
                throw failure;
            }
            // Nothing was stored: the reader is asked to send the same form again in a moment.
            return refused(new ProblemException(503, "service-unavailable", "Service Unavailable",
                    "The service cannot reach its database just now.", null, null,
                    Map.of(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)), form, language);
        }
    }

    private Response refused(ProblemException problem, SubscribeForm form, Language language) {
        FormErrors errors = FormErrors.of(problem, language, FormTexts.NONE);
        Response page = pages.show(problem.status(), Templates.home(SignupFormValues.of(form), errors),
                new PublicPage(language, "/"));
        Response.ResponseBuilder answer = Response.fromResponse(page);
        problem.headers().forEach(answer::header);
        return answer.build();
    }
}
