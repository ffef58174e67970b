package ch.frontdesk.admin.browser;

import ch.frontdesk.testing.Browser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.tickets.TicketFixtures;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The dashboard's shortcuts for daily errands: a lost confirmation, a bank transfer, a list narrowed by event. */
@QuarkusTest
class DashboardShortcutsBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    DashboardDriver dashboard;

    @BeforeEach
    void openBrowser() {
        dashboard = new DashboardDriver(base);
        Browser.viewport(1280, 900);
    }

    private static void subscribe(String email, String name) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "name", name, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
    }

    private static Response confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/newsletter/confirm");
    }

    private static String confirmToken(List<Mail> mails) {
        return tokenIn(mails.get(mails.size() - 1).getText(), "/newsletter/confirm");
    }

    private static void resendByApi(String email) {
        TicketFixtures.admin().body("{}").post("/api/admin/subscribers/" + email + "/resend-confirmation")
                .then().statusCode(202);
    }

    private void noticeSays(String text) {
        dashboard.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-notice]"), text));
    }

    private List<String> optionValues(String css) {
        return new Select(dashboard.find(css)).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    /** The rows of the list once it has finished loading (no "Loading", not busy). */
    private String rowsText() {
        return dashboard.find("[data-rows]").getText();
    }

    private void listShows(int rows) {
        dashboard.waitUntil(driver -> dashboard.browser.findElements(By.cssSelector("[data-list][aria-busy]")).isEmpty()
                && dashboard.rows("[data-rows]").size() == rows
                && !rowsText().contains("Nothing to show"));
    }

    @Test
    void aLeakedVoucherIsRetiredFromTheEventsScreenAndTakesNoNewOrder() {
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 100, null);
        TicketFixtures.admin().body(Map.of("code", "LEAKED", "event", TicketFixtures.EVENT,
                "discount", Map.of("percent", 100), "maxUses", 50)).post("/api/admin/vouchers").then().statusCode(201);

        dashboard.signInAsAdmin();
        dashboard.open("/admin/events");
        dashboard.visible("tr[data-voucher=LEAKED]");
        dashboard.find("tr[data-voucher=LEAKED] button.secondary").click();
        noticeSays("retired");
        dashboard.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-voucher=LEAKED]"), "retired"));
        Browser.screenshot("events-voucher-retired");

        var order = TicketFixtures.order("conference", 1, "mallory@example.org");
        order.put("voucher", "LEAKED");
        TicketFixtures.place(order).then().statusCode(400);
        assertThat(database.single("select active from voucher")).isEqualTo(false);
    }

    @Test
    void aPendingSubscribersRowResendsTheConfirmationWhoseNewLinkConfirms() {
        subscribe("ada@example.org", "Ada Lovelace");
        subscribe("grace@example.org", "Grace Hopper");
        String first = confirmToken(deliverTo("ada@example.org"));
        confirm(confirmToken(deliverTo("grace@example.org"))).then().statusCode(200);
        clock.advance(Duration.ofHours(1));

        // Signed in after the clock moved on: a session unused for 30 minutes has ended.
        dashboard.signInAsAdmin();
        dashboard.open("/admin/subscribers");
        listShows(2);
        // Only the pending subscriber's row offers the resend: an active one has nothing to confirm.
        WebElement adaRow = dashboard.find("[data-rows] tr:has(a[href$='ada%40example.org'])");
        WebElement graceRow = dashboard.find("[data-rows] tr:has(a[href$='grace%40example.org'])");
        assertThat(graceRow.findElements(By.xpath(".//button[text()='Resend confirmation']"))).isEmpty();
        adaRow.findElement(By.xpath(".//button[text()='Resend confirmation']")).click();

        noticeSays("A new confirmation email to ada@example.org is on its way.");
        Browser.screenshot("subscribers-resend");
        List<Mail> mails = deliverTo("ada@example.org");
        assertThat(mails).hasSize(2);
        String fresh = confirmToken(mails);
        assertThat(fresh).isNotEqualTo(first);
        confirm(fresh).then().statusCode(200);
        assertThat(database.single("select s.status from newsletter_subscription s join contact c on c.id = s.contact_id"
                + " where c.email = 'ada@example.org'")).isEqualTo("active");
    }

    @Test
    void aPersonsPageResendsOnlyWhilePendingAndSaysWhenTheDailyCapLifts() {
        subscribe("ada@example.org", "Ada Lovelace");
        applySignups();
        clock.advance(Duration.ofHours(1));
        resendByApi("ada@example.org");
        clock.advance(Duration.ofHours(1));
        resendByApi("ada@example.org");
        clock.advance(Duration.ofHours(1));

        // Signed in after the clock moved on: a session unused for 30 minutes has ended.
        dashboard.signInAsAdmin();
        dashboard.open("/admin/person?email=ada@example.org");
        dashboard.visible("[data-resend-confirmation]").click();

        // The third confirmation in 24 hours was the last; the first went out three hours ago.
        noticeSays("Try again in 21 hours.");
        assertThat(dashboard.find("[data-notice]").getAttribute("class")).contains("notice-error");
        assertThat(deliverTo("ada@example.org")).hasSize(3);
        Browser.screenshot("person-resend-capped");

        confirm(confirmToken(deliverTo("ada@example.org"))).then().statusCode(200);
        dashboard.open("/admin/person?email=ada@example.org");
        dashboard.waitUntil(driver -> driver.findElements(By.cssSelector("[data-person-body] section")).size() > 1);
        assertThat(dashboard.find("[data-resend-confirmation]").isDisplayed()).isFalse();
    }

    @Test
    void aBankTransferIsFoundByItsReferenceTypedLooselyAndMarkedPaidFromThere() {
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 100, null);
        ExtractableResponse<Response> placed = TicketFixtures.place(TicketFixtures.order("conference", 2, "bob@example.org"))
                .then().statusCode(201).extract();
        String order = placed.path("id");
        String reference = placed.path("paymentReference");
        // As read off a bank statement: lower case, the dash a space, the code split in two.
        String typed = reference.substring(0, 2).toLowerCase() + " " + reference.substring(3, 7).toLowerCase() + " "
                + reference.substring(7).toLowerCase();

        dashboard.signInAsAdmin();
        dashboard.open("/admin/orders");
        dashboard.find("#ref-q").sendKeys("FD-AAAAAAAAAA", Keys.ENTER);
        dashboard.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-reference-result]"),
                "No order or pledge has this reference."));

        WebElement field = dashboard.find("#ref-q");
        field.clear();
        field.sendKeys(typed, Keys.ENTER);
        WebElement result = dashboard.waitUntil(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-reference-result][data-status=pending_payment]")));
        assertThat(result.getText()).contains("Ticket order").contains("pending payment").contains("CHF 600.00")
                .contains("Buyer").contains("bob@example.org").contains("invoice");
        assertThat(result.findElement(By.linkText("Open the order")).getAttribute("href")).endsWith("/admin/orders/" + order);
        Browser.screenshot("orders-reference");

        result.findElement(By.cssSelector("[data-reference-mark-paid]")).click();

        noticeSays("Marked paid");
        dashboard.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-reference-result][data-status=confirmed]")));
        assertThat(database.single("select status from ticket_order where public_id = ?", UUID.fromString(order)))
                .isEqualTo("confirmed");
        assertThat(dashboard.browser.findElements(By.cssSelector("[data-reference-mark-paid]"))).isEmpty();
    }

    @Test
    void choosingAnEventAndATicketTypeNarrowsTheTicketsAndTheChoiceStaysInTheAddress() {
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 100, null);
        TicketFixtures.createType("workshop", 100, null);
        TicketFixtures.admin().body(Map.of("slug", "meetup-2026", "name", "Engineering Prompts meetup",
                        "startsOn", "2026-03-05", "endsOn", "2026-03-05", "venue", "Lausanne", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        TicketFixtures.admin().body(Map.of("code", "community", "name", "Community seat", "capacity", 50,
                        "price", Map.of("amount", 2000, "currency", "CHF")))
                .post("/api/admin/events/meetup-2026/ticket-types").then().statusCode(201);
        TicketFixtures.place(TicketFixtures.order("conference", 2, "ada@example.org")).then().statusCode(201);
        TicketFixtures.place(TicketFixtures.order("workshop", 1, "bob@example.org")).then().statusCode(201);
        given().contentType(ContentType.JSON).body(TicketFixtures.order("community", 1, "carl@example.org"))
                .post("/api/events/meetup-2026/orders").then().statusCode(201);

        dashboard.signInAsAdmin();
        dashboard.open("/admin/tickets");
        listShows(4);
        // Events come in date order: the meetup is first.
        assertThat(optionValues("#f-event")).containsExactly("", "meetup-2026", TicketFixtures.EVENT);
        assertThat(optionValues("#f-type")).containsExactlyInAnyOrder("", "conference", "workshop", "community");

        new Select(dashboard.find("#f-event")).selectByValue(TicketFixtures.EVENT);
        listShows(3);
        // The types follow the event: the meetup's seat is no longer a choice.
        assertThat(optionValues("#f-type")).containsExactlyInAnyOrder("", "conference", "workshop");
        new Select(dashboard.find("#f-type")).selectByValue("workshop");
        listShows(1);
        assertThat(rowsText()).contains("workshop").doesNotContain("conference").doesNotContain("community");
        assertThat(dashboard.browser.getCurrentUrl()).endsWith("/admin/tickets?event=summit-2027&type=workshop");
        Browser.screenshot("tickets-filtered");

        // A reload, or a bookmark, opens the same choice and the same rows.
        dashboard.open("/admin/tickets?event=summit-2027&type=workshop");
        listShows(1);
        assertThat(new Select(dashboard.find("#f-event")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(TicketFixtures.EVENT);
        assertThat(new Select(dashboard.find("#f-type")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("workshop");
        assertThat(rowsText()).contains("workshop");

        // The orders list offers the same events.
        dashboard.open("/admin/orders?event=meetup-2026");
        listShows(1);
        assertThat(rowsText()).contains("carl@example.org").doesNotContain("ada@example.org");
        assertThat(new Select(dashboard.find("#f-event")).getFirstSelectedOption().getText())
                .isEqualTo("Engineering Prompts meetup (meetup-2026)");
    }
}
