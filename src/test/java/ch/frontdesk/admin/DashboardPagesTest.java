package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import ch.frontdesk.testing.AdminLogin;
import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.tickets.TicketFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's pages as HTML: who may see which, and that they obey the Content-Security-Policy. */
@QuarkusTest
class DashboardPagesTest extends FrontdeskTest {

    static final List<String> ADMIN_PAGES = List.of("/admin", "/admin/subscribers", "/admin/supporters",
            "/admin/orders", "/admin/orders/6f1c7e2a-6d0b-4c39-9d8e-0a3f1b2c4d5e", "/admin/tickets", "/admin/events",
            "/admin/tiers", "/admin/outbox", "/admin/users", "/admin/audit", "/admin/people",
            "/admin/person?email=ada@example.org", "/admin/checkin");

    @Inject
    AdminAccounts accounts;

    private static RequestSpecification as(String user, String password) {
        return AdminLogin.as(user, password).cookieOnly();
    }

    private static RequestSpecification asAdmin() {
        return as("admin", "test-admin-password");
    }

    @Test
    void theOverviewShowsTheNumbersAndDrawsTheSignUpsAndTicketsSoldOfTheStatsSeries() {
        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        applySignups();
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 100, null);
        String order = TicketFixtures.place(TicketFixtures.order("conference", 2, "bob@example.org"))
                .then().statusCode(201).extract().path("id");
        TicketFixtures.admin().body("{}").post("/api/admin/orders/" + order + "/mark-paid").then().statusCode(200);

        String html = asAdmin().get("/admin").then().statusCode(200).contentType(ContentType.HTML)
                .header("Cache-Control", "no-store").extract().asString();

        assertThat(html).contains("<svg class=\"chart\"")
                .contains("From 2025-11-17 to 2026-01-15: 1 sign-ups and 2 tickets sold.")
                .contains("<dt>pending</dt><dd class=\"num\">1</dd>")
                .contains("<dt>Tickets</dt><dd>CHF 600.00</dd>")
                .contains("<title>2026-01-15: 2 tickets</title>")
                .contains("data-live=\"/admin/overview/live\"").contains("data-stats");
        asAdmin().get("/admin/overview/live").then().statusCode(200)
                .body(containsString("1 sign-ups and 2 tickets sold."))
                .body(containsString("<dt>pending</dt><dd class=\"num\">1</dd>"));
    }

    @Test
    void doorStaffAreSentToTheCheckInScreenAndSeeNoOtherPage() {
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password-1", Set.of("checkin")));
        TicketFixtures.createEvent();
        AdminLogin doorStaff = AdminLogin.as("door", "door-password-1");

        doorStaff.cookieOnly().get("/admin").then().statusCode(303).header("Location", endsWith("/admin/checkin"));
        String door = doorStaff.cookieOnly().get("/admin/checkin").then().statusCode(200).extract().asString();
        assertThat(door).contains("<option value=\"summit-2027\" selected>AMLD Intelligence Summit 2027</option>")
                .doesNotContain("href=\"/admin/orders\"");
        for (String path : ADMIN_PAGES) {
            if (!path.equals("/admin") && !path.equals("/admin/checkin")) {
                doorStaff.cookieOnly().get(path).then().statusCode(403);
            }
        }
        doorStaff.cookieOnly().get("/admin/overview/live").then().statusCode(403);
    }

    @Test
    void everyPageLoadsItsScriptAndStyleFromTheJarAndNothingInline() {
        AdminLogin login = AdminLogin.admin();
        String csrf = login.csrf();
        for (String path : ADMIN_PAGES) {
            String html = login.cookieOnly().get(path).then().statusCode(200).contentType(ContentType.HTML).extract().asString();
            assertThat(html).as(path)
                    .contains("<script src=\"/assets/admin.js\" defer></script>")
                    .contains("<link rel=\"stylesheet\" href=\"/assets/admin.css\">")
                    .contains("<meta name=\"csrf-token\" content=\"" + csrf + "\">")
                    .doesNotContain("<style").doesNotContain("style=").doesNotContainPattern("\\son[a-z]+=")
                    .doesNotContainPattern("<script(?! src=\"/assets/admin.js\")");
            // No external URL: only the SVG namespace, which names and fetches nothing.
            assertThat(html.replace("http://www.w3.org/2000/svg", "")).as(path).doesNotContain("http://")
                    .doesNotContain("https://").doesNotContain("//cdn");
        }
        given().get("/assets/admin.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("X-CSRF-Token"));
        given().get("/assets/admin.css").then().statusCode(200).contentType(containsString("css"));
    }

    @Test
    void everyFieldOnEveryPageHasALabel() {
        Pattern field = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
        for (String path : ADMIN_PAGES) {
            String html = asAdmin().get(path).then().statusCode(200).extract().asString();
            Matcher matcher = field.matcher(html);
            while (matcher.find()) {
                String attributes = matcher.group(2);
                if (attributes.contains("type=\"hidden\"")) {
                    continue;
                }
                Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
                boolean wrapped = html.substring(Math.max(0, matcher.start() - 40), matcher.start())
                        .contains("<label class=\"check\">");
                assertThat(wrapped || id.find() && html.contains("<label for=\"" + id.group(1) + "\""))
                        .as("%s: a label for %s", path, matcher.group()).isTrue();
            }
        }
    }

    @Test
    void theLoginFormHasTheDashboardsLookAndAPageWithoutASessionLeadsToIt() {
        given().redirects().follow(false).get("/admin/orders").then().statusCode(303)
                .header("Location", containsString("/admin/login"));
        String login = given().get("/admin/login").then().statusCode(200).extract().asString();
        assertThat(login).contains("<link rel=\"stylesheet\" href=\"/assets/admin.css\">")
                .contains("<label for=\"username\">").contains("<label for=\"password\">")
                .doesNotContain("<script").doesNotContain("style=");
    }

    @Test
    void anOrderPageNeedsAnOrderIdAndAPersonPageEncodesTheAddressForTheExport() {
        asAdmin().get("/admin/orders/not-an-id").then().statusCode(404).contentType("application/problem+json");
        asAdmin().get("/admin/person?email=ada+x@example.org").then().statusCode(200)
                .body(containsString("href=\"/api/admin/contacts/ada%2Bx%40example.org?download=true\""));
    }
}
