package ch.frontdesk.newsletter;

import ch.frontdesk.testing.Browser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Test;

/**
 * The buttons of the pages that emails link to, pressed in a real browser, under the security headers those pages
 * send: a browser's own form post must not look cross-origin to the service.
 */
@QuarkusTest
class EmailLinkPagesBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aReaderConfirmsAndLaterUnsubscribesWithTheButtonsOfTheEmailedLinks() {
        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        String confirm = tokenIn(deliverTo("ada@example.org").get(0).getText(), "/newsletter/confirm");

        ChromeDriver browser = Browser.get();
        browser.manage().deleteAllCookies();
        browser.get(base + "newsletter/confirm?token=" + confirm);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "subscribed"));
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("active");

        mailbox.clear();
        outboxSender.sendDue();
        String unsubscribe = tokenIn(mailbox.getMailsSentTo("ada@example.org").get(0).getText(), "/newsletter/unsubscribe");
        browser.get(base + "newsletter/unsubscribe?token=" + unsubscribe);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "You are unsubscribed"));
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("unsubscribed");
    }
}
