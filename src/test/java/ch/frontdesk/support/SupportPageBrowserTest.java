package ch.frontdesk.support;

import static ch.frontdesk.testing.AdminApi.admin;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.Browser;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader pledges in German from {@code /support} in a real browser, on a phone-sized screen. The assertions hold
 * whether the form is posted by the browser (a new page) or submitted in place by the embeddable script.
 */
@QuarkusTest
class SupportPageBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void desktopAgain() {
        Browser.viewport(1280, 900);
    }

    @Test
    void aReaderPledgesByInvoiceInGermanAndSeesTheThankYou() {
        admin().contentType(ContentType.JSON).body(Map.of("code", "patron", "name", "Patron",
                "description", "Ein Jahr Unterstützung", "price", Map.of("amount", 10000, "currency", "CHF"),
                "interval", "year")).post("/api/admin/support/tiers").then().statusCode(201);

        ChromeDriver browser = Browser.get();
        browser.manage().deleteAllCookies();
        Browser.viewport(360, 780);
        browser.get(base + "support?lang=de");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Engineering Prompts unterstützen");
        assertThat(browser.findElement(By.cssSelector("[data-tier-price=patron]")).getText())
                .isEqualTo("CHF 100.00 pro Jahr");
        // Readable on a phone: nothing is wider than the screen.
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(360L);

        // The tier by keyboard: focus the radio and press space.
        browser.findElement(By.id("tier-patron")).sendKeys(" ");
        assertThat(browser.findElement(By.id("tier-patron")).isSelected()).isTrue();
        browser.findElement(By.id("pledge-email")).sendKeys("ada@example.org");
        browser.findElement(By.id("pledge-name")).sendKeys("Ada");
        browser.findElement(By.cssSelector("label[for=pledge-consent]")).click();
        Browser.screenshot("support-de");
        browser.findElement(By.cssSelector("#pledge-form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-frontdesk-answer] h1"), "Danke für Ihre Unterstützung"));
        assertThat(browser.findElement(By.cssSelector("[data-frontdesk-answer]")).getText())
                .contains("QR-Rechnung");
        Browser.screenshot("support-de-thanks");

        assertThat(database.single("select status from pledge")).isEqualTo("pending_payment");
        assertThat(database.single("select language from contact")).isEqualTo("de");
        assertThat(deliverTo("ada@example.org").get(0).getSubject())
                .isEqualTo("Ihre Unterstützung für Engineering Prompts: Zahlungsangaben");
    }
}
