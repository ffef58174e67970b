package ch.frontdesk.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sign-up's language (its {@code lang}, else its {@code Accept-Language}) is kept on the contact, and the emails and
 * the pages that follow speak it; a sign-up that states none leaves the contact's language as it was.
 */
@QuarkusTest
class NewsletterLanguageTest extends FrontdeskTest {

    private static void signUp(String email, String lang, String acceptLanguage) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "name", "Camille", "consent", true));
        if (lang != null) {
            body.put("lang", lang);
        }
        var request = given().contentType(ContentType.JSON).body(body);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        request.post("/api/newsletter/subscriptions").then().statusCode(202);
    }

    private Object languageOf(String email) {
        return database.single("select language from contact where email = ?1", email);
    }

    @Test
    void aFrenchSignUpGetsAFrenchConfirmationAndAFrenchWelcomeAndKeepsFrenchAfterASignUpStatingNothing() {
        signUp("camille@example.org", "fr", "en");

        List<Mail> mails = deliverTo("camille@example.org");
        assertThat(languageOf("camille@example.org")).isEqualTo("fr");
        assertThat(mails).hasSize(1);
        Mail confirmation = mails.get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Veuillez confirmer votre abonnement à Engineering Prompts");
        assertThat(confirmation.getText()).startsWith("Bonjour Camille,")
                .contains("Veuillez confirmer que vous souhaitez recevoir Engineering Prompts à cette adresse.")
                .contains("Le lien est valable 48 heures.")
                .contains("&lang=fr").doesNotContain("Please confirm");
        assertThat(confirmation.getHtml()).contains("<html lang=\"fr\">").contains("Confirmer mon abonnement")
                .contains("/newsletter/confirm?token=").contains("&amp;lang=fr");

        String confirmPage = given().get("/newsletter/confirm?token="
                + tokenIn(confirmation.getText(), "/newsletter/confirm") + "&lang=fr")
                .then().statusCode(200).extract().asString();
        assertThat(confirmPage).contains("<html lang=\"fr\"").contains("Confirmer mon abonnement")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"fr\">");

        mailbox.clear();
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", tokenIn(confirmation.getText(), "/newsletter/confirm")).formParam("lang", "fr")
                .post("/api/newsletter/confirm")
                .then().statusCode(303).header("Location", endsWith("/newsletter/confirmed?lang=fr"));
        List<Mail> welcome = deliverTo("camille@example.org");
        assertThat(welcome).hasSize(1);
        assertThat(welcome.get(0).getSubject()).isEqualTo("Bienvenue chez Engineering Prompts");
        assertThat(welcome.get(0).getText()).startsWith("Bonjour Camille,")
                .contains("Votre abonnement est confirmé").contains("/newsletter/unsubscribe?token=")
                .contains("&lang=fr");
        given().get("/newsletter/confirmed?lang=fr").then().statusCode(200)
                .body(containsString("<section data-frontdesk-answer")).body(containsString("Vous êtes abonné·e"));

        // A script that states no language (no lang, no Accept-Language) changes nothing about it.
        signUp("camille@example.org", null, null);
        applySignups();
        assertThat(languageOf("camille@example.org")).isEqualTo("fr");
    }

    @Test
    void withoutLangTheBrowsersLanguageIsStatedAndWithNeitherANewContactIsEnglish() {
        signUp("anna@example.org", null, "de-CH,de;q=0.9,en;q=0.8");
        signUp("ada@example.org", null, null);
        signUp("zoe@example.org", "xx", "it");

        applySignups();
        assertThat(languageOf("anna@example.org")).isEqualTo("de");
        assertThat(languageOf("ada@example.org")).isEqualTo("en");
        assertThat(languageOf("zoe@example.org")).as("neither language is one Frontdesk speaks").isEqualTo("en");
        assertThat(deliverTo("anna@example.org").get(0).getSubject())
                .isEqualTo("Bitte bestätigen Sie Ihr Abonnement von Engineering Prompts");
        assertThat(mailbox.getMailsSentTo("ada@example.org").get(0).getSubject())
                .isEqualTo("Please confirm your subscription to Engineering Prompts");
    }

    @Test
    void theLastLanguageStatedWinsWithinABatchAndAcrossBatches() {
        signUp("known@example.org", "fr", null);
        assertThat(deliverTo("known@example.org")).hasSize(1);
        assertThat(languageOf("known@example.org")).isEqualTo("fr");

        // Queued together, applied in one batch: German, then nothing stated, for a new and a known address.
        signUp("new@example.org", "fr", null);
        signUp("new@example.org", "de", null);
        signUp("new@example.org", null, null);
        signUp("known@example.org", "de", null);
        signUp("known@example.org", null, null);
        mailbox.clear();
        applySignups();

        assertThat(languageOf("new@example.org")).isEqualTo("de");
        assertThat(languageOf("known@example.org")).isEqualTo("de");
        outboxSender.sendDue();
        List<Mail> toNew = mailbox.getMailsSentTo("new@example.org");
        assertThat(toNew).hasSize(1);
        assertThat(toNew.get(0).getText()).startsWith("Guten Tag Camille");
        assertThat(mailbox.getMailsSentTo("known@example.org")).extracting(Mail::getSubject)
                .containsOnly("Bitte bestätigen Sie Ihr Abonnement von Engineering Prompts");
    }

    @Test
    void theConsentRecordKeepsTheWordingInTheLanguageTheFormShowed() {
        String frenchPage = given().get("/?lang=fr").then().statusCode(200).extract().asString();
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "camille@example.org").formParam("consent", "on").formParam("lang", "fr")
                .post("/").then().statusCode(303);
        signUp("ada@example.org", null, null);
        applySignups();

        String french = (String) database.single("""
                select r.wording from consent_record r join contact c on c.id = r.contact_id
                where c.email = 'camille@example.org'""");
        assertThat(french).startsWith("J’accepte de recevoir la newsletter Engineering Prompts");
        assertThat(frenchPage).as("the recorded text is the one next to the checkbox")
                .contains("<span>" + french + "</span>");
        assertThat(database.single("""
                select r.wording from consent_record r join contact c on c.id = r.contact_id
                where c.email = 'ada@example.org'""")).asString()
                .startsWith("I agree to receive the Engineering Prompts newsletter by email.");
        assertThat(database.count("select count(distinct wording_version) from consent_record")).isEqualTo(1);
    }

    @Test
    void theUnsubscribePagesSpeakTheLanguageOfTheEmailedLink() {
        signUp("anna@example.org", "de", null);
        String text = deliverTo("anna@example.org").get(0).getText();
        String token = tokenIn(text, "/newsletter/unsubscribe");
        assertThat(text).contains("/newsletter/unsubscribe?token=" + token + "&lang=de");

        given().get("/newsletter/unsubscribe?token=" + token + "&lang=de").then().statusCode(200)
                .body(containsString("<html lang=\"de\""))
                .body(containsString("action=\"/api/newsletter/unsubscribe?token=" + token + "&amp;lang=de\""))
                .body(containsString("Von Engineering Prompts abmelden?"));
        given().redirects().follow(false).accept("text/html").contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click")
                .post("/api/newsletter/unsubscribe?token=" + token + "&lang=de")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<section data-frontdesk-answer"))
                .body(containsString("Sie sind abgemeldet"));
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("unsubscribed");
    }

    @Test
    void aTypedNameIsEscapedInTheHtmlPartOfATranslatedMail() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "eve@example.org", "name", "<b>Eve</b>", "consent", true, "lang", "fr"))
                .post("/api/newsletter/subscriptions").then().statusCode(202);

        Mail mail = deliverTo("eve@example.org").get(0);
        assertThat(mail.getHtml()).contains("Bonjour &lt;b&gt;Eve&lt;/b&gt;,").doesNotContain("<b>Eve");
        assertThat(mail.getText()).startsWith("Bonjour <b>Eve</b>,");
    }
}
