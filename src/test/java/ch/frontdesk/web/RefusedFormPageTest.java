package ch.frontdesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * A plain HTML form, such as one pasted into another site, posts straight to the API. When the API refuses it, the
 * person sees a page in their language that names what is wrong, not a JSON document; a script still gets JSON.
 */
@QuarkusTest
class RefusedFormPageTest extends FrontdeskTest {

    @Test
    void aRefusedBrowserFormGetsAPageNamingEachField() {
        String page = given().contentType(ContentType.URLENC).accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", "fr-CH,fr;q=0.9,en;q=0.5")
                .header("Referer", "https://blog.example/newsletter")
                .formParam("email", "not-an-address").formParam("name", "Ada")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(400)
                .contentType(startsWith("text/html"))
                .extract().asString();

        assertThat(page).contains("<html lang=\"fr\"", "data-frontdesk-answer",
                "data-error-for=\"email\"", "Veuillez saisir une adresse e-mail valide.",
                "data-error-for=\"consent\"", "Veuillez cocher cette case",
                "href=\"https://blog.example/newsletter\"");
        assertThat(page).doesNotContain("Exception", "at ch.frontdesk");
        applySignups();
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void englishWhenTheBrowserStatesNoLanguageWeSpeak() {
        given().contentType(ContentType.URLENC).accept("text/html").header("Accept-Language", "it-CH")
                .formParam("email", "").formParam("consent", "on")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(400)
                .body(containsString("Please enter a valid email address."), containsString("<html lang=\"en\""));
    }

    @Test
    void aScriptPostingTheSameFormStillGetsAProblemDocument() {
        given().contentType(ContentType.URLENC).accept(ContentType.JSON)
                .formParam("email", "not-an-address").formParam("consent", "on")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("\"field\":\"email\""));
    }

    @Test
    void aBrokenLinkOpensANotFoundPageInTheReadersLanguage() {
        given().accept("text/html,*/*;q=0.8").header("Accept-Language", "de-CH")
                .get("/no-such-page")
                .then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"de\""), containsString("Hier gibt es nichts."),
                        containsString("href=\"/?lang=de\""));
        // The API and scripts keep their problem documents.
        given().accept("text/html").get("/api/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().accept(ContentType.JSON).get("/no-such-page")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
