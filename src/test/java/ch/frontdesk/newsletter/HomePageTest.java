package ch.frontdesk.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** The publication's front page: its sign-up form in three languages, answered like the API answers. */
@QuarkusTest
class HomePageTest extends FrontdeskTest {

    private static final String CONSENT_EN =
            "I agree to receive the Engineering Prompts newsletter by email. I can unsubscribe at any time with one click.";
    private static final String CONSENT_FR =
            "J’accepte de recevoir la newsletter Engineering Prompts par e-mail. Je peux me désabonner à tout moment en un clic.";
    private static final String CONSENT_DE = "Ich bin einverstanden, den Newsletter Engineering Prompts per E-Mail zu "
            + "erhalten. Ich kann mich jederzeit mit einem Klick abmelden.";

    private static RequestSpecification form() {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .accept("text/html,application/xhtml+xml,*/*;q=0.8");
    }

    @Test
    void theFrontPageShowsTheSignUpFormWithLabelsAndTheHoneypotInEnglishByDefault() {
        String html = given().get("/").then().statusCode(200).contentType(ContentType.HTML).extract().asString();

        assertThat(html).contains("<html lang=\"en\"")
                .contains("<form id=\"newsletter-signup\"").contains("data-frontdesk")
                .contains("method=\"post\" action=\"/\"")
                .contains("<label for=\"signup-email\">Email address</label>")
                .contains("<input id=\"signup-email\" name=\"email\" type=\"email\" autocomplete=\"email\"")
                .contains("<label for=\"signup-name\">Name (optional)</label>")
                .contains("<label class=\"check\" for=\"signup-consent\">")
                .contains("<span>" + CONSENT_EN + "</span>")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"en\">")
                .contains("<div class=\"hp\" aria-hidden=\"true\"><label>Website <input name=\"website\" tabindex=\"-1\"")
                .contains("every franc of support funds the EPFL AI Center")
                .contains("href=\"/support?lang=en\"").contains("href=\"/events?lang=en\"")
                .doesNotContain("class=\"field-error\"").doesNotContain("form-summary");
    }

    @Test
    void theFrontPageSpeaksFrenchWhenAskedAndGermanToAGermanBrowser() {
        String french = given().get("/?lang=fr").then().statusCode(200).extract().asString();
        assertThat(french).contains("<html lang=\"fr\"").contains("<span>" + CONSENT_FR + "</span>")
                .contains("<label for=\"signup-email\">Adresse e-mail</label>")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"fr\">")
                .contains("href=\"/support?lang=fr\"").doesNotContain(CONSENT_EN);

        String german = given().header("Accept-Language", "de-CH,de;q=0.9,en;q=0.5").get("/")
                .then().statusCode(200).extract().asString();
        assertThat(german).contains("<html lang=\"de\"").contains("<span>" + CONSENT_DE + "</span>")
                .contains("<label for=\"signup-email\">E-Mail-Adresse</label>")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"de\">")
                .doesNotContain(CONSENT_EN);

        // ?lang= wins over the browser's language.
        given().header("Accept-Language", "de").get("/?lang=fr").then().statusCode(200)
                .body(containsString("<html lang=\"fr\""));
    }

    @Test
    void aValidSignUpGoesOnToTheThankYouPageInTheFormsLanguageAndIsQueuedWithIt() {
        form().formParam("email", "camille@example.org").formParam("name", "Camille").formParam("consent", "on")
                .formParam("lang", "fr").formParam("source", "home").formParam("website", "")
                .post("/")
                .then().statusCode(303).header("Location", endsWith("/newsletter/thanks?lang=fr"));

        assertThat(database.single("select language from newsletter_signup where email = 'camille@example.org'"))
                .isEqualTo("fr");
        applySignups();
        assertThat(database.single("select language from contact where email = 'camille@example.org'"))
                .isEqualTo("fr");
        assertThat(database.single("select source from consent_record")).isEqualTo("home");
        assertThat(deliverTo("camille@example.org")).hasSize(1);

        given().get("/newsletter/thanks?lang=fr").then().statusCode(200)
                .body(containsString("<section data-frontdesk-answer"))
                .body(containsString("Consultez votre boîte de réception"));
    }

    @Test
    void anInvalidFormComesBackAs400WithEachErrorNextToItsFieldAndTheTypedValuesKept() {
        String html = form().formParam("email", "not-an-email").formParam("name", "Ada Lovelace")
                .formParam("lang", "en").formParam("website", "")
                .post("/")
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString();

        assertThat(html).contains("<p class=\"form-summary\" role=\"alert\">Please correct the marked fields.</p>")
                .contains("value=\"not-an-email\" aria-invalid=\"true\" aria-describedby=\"email-error\"")
                .contains("value=\"Ada Lovelace\">")
                .contains("<p class=\"field-error\" id=\"email-error\" data-error-for=\"email\">"
                        + "Please enter a valid email address.</p>")
                .contains("aria-invalid=\"true\" aria-describedby=\"consent-error\"")
                .contains("<p class=\"field-error\" id=\"consent-error\" data-error-for=\"consent\">"
                        + "Please tick this box to agree.</p>")
                .doesNotContain("data-error-for=\"name\"").doesNotContain(" checked");
        // Each error stands right after its own field: the email's before the name's label, the consent's after
        // the checkbox.
        assertThat(html.indexOf("id=\"email-error\"")).isGreaterThan(html.indexOf("id=\"signup-email\""))
                .isLessThan(html.indexOf("for=\"signup-name\""));
        assertThat(html.indexOf("id=\"consent-error\"")).isGreaterThan(html.indexOf("id=\"signup-consent\""))
                .isLessThan(html.indexOf("name=\"website\""));
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
        applySignups();
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void theErrorsSpeakTheFormsLanguageAndATickedBoxStaysTicked() {
        String html = form().formParam("email", "").formParam("consent", "on").formParam("lang", "de")
                .post("/")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("<html lang=\"de\"")
                .contains("data-error-for=\"email\">Bitte geben Sie eine gültige E-Mail-Adresse ein.</p>")
                .contains("Bitte korrigieren Sie die markierten Felder.")
                .contains("type=\"checkbox\" value=\"on\" checked>")
                .doesNotContain("data-error-for=\"consent\"");
    }

    @Test
    void aBotThatFillsTheHoneypotIsThankedLikeAPersonAndNothingIsStored() {
        form().formParam("email", "bot@example.org").formParam("consent", "on").formParam("lang", "en")
                .formParam("website", "http://spam.example")
                .post("/")
                .then().statusCode(303).header("Location", endsWith("/newsletter/thanks?lang=en"));

        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
        assertThat(deliverTo("bot@example.org")).isEmpty();
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void thePlainApiFormAlsoGoesOnToTheThankYouPageInItsLanguage() {
        form().formParam("email", "form@example.org").formParam("consent", "on").formParam("lang", "de")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(303).header("Location", endsWith("/newsletter/thanks?lang=de"));
        given().get("/newsletter/thanks?lang=de").then().statusCode(200)
                .body(containsString("Schauen Sie in Ihren Posteingang"))
                .body(not(containsString("Check your inbox")));
    }

    @Test
    void aScriptPostingToTheFrontPageIsRefusedWithTheApisProblemDetail() {
        given().contentType(ContentType.URLENC).accept(ContentType.JSON)
                .formParam("email", "not-an-email").formParam("lang", "fr")
                .post("/")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("email", "consent"));
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
    }
}
