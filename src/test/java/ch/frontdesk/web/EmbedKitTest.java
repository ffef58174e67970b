package ch.frontdesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.common.Language;
import ch.frontdesk.testing.AdminLogin;
import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embeddable kit without a browser: the script as other sites load it, the snippets the dashboard hands out,
 * the demo page's policy, and the page a script gets instead of a redirect it could not follow.
 */
@QuarkusTest
class EmbedKitTest extends FrontdeskTest {

    /** The public URL of the test profile: where every snippet posts. */
    private static final String PUBLIC = "http://localhost:8080";

    @Inject
    EmbedSnippets snippets;
    @Inject
    Seed seed;

    @Test
    void theScriptIsSmallCacheableLoadableByOtherSitesAndRunsNothingItReceives() {
        // As a <script src> on another site asks for it: a no-cors request, which carries no Origin.
        var answer = given().get("/embed/frontdesk.js")
                .then().statusCode(200)
                .header("Content-Type", equalTo("text/javascript; charset=utf-8"))
                .header("Cache-Control", equalTo("public, max-age=3600"))
                .header("Cross-Origin-Resource-Policy", nullValue())
                .extract();
        byte[] script = answer.asByteArray();
        assertThat(script.length).isLessThan(10 * 1024);
        String code = new String(script, StandardCharsets.UTF_8);
        assertThat(code).contains("form[data-frontdesk]", "DOMParser", "importNode", "credentials: 'omit'",
                        "data-frontdesk-answer", "data-error-for", "data-frontdesk-offline", "aria-busy")
                .doesNotContain("eval(").doesNotContain("new Function").doesNotContain("innerHTML")
                .doesNotContain(".style").doesNotContain("insertAdjacentHTML").doesNotContain("document.write");

        given().get("/embed/frontdesk.css").then().statusCode(200)
                .header("Content-Type", equalTo("text/css; charset=utf-8"))
                .header("Cache-Control", equalTo("public, max-age=3600"));
    }

    @Test
    void theSnippetsPostToThePublicUrlInTheirLanguageWithLabelsConsentAndTheHoneypot() {
        long event = seed.event("summit-2027");
        seed.ticketType(event, "conference", null, null, 0);
        seed.tier("reader-monthly", 500, "month");
        seed.tier("patron-yearly", 10000, "year");

        List<EmbedSnippets.Snippet> french = snippets.snippets(Language.FR);
        assertThat(french).extracting(EmbedSnippets.Snippet::kind).containsExactly("newsletter", "pledge", "waitlist");

        String newsletter = french.get(0).html();
        assertThat(newsletter)
                .contains("action=\"" + PUBLIC + "/api/newsletter/subscriptions\"", "method=\"post\"",
                        "data-frontdesk", "id=\"frontdesk-newsletter-fr\"",
                        "<input type=\"hidden\" name=\"lang\" value=\"fr\">",
                        "<div class=\"hp\" aria-hidden=\"true\" hidden><label>Website <input name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></label></div>",
                        "name=\"consent\" type=\"checkbox\"", "J’accepte de recevoir la newsletter", ">E-mail</label>",
                        "autocomplete=\"email\"", "data-frontdesk-offline=\"Le formulaire n’a pas pu être envoyé.")
                .doesNotContain("<script").doesNotContain("style=");
        assertEveryInputIsLabelled(newsletter);

        String pledge = french.get(1).html();
        assertThat(pledge).contains("action=\"" + PUBLIC + "/api/support/pledges\"",
                "<input type=\"hidden\" name=\"lang\" value=\"fr\">",
                "<option value=\"reader-monthly\">Tier reader-monthly : 5,00 CHF par mois</option>",
                "<option value=\"patron-yearly\">Tier patron-yearly : 100,00 CHF par an</option>",
                "name=\"consent\" type=\"checkbox\"",
                // Card payment is not configured in this profile: the snippet offers the invoice only.
                "<input type=\"hidden\" name=\"paymentMethod\" value=\"invoice\">")
                .doesNotContain("value=\"card\"");
        assertEveryInputIsLabelled(pledge);

        String waitlist = french.get(2).html();
        assertThat(french.get(2).event()).isEqualTo("Event summit-2027");
        assertThat(waitlist).contains("action=\"" + PUBLIC + "/api/events/summit-2027/waitlist\"",
                "id=\"frontdesk-waitlist-summit-2027-fr\"", "<option value=\"conference\">Type conference</option>",
                "name=\"quantity\"", "<input type=\"hidden\" name=\"lang\" value=\"fr\">", ">Type de billet</label>");
        assertEveryInputIsLabelled(waitlist);

        assertThat(snippets.snippets(Language.DE).get(1).html())
                .contains("<option value=\"reader-monthly\">Tier reader-monthly: CHF 5.00 pro Monat</option>",
                        "<input type=\"hidden\" name=\"lang\" value=\"de\">", ">E-Mail</label>");
        assertThat(snippets.assets()).isEqualTo("<link rel=\"stylesheet\" href=\"" + PUBLIC + "/embed/frontdesk.css\">\n"
                + "<script src=\"" + PUBLIC + "/embed/frontdesk.js\" defer></script>");
    }

