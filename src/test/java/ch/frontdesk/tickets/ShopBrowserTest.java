package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.Browser;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A buyer in a real browser, from the shop to the order page. The steps wait for what the page shows rather than for
 * a page load, so they hold whether the forms are posted by the browser or submitted in place by
 * {@code /embed/frontdesk.js}.
 */
@QuarkusTest
class ShopBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    ChromeDriver browser;

    @BeforeEach
    void summitWithASpeakersVoucher() {
        createEvent();
        createType("conference", 100, null);
        createType("workshop", 12, null);
        admin().body(Map.of("code", "SPEAKERS10", "event", EVENT, "discount", Map.of("percent", 10), "maxUses", 5))
                .post("/api/admin/vouchers").then().statusCode(201);
        browser = Browser.get();
        browser.manage().deleteAllCookies();
        Browser.viewport(1280, 900);
    }

    @AfterEach
    void laptopSizedAgain() {
        // The browser is shared with the other browser tests.
        Browser.viewport(1280, 900);
    }

    @Test
    void aBuyerOrdersTwoTicketsWithAVoucherAndSeesTheEarlyBirdPriceUpToTheOrderPage() {
        browser.get(base + "events/" + EVENT + "?lang=en");
        assertThat(text("#type-conference")).contains("CHF 300.00", "Early-bird price",
                "until 1 February 2026, 00:00 CET");
        assertThat(text("#type-workshop")).contains("Only 12 seats left");
        Browser.screenshot("shop-en");

        type("quantity.conference", "2");
        type("voucher", "speakers10");
        click("button[name=action][value=review]");
        waitFor(driver -> driver.findElements(By.cssSelector("fieldset.attendee")).size() == 2);

        assertThat(text("#shop-summary")).contains("Early-bird price", "CHF 270.00", "Voucher applied");
        assertThat(text("#shop-summary [data-total]")).isEqualTo("CHF 540.00");
        type("tickets[0].attendee.name", "Ada Lovelace");
        type("tickets[0].attendee.email", "ada@example.org");
        type("tickets[1].attendee.name", "Grace Hopper");
        type("email", "buyer@example.org");
        type("name", "Buyer");
        click("#consent");
        click("button[name=action][value=order]");

        waitFor(driver -> !driver.findElements(By.cssSelector("[data-frontdesk-answer] [data-ticket]")).isEmpty());
        String order = text("[data-frontdesk-answer]");
        assertThat(order).contains("Your order for AMLD Intelligence Summit 2027", "Awaiting payment", "Ada Lovelace",
                "Grace Hopper", "Early-bird price", "CHF 270.00", "CHF 540.00");
        assertThat(database.single("select total_amount from ticket_order")).isEqualTo(54000L);
        assertThat(database.count("select count(*) from ticket where price_label = 'early-bird'")).isEqualTo(2);
        Browser.screenshot("shop-order-en");
    }

    @Test
    void theSummaryReadsInFrenchOnAPhone() {
        Browser.viewport(360, 800);
        browser.get(base + "events/" + EVENT + "?lang=fr");

        type("quantity.conference", "2");
        click("button[name=action][value=review]");
        waitFor(driver -> driver.findElements(By.cssSelector("fieldset.attendee")).size() == 2);

        assertThat(text("#shop-summary")).contains("Récapitulatif", "Prix early bird", "300,00 CHF");
        assertThat(text("#shop-summary [data-total]")).isEqualTo("600,00 CHF");
        browser.executeScript("document.getElementById('shop-summary').scrollIntoView()");
        Browser.screenshot("shop-review-fr-360");
        long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth).as("nothing wider than the phone's screen").isLessThanOrEqualTo(360);
    }

    private void type(String name, String value) {
        WebElement field = waitFor(driver -> {
            List<WebElement> found = driver.findElements(By.name(name));
            return found.isEmpty() ? null : found.get(0);
        });
        field.clear();
        field.sendKeys(value);
    }

    private void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }
}
