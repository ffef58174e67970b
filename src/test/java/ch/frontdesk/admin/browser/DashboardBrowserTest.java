package ch.frontdesk.admin.browser;

import ch.frontdesk.testing.Browser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.MutableClock;
import ch.frontdesk.tickets.TicketFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The organiser's dashboard in a real browser: sign in, read, search, act, and sign out. */
@QuarkusTest
class DashboardBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    DashboardDriver dashboard;

    @BeforeEach
    void openBrowser() {
        dashboard = new DashboardDriver(base);
        Browser.viewport(1280, 900);
    }

    private void subscribe(String email, String name) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "name", name, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
    }

    private String invoiceOrder(int tickets, String buyer) {
        return TicketFixtures.place(TicketFixtures.order("conference", tickets, buyer)).then().statusCode(201)
                .extract().path("id");
    }

    private void markPaid(String order) {
        TicketFixtures.admin().body("{}").post("/api/admin/orders/" + order + "/mark-paid").then().statusCode(200);
    }

    /** The rendered text of an element, read in one script call so a refresh cannot swap it mid-read. */
    private String text(String css) {
        return String.valueOf(dashboard.browser.executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText || e.textContent : ''", css));
    }

    private String orderStatus(String order) {
        return (String) database.single("select status from ticket_order where public_id = ?", UUID.fromString(order));
    }

    private void summit() {
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 100, null);
    }

    @Test
    void theOverviewShowsTheNumbersAndItsChartCatchesUpWithSalesByItself() {
        summit();
        // Two weeks of a launch: sign-ups every day, sales on some, all on the clock the server reads.
        long signups = 0;
        long sold = 0;
        for (int daysAgo = 13; daysAgo >= 0; daysAgo--) {
            clock.set(MutableClock.START.minus(Duration.ofDays(daysAgo)));
            for (int i = 0; i < (daysAgo * 7) % 5 + 1; i++) {
                subscribe("reader" + daysAgo + "-" + i + "@example.org", "Reader " + i);
                signups++;
            }
            applySignups();
            if (daysAgo % 3 == 0) {
                markPaid(invoiceOrder(daysAgo % 4 + 1, "buyer" + daysAgo + "@example.org"));
                sold += daysAgo % 4 + 1;
            }
        }

        dashboard.signInAsAdmin();
        dashboard.open("/admin");
        dashboard.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-stats] .stat")));
        // Each read is one script call: the 10-second refresh may swap the fragment at any moment.
        assertThat(text("[data-stats]")).contains("pending\n" + signups).contains("CHF");
        assertThat(text("#chart-desc")).contains(signups + " sign-ups and " + sold + " tickets sold");
        Browser.screenshot("overview");

        // A sale during the rush: the page shows it without a reload.
        markPaid(invoiceOrder(1, "carl@example.org"));
        String after = signups + " sign-ups and " + (sold + 1) + " tickets sold";
        dashboard.waitUntil(driver -> text("#chart-desc").contains(after), Duration.ofSeconds(25));
    }

    @Test
    void searchingTheSubscribersFindsOneByName() {
        subscribe("ada@example.org", "Ada Lovelace");
        subscribe("grace@example.org", "Grace Hopper");
        applySignups();

        dashboard.signInAsAdmin();
        dashboard.open("/admin/subscribers");
        dashboard.waitUntil(driver -> dashboard.rows("[data-rows]").size() == 2);
        WebElement search = dashboard.find("input[name=q]");
        search.sendKeys("hopper", Keys.ENTER);

        dashboard.waitUntil(driver -> dashboard.rows("[data-rows]").size() == 1
                && dashboard.find("[data-rows]").getText().contains("grace@example.org"));
        assertThat(dashboard.find("[data-rows]").getText()).doesNotContain("ada@example.org");
        assertThat(dashboard.find("[data-csv-link]").getAttribute("href")).endsWith("/api/admin/subscribers.csv?q=hopper");
        assertThat(dashboard.browser.getCurrentUrl()).endsWith("/admin/subscribers?q=hopper");
        Browser.screenshot("subscribers");
    }

    @Test
    void anInvoiceOrderIsMarkedPaidFromItsPage() {
        summit();
        String order = invoiceOrder(2, "bob@example.org");

        dashboard.signInAsAdmin();
        dashboard.open("/admin/orders/" + order);
        dashboard.visible("[data-mark-paid]").click();

        dashboard.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-notice]"), "Marked paid"));
        dashboard.waitUntil(ExpectedConditions.attributeToBe(By.cssSelector("[data-order]"), "data-status", "confirmed"));
        assertThat(orderStatus(order)).isEqualTo("confirmed");
        assertThat(dashboard.find("[data-mark-paid]").isDisplayed()).isFalse();
        assertThat(dashboard.browser.findElements(By.cssSelector("[data-order-tickets] code"))).hasSize(2);
        Browser.screenshot("order");
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefusedAndThePageSaysSo() {
        summit();
        String order = invoiceOrder(1, "bob@example.org");

        dashboard.signInAsAdmin();
        dashboard.open("/admin/orders/" + order);
        assertThat(dashboard.find("meta[name=csrf-token]").getAttribute("content")).isNotBlank();
        // What a forged request would carry: the session cookie, but not the token the page was given.
        dashboard.browser.executeScript("document.querySelector('meta[name=csrf-token]').content = 'forged'");
        dashboard.visible("[data-mark-paid]").click();

        dashboard.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-notice]"), "Refused (403)"));
        assertThat(dashboard.find("[data-notice]").getAttribute("class")).contains("notice-error");
        assertThat(orderStatus(order)).isEqualTo("pending_payment");
        Browser.screenshot("csrf-refused");
    }

    @Test
    void afterLoggingOutTheSessionNoLongerWorks() {
        dashboard.signInAsAdmin();
        dashboard.open("/admin/outbox");
        Cookie session = dashboard.browser.manage().getCookieNamed("frontdesk_admin");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();

        dashboard.find(".logout button").click();
        dashboard.waitUntil(ExpectedConditions.urlContains("/admin/login"));

        dashboard.browser.get(dashboard.url("/admin/outbox"));
        dashboard.waitUntil(ExpectedConditions.urlContains("/admin/login"));
        given().cookie(session.getName(), session.getValue()).redirects().follow(false).get("/admin/outbox")
                .then().statusCode(org.hamcrest.Matchers.not(200));
        given().cookie(session.getName(), session.getValue()).get("/api/admin/outbox").then().statusCode(401);
        Browser.screenshot("logged-out");
    }

    @Test
    void aPersonsPageShowsEverythingHeldAndErasesOnlyAfterTheAddressIsTypedAgain() {
        subscribe("ada@example.org", "Ada Lovelace");
        applySignups();
        summit();
        markPaid(invoiceOrder(1, "ada@example.org"));

        dashboard.signInAsAdmin();
        dashboard.open("/admin/person?email=ada@example.org");
        dashboard.waitUntil(driver -> driver.findElements(By.cssSelector("[data-person-body] section")).size() > 1);
        String shown = dashboard.find("[data-person-body]").getText();
        assertThat(shown).contains("Ada Lovelace").contains("summit-2027");
        assertThat(dashboard.find("a[download]").getAttribute("href"))
                .endsWith("/api/admin/contacts/ada%40example.org?download=true");
        Browser.screenshot("person");

        dashboard.visible("[data-erase]").click();
        WebElement erase = dashboard.visible("[data-erase-final]");
        assertThat(erase.isEnabled()).isFalse();
        dashboard.find("[data-erase-confirm]").sendKeys("ada@example.org");
        assertThat(erase.isEnabled()).isTrue();
        Browser.screenshot("person-erase");
        erase.click();

        dashboard.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-notice]"), "erased"));
        assertThat(database.count("select count(*) from contact where lower(email) = 'ada@example.org'")).isZero();
        assertThat(database.count("select count(*) from ticket_order")).isEqualTo(1);
    }

    @Test
    void everyScreenOpensWithItsDataForTheScreenshots() {
        summit();
        subscribe("ada@example.org", "Ada Lovelace");
        applySignups();
        markPaid(invoiceOrder(2, "ada@example.org"));
        invoiceOrder(1, "bob@example.org");
        given().contentType(ContentType.JSON).body(Map.of("tier", "reader-monthly", "email", "grace@example.org",
                "name", "Grace Hopper", "consent", true)).post("/api/support/pledges");

        dashboard.signInAsAdmin();
        for (String screen : new String[] {"supporters", "orders", "tickets", "events", "tiers", "outbox", "users",
                "audit", "people"}) {
            dashboard.open("/admin/" + screen);
            dashboard.waitUntil(driver -> (Boolean) dashboard.browser.executeScript(
                    "return !document.querySelector('[aria-busy=true]') && ![...document.querySelectorAll('p.none')]"
                            + ".some(p => p.textContent.startsWith('Loading'))"));
            assertThat(dashboard.find("h1").getText()).isNotBlank();
            assertThat(dashboard.browser.findElements(By.cssSelector("td.error, p.error"))).as(screen).isEmpty();
            Browser.screenshot(screen);
        }
        // Readable on a phone: tables scroll inside their box, the page itself never scrolls sideways.
        Browser.viewport(360, 740);
        for (String screen : new String[] {"", "/subscribers", "/orders", "/tickets", "/events", "/users", "/audit"}) {
            dashboard.open("/admin" + screen);
            assertThat((Long) dashboard.browser.executeScript("return document.documentElement.scrollWidth"))
                    .as(screen + ": " + dashboard.browser.executeScript("return [...document.querySelectorAll('body *')]"
                            + ".filter(e => e.getBoundingClientRect().right > 361 && !e.closest('.table-wrap')).slice(0, 4)"
                            + ".map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 40)).join(' | ')"))
                    .isLessThanOrEqualTo(360L);
        }
        Browser.screenshot("audit-phone");
    }
}
