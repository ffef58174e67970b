package ch.frontdesk.support;

import static ch.frontdesk.testing.AdminApi.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code /support} page and its pledge form as a browser without JavaScript uses them, in English, French and
 * German, and the supporter emails in the language the supporter stated. The test profile has no Stripe: invoice only
 * (card payment on the page is {@link SupportPageCardTest}).
 */
@QuarkusTest
class SupportPageTest extends FrontdeskTest {

    @Inject
    SupportJobs jobs;

    @BeforeEach
    void tiers() {
        tier("reader", 500, "month", "Reader");
        tier("patron", 10000, "year", "Patron");
        tier("friend", 2500, "once", "Friend");
    }

    private static void tier(String code, long amount, String interval, String name) {
        admin().contentType(ContentType.JSON).body(Map.of("code", code, "name", name, "description", "For " + name,
                        "price", Map.of("amount", amount, "currency", "CHF"), "interval", interval))
                .post("/api/admin/support/tiers").then().statusCode(201);
    }

    private static Response postForm(Map<String, String> fields) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).accept(ContentType.HTML)
                .formParams(fields).post("/support");
    }

    @Test
    void theSupportPageOffersEveryTierWithItsAmountAndIntervalInEachLanguage() {
        var english = given().get("/support?lang=en").then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();
        assertThat(english).contains("<html lang=\"en\"").contains("Support Engineering Prompts")
                .contains("CHF 5.00 <span class=\"tier-interval\">per month</span>")
                .contains("CHF 100.00 <span class=\"tier-interval\">per year</span>")
                .contains("CHF 25.00 <span class=\"tier-interval\">once</span>")
                .contains("For Patron")
                .contains("name=\"lang\" value=\"en\"");

        var french = given().get("/support?lang=fr").then().statusCode(200).extract().asString();
        assertThat(french).contains("<html lang=\"fr\"").contains("Soutenir Engineering Prompts")
                .contains("5,00 CHF <span class=\"tier-interval\">par mois</span>")
                .contains("100,00 CHF <span class=\"tier-interval\">par an</span>")
                .contains("25,00 CHF <span class=\"tier-interval\">une fois</span>")
                .contains("name=\"lang\" value=\"fr\"");

        // No ?lang=: the browser's language decides.
        var german = given().header("Accept-Language", "de-CH,de;q=0.9,en;q=0.5").get("/support").then()
                .statusCode(200).extract().asString();
        assertThat(german).contains("<html lang=\"de\"").contains("Engineering Prompts unterstützen")
                .contains("CHF 5.00 <span class=\"tier-interval\">pro Monat</span>")
                .contains("CHF 100.00 <span class=\"tier-interval\">pro Jahr</span>")
                .contains("CHF 25.00 <span class=\"tier-interval\">einmalig</span>");

        // Without Stripe the form offers the invoice only: there is no card to choose.
        for (String page : List.of(english, french, german)) {
            assertThat(page).contains("<form id=\"pledge-form\"").contains("data-frontdesk")
                    .contains("name=\"paymentMethod\" value=\"invoice\"")
                    .doesNotContain("value=\"card\"")
                    .contains("<label for=\"pledge-email\">").contains("autocomplete=\"email\"")
                    .contains("type=\"radio\" name=\"tier\" id=\"tier-reader\" value=\"reader\"");
        }
        assertThat(english).contains("You pay by bank transfer");
    }

    @Test
    void aRetiredTierIsNotOfferedAndALinkCanPreselectATier() {
        admin().delete("/api/admin/support/tiers/friend").then().statusCode(204);
        var page = given().get("/support?lang=en&tier=patron").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("value=\"friend\"")
                .contains("id=\"tier-patron\" value=\"patron\" checked")
                .contains("id=\"tier-reader\" value=\"reader\" required");
    }

    @Test
    void aGermanInvoicePledgeGoesToTheGermanThanksAndEveryLaterEmailIsGermanRenewalReminderIncluded() {
        postForm(Map.of("lang", "de", "tier", "patron", "email", "ada@example.org", "name", "Ada",
                        "consent", "on", "paymentMethod", "invoice"))
                .then().statusCode(303).header("Location", endsWith("/support/thanks?lang=de"));

        assertThat(database.single("select language from contact where email = 'ada@example.org'")).isEqualTo("de");
        assertThat(database.single("select status from pledge")).isEqualTo("pending_payment");
        assertThat((String) database.single("select wording from consent_record where purpose = 'support'"))
                .isEqualTo("Ich sage CHF 100.00 pro Jahr zur Unterstützung von Engineering Prompts zu; das Geld"
                        + " finanziert das EPFL AI Center.");

        Mail invoice = deliverTo("ada@example.org").get(0);
        assertThat(invoice.getSubject()).isEqualTo("Ihre Unterstützung für Engineering Prompts: Zahlungsangaben");
        assertThat(invoice.getText()).contains("Guten Tag Ada")
                .contains("Bitte überweisen Sie CHF 100.00 bis am 29. Januar 2026:")
                .contains("Kontoinhaber: ").contains("Referenz: ")
                .contains("/support/cancel?token=").contains("&lang=de")
                .doesNotContain("Hello").doesNotContain("Please transfer");
        assertThat(invoice.getHtml()).contains("<html lang=\"de\">").contains("Bitte überweisen Sie CHF 100.00");

        given().get("/support/thanks?lang=de").then().statusCode(200)
                .body(containsString("<section data-frontdesk-answer"))
                .body(containsString("Danke für Ihre Unterstützung"))
                .body(containsString("QR-Rechnung"));

        String id = admin().get("/api/admin/pledges").then().statusCode(200).extract().path("items[0].id");
        admin().contentType(ContentType.JSON).body("{}").post("/api/admin/pledges/" + id + "/mark-paid")
                .then().statusCode(200);
        Mail receipt = deliverTo("ada@example.org").get(1);
        assertThat(receipt.getSubject()).isEqualTo("Quittung: Danke, dass Sie Engineering Prompts unterstützen");
        assertThat(receipt.getText()).contains("Wir haben am 15. Januar 2026 CHF 100.00")
                .contains("bis am 15. Januar 2027 bezahlt");

        // A week before the yearly renewal the calendar reminds her, in German as well.
        clock.set(Instant.parse("2027-01-08T09:00:00Z"));
        jobs.runCalendar();
        List<Mail> mails = deliverTo("ada@example.org");
        assertThat(mails).hasSize(3);
        Mail reminder = mails.get(2);
        assertThat(reminder.getSubject()).isEqualTo("Ihre jährliche Unterstützung wird am 15. Januar 2027 erneuert");
        assertThat(reminder.getText()).contains("(Patron, CHF 100.00) wird am 15. Januar 2027 erneuert")
                .contains("Vor der Erneuerung kündigen").contains("&lang=de");
    }

    @Test
    void theApiTakesTheLanguageFromLangElseAcceptLanguageAndAScriptStatingNoneChangesNothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("tier", "reader", "email", "ada@example.org", "consent", true, "lang", "fr"))
                .post("/api/support/pledges").then().statusCode(201);
        Mail french = deliverTo("ada@example.org").get(0);
        assertThat(french.getSubject()).isEqualTo("Votre soutien à Engineering Prompts : informations de paiement");
        assertThat(french.getText()).contains("Bonjour,").contains("Veuillez virer 5,00 CHF d'ici au 29 janvier 2026");

        // No lang, no Accept-Language: she is still written to in French.
        given().contentType(ContentType.JSON).body(Map.of("tier", "friend", "email", "ada@example.org", "consent", true))
                .post("/api/support/pledges").then().statusCode(201);
        assertThat(database.single("select language from contact")).isEqualTo("fr");

        given().contentType(ContentType.JSON).header("Accept-Language", "de-CH, en;q=0.8")
                .body(Map.of("tier", "patron", "email", "ada@example.org", "consent", true))
                .post("/api/support/pledges").then().statusCode(201);
        assertThat(database.single("select language from contact")).isEqualTo("de");
        List<Mail> mails = deliverTo("ada@example.org");
        assertThat(mails.get(1).getSubject()).startsWith("Votre soutien");
        assertThat(mails.get(2).getSubject()).isEqualTo("Ihre Unterstützung für Engineering Prompts: Zahlungsangaben");

        given().contentType(ContentType.JSON)
                .body(Map.of("tier", "reader", "email", "bob@example.org", "consent", true, "lang", "<script>"))
                .post("/api/support/pledges").then().statusCode(400).body("errors[0].field", equalTo("lang"));
        assertThat(database.count("select count(*) from contact where email = 'bob@example.org'")).isZero();
    }

    @Test
    void aPlainFormPostedToTheApiGoesToTheThanksPageInItsLanguage() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("tier", "reader").formParam("email", "form@example.org").formParam("consent", "on")
                .formParam("lang", "fr")
                .post("/api/support/pledges").then().statusCode(303)
                .header("Location", endsWith("/support/thanks?lang=fr"));
        assertThat(database.single("select language from contact")).isEqualTo("fr");
    }

    @Test
    void anInvalidFormComesBackWithItsErrorsNextToTheFieldsAndTheTypedValuesAndStoresNothing() {
        String page = postForm(Map.of("lang", "fr", "email", "not-an-email", "name", "Ada \"Lovelace\"",
                        "paymentMethod", "invoice"))
                .then().statusCode(400).contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains("<html lang=\"fr\"")
                .contains("<p class=\"form-summary\" role=\"alert\">Veuillez corriger les champs signalés.</p>")
                .contains("aria-invalid=\"true\" aria-describedby=\"tier-error\"")
                .contains("<p class=\"field-error\" id=\"tier-error\" data-error-for=\"tier\">"
                        + "Veuillez choisir comment vous souhaitez soutenir.</p>")
                .contains("<p class=\"field-error\" id=\"email-error\" data-error-for=\"email\">")
                .contains("<p class=\"field-error\" id=\"consent-error\" data-error-for=\"consent\">")
                .doesNotContain("id=\"name-error\"")
                // What the reader typed is still there, escaped.
                .contains("value=\"not-an-email\"")
                .contains("value=\"Ada &quot;Lovelace&quot;\"");
        assertThat(page.indexOf("id=\"email-error\"")).isGreaterThan(page.indexOf("id=\"pledge-email\""))
                .isLessThan(page.indexOf("id=\"pledge-name\""));
        assertThat(page).containsPattern("id=\"pledge-email\"[^>]*aria-invalid=\"true\" aria-describedby=\"email-error\"");

        // The consent box ticked and the tier chosen stay so when only the email is wrong.
        String again = postForm(Map.of("lang", "en", "tier", "patron", "email", "ada@", "consent", "on"))
                .then().statusCode(400).extract().asString();
        assertThat(again).contains("id=\"tier-patron\" value=\"patron\" checked")
                .containsPattern("id=\"pledge-consent\"[^>]*checked")
                .contains("Please enter a valid email address.")
                .doesNotContain("id=\"tier-error\"").doesNotContain("id=\"consent-error\"");

        assertThat(database.count("select count(*) from pledge")).isZero();
        assertThat(database.count("select count(*) from contact")).isZero();
        assertThat(database.count("select count(*) from outbox_message")).isZero();
    }

    @Test
    void hostileFormsGetThePageWithTheirErrorsAndAScriptGetsTheApisProblem() {
        for (Map<String, String> hostile : List.of(
                Map.of("lang", "de", "tier", "reader", "email", "ada@example.org", "consent", "on",
                        "name", "x".repeat(1_000)),
                Map.of("lang", "de", "tier", "<script>alert(1)</script>", "email", "ada@example.org", "consent", "on"),
                Map.of("lang", "de", "tier", "reader", "email", "ada@example.org", "consent", "on",
                        "paymentMethod", "cash"))) {
            String page = postForm(hostile).then().statusCode(400).contentType(ContentType.HTML).extract().asString();
            assertThat(page).contains("Bitte korrigieren Sie die markierten Felder.").contains("data-error-for=")
                    .doesNotContain("Exception").doesNotContain("<script>alert");
        }
        given().contentType(ContentType.URLENC).formParams(Map.of("tier", "reader", "email", "nope", "consent", "on"))
                .post("/support").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
        assertThat(database.count("select count(*) from pledge")).isZero();
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void theFourthMailToAnUnconfirmedAddressIsRefusedOnThePageWith429AndRetryAfter() {
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                    .post("/api/newsletter/subscriptions").then().statusCode(202);
            applySignups();
        }
        postForm(Map.of("lang", "en", "tier", "reader", "email", "ada@example.org", "consent", "on"))
                .then().statusCode(303);

        String page = postForm(Map.of("lang", "en", "tier", "patron", "email", "ada@example.org", "consent", "on"))
                .then().statusCode(429)
                .header("Retry-After", equalTo(Long.toString(Duration.ofDays(1).toSeconds())))
                .contentType(ContentType.HTML)
                .body(not(containsString("Exception")))
                .extract().asString();
        assertThat(page).contains("<p class=\"form-summary\" role=\"alert\">We cannot send this address another email today")
                .contains("value=\"ada@example.org\"")
                .contains("id=\"tier-patron\" value=\"patron\" checked");
        assertThat(database.count("select count(*) from pledge")).isEqualTo(1);
        assertThat(deliverTo("ada@example.org")).hasSize(3);
    }

    @Test
    void theCancelLinkOpensItsPageInTheSupportersLanguageAndItsButtonAnswersInIt() {
        postForm(Map.of("lang", "fr", "tier", "reader", "email", "ada@example.org", "consent", "on"))
                .then().statusCode(303);
        String text = deliverTo("ada@example.org").get(0).getText();
        String token = tokenIn(text, "/support/cancel");
        assertThat(text).contains("/support/cancel?token=" + token + "&lang=fr");

        given().get("/support/cancel?token=" + token + "&lang=fr").then().statusCode(200)
                .body(containsString("Résilier votre soutien ?"))
                .body(containsString("action=\"/api/support/pledges/cancel?token=" + token + "&amp;lang=fr\""))
                // The language switch keeps the token.
                .body(containsString("href=\"/support/cancel?token=" + token + "&amp;lang=de\""));
        given().get("/support/cancel?token=nope&lang=de").then().statusCode(404)
                .body(containsString("Dieser Link ist nicht gültig"));

        given().accept(ContentType.HTML).post("/api/support/pledges/cancel?token=" + token + "&lang=fr")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<section data-frontdesk-answer"))
                .body(containsString("Votre soutien est résilié"));
        assertThat(database.single("select status from pledge")).isEqualTo("cancelled");
        Mail cancelled = deliverTo("ada@example.org").get(1);
        assertThat(cancelled.getSubject()).isEqualTo("Votre soutien à Engineering Prompts est résilié");
    }

    @Test
    void aNameTypedWithMarkupIsEscapedInTheHtmlEmail() {
        given().contentType(ContentType.JSON).body(Map.of("tier", "reader", "email", "ada@example.org",
                "name", "Ada <b>Lovelace</b>", "consent", true)).post("/api/support/pledges").then().statusCode(201);
        Mail invoice = deliverTo("ada@example.org").get(0);
        assertThat(invoice.getHtml()).doesNotContain("<b>").contains("Hello Ada &lt;b&gt;Lovelace&lt;/b&gt;,");
    }
}
