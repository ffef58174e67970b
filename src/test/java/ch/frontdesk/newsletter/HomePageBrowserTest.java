package ch.frontdesk.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.Browser;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader on the front page, in a real browser: switches to French, gets a refused form back with the reasons next
 * to the fields and what they typed still there, then subscribes with the keyboard alone and gets the French
 * thank-you and a French confirmation email. The assertions hold whether the form posts as a page or, once the
 * enhancing script is there, in place: they look at what the reader sees, not at the address bar.
 */
@QuarkusTest
class HomePageBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void laptopAgain() {
        Browser.viewport(1280, 900);
    }

    @Test
    void aReaderSubscribesFromTheFrontPageInFrenchAndGetsAFrenchConfirmation() {
        ChromeDriver browser = Browser.get();
        browser.manage().deleteAllCookies();
        Browser.viewport(1280, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(base.toString());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("label[for=signup-email]")).getText()).isEqualTo("Email address");
        Browser.screenshot("home-en");

        browser.findElement(By.cssSelector("nav.languages a[hreflang=fr]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
        assertThat(browser.findElement(By.cssSelector("label[for=signup-email]")).getText()).isEqualTo("Adresse e-mail");

        // Refused: no valid address, no consent. The reasons stand next to their fields; what was typed stays.
        browser.findElement(By.id("signup-email")).sendKeys("pas-une-adresse");
        browser.findElement(By.id("signup-name")).sendKeys("Camille Martin");
        browser.findElement(By.cssSelector("#newsletter-signup button[type=submit]")).click();
        WebElement emailError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#newsletter-signup [data-error-for=email]")));
        assertThat(emailError.getText()).isEqualTo("Veuillez saisir une adresse e-mail valide.");
        assertThat(browser.findElement(By.cssSelector("#newsletter-signup [data-error-for=consent]")).getText())
                .isEqualTo("Veuillez cocher cette case pour donner votre accord.");
        assertThat(browser.findElement(By.cssSelector(".form-summary")).getText())
                .isEqualTo("Veuillez corriger les champs signalés.");
        WebElement email = browser.findElement(By.id("signup-email"));
        assertThat(email.getAttribute("value")).isEqualTo("pas-une-adresse");
        assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(email.getAttribute("aria-describedby")).isEqualTo(emailError.getAttribute("id"));
        assertThat(browser.findElement(By.id("signup-name")).getAttribute("value")).isEqualTo("Camille Martin");
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();

        // Fixed and sent with the keyboard alone: the hidden honeypot is not in the tab order.
        email.clear();
        email.sendKeys("camille@example.org", Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("signup-name");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("signup-consent");
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getTagName()).isEqualTo("button");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-frontdesk-answer]")));
        wait.until(ExpectedConditions.textToBePresentInElement(answer, "Consultez votre boîte de réception"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

        List<Mail> mails = deliverTo("camille@example.org");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Veuillez confirmer votre abonnement à Engineering Prompts");
        assertThat(mails.get(0).getText()).startsWith("Bonjour Camille Martin,");
        assertThat(database.single("select language from contact where email = 'camille@example.org'"))
                .isEqualTo("fr");
        assertThat(database.single("select wording from consent_record")).asString().startsWith("J’accepte");
    }

    @Test
    void theFrontPageReadsOnA360PixelPhoneWithoutScrollingSideways() {
        ChromeDriver browser = Browser.get();
        Browser.viewport(360, 800);
        browser.get(base + "?lang=fr");

        long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth).isLessThanOrEqualTo(360);
        WebElement submit = browser.findElement(By.cssSelector("#newsletter-signup button[type=submit]"));
        assertThat(submit.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("signup-email")).getRect().getWidth()).isBetween(200, 360);
        Browser.screenshot("home-fr-360");
    }
}