    @Test
    void withoutTiersOrOpenEventsOnlyTheNewsletterIsOffered() {
        assertThat(snippets.snippets(Language.EN)).extracting(EmbedSnippets.Snippet::kind).containsExactly("newsletter");
    }

    @Test
    void theDashboardShowsTheSnippetsEscapedInEachLanguageAndWarnsThatNoOtherSiteIsAllowed() {
        seed.tier("reader-monthly", 500, "month");
        String html = AdminLogin.admin().cookieOnly().get("/admin/forms")
                .then().statusCode(200).contentType(ContentType.HTML).header("Cache-Control", "no-store")
                .extract().asString();
        assertThat(html).contains("<title>Forms to embed · Frontdesk admin</title>",
                "<a href=\"/admin/forms\" aria-current=\"page\">Forms to embed</a>",
                // Shown as text to copy, never as a live form or script in the dashboard.
                "&lt;form id=&quot;frontdesk-newsletter-en&quot;", "&lt;form id=&quot;frontdesk-newsletter-fr&quot;",
                "&lt;form id=&quot;frontdesk-newsletter-de&quot;", "&lt;form id=&quot;frontdesk-pledge-de&quot;",
                "action=&quot;" + PUBLIC + "/api/newsletter/subscriptions&quot;",
                "&lt;script src=&quot;" + PUBLIC + "/embed/frontdesk.js&quot; defer&gt;&lt;/script&gt;",
                "FRONTDESK_CORS_ORIGINS", "data-cors-warning")
                .doesNotContain("<form id=\"frontdesk-").doesNotContain("<script src=\"" + PUBLIC);
    }

    @Test
    void theFormsPageIsForAdminsOnly() {
        given().redirects().follow(false).get("/admin/forms").then().statusCode(303)
                .header("Location", containsString("/admin/login"));
    }

    @Test
    void theDemoPageMayLoadTheScriptFromAndPostToThePublicUrlAndOtherPagesOnlyToThemselves() {
        String demo = given().get("/embed/demo").then().statusCode(200).contentType(ContentType.HTML)
                .header("Content-Security-Policy", containsString("script-src 'self' " + PUBLIC + ";"))
                .header("Content-Security-Policy", containsString("connect-src 'self' " + PUBLIC + ";"))
                .header("Content-Security-Policy", containsString("form-action 'self' " + PUBLIC + " "))
                .extract().asString();
        assertThat(demo).contains(snippets.newsletter(Language.EN).html(), snippets.assets())
                .doesNotContain("style=");
        given().get("/embed/frontdesk.js").then()
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("form-action 'self' https://checkout.stripe.com;"));
    }

    @Test
    void aScriptIsGivenALinkToFollowWhereABrowserWouldBeRedirectedToAnotherSite() {
        String page = given().redirects().follow(false).header("Accept", "text/html").header("Sec-Fetch-Mode", "cors")
                .header("Accept-Language", "de-CH").post("/test-only/redirect-away")
                .then().statusCode(200).contentType(ContentType.HTML).header("Location", nullValue())
                .extract().asString();
        assertThat(page).contains("<a href=\"https://checkout.stripe.com/c/pay/cs_test_1\" data-frontdesk-navigate>"
                + "Weiter zur Zahlungsseite</a>", "data-frontdesk-answer");

        // A browser navigating (a plain form post) and a JSON client keep the redirect.
        given().redirects().follow(false).header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate")
                .post("/test-only/redirect-away").then().statusCode(303)
                .header("Location", "https://checkout.stripe.com/c/pay/cs_test_1");
        given().redirects().follow(false).header("Accept", "application/json").header("Sec-Fetch-Mode", "cors")
                .post("/test-only/redirect-away").then().statusCode(303);
        // A redirect to our own pages is followed by fetch itself.
        given().redirects().follow(false).header("Accept", "text/html").header("Sec-Fetch-Mode", "cors")
                .post("/test-only/redirect-home").then().statusCode(303);
    }

    /** Every visible input, select and textarea has a {@code <label for>} naming its id. */
    private static void assertEveryInputIsLabelled(String html) {
        Matcher fields = Pattern.compile("<(input|select|textarea)([^>]*)>").matcher(html);
        int checked = 0;
        while (fields.find()) {
            String attributes = fields.group(2);
            if (attributes.contains("type=\"hidden\"") || attributes.contains("name=\"website\"")) {
                continue;
            }
            Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attributes);
            assertThat(id.find()).as("an id on %s", fields.group()).isTrue();
            assertThat(html).as("a label for %s", id.group(1))
                    .containsPattern("<label[^>]* for=\"" + Pattern.quote(id.group(1)) + "\"");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }
}
