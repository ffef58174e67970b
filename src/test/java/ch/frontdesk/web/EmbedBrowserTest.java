package ch.frontdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.Browser;
import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The embedded forms used from another site, in a real browser: {@code /embed/demo} is opened as
 * {@code http://127.0.0.1:<port>} while its snippets post to the public URL {@code http://localhost:<port>}, so the
 * posts are cross-origin and pass through CORS and the demo page's Content-Security-Policy as on an organiser's site.
 */
@QuarkusTest
@TestProfile(EmbedBrowserTest.SecondOrigin.class)
class EmbedBrowserTest extends FrontdeskTest {

    /**
     * The public URL must name the port the service listens on, so the port is chosen here rather than by the
     * system; the second origin is the same service under another name, listed as an embedding site.
     */
    public static class SecondOrigin implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", Integer.toString(port()),
                    "frontdesk.public-url", "http://localhost:" + port(),
                    "FRONTDESK_CORS_ORIGINS", secondOrigin());
        }
    }

    /** A free port, kept in a system property so the profile and the test (other class loaders) share it. */
    static synchronized int port() {
        String known = System.getProperty("embed-browser-test.port");
        if (known == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                known = Integer.toString(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("embed-browser-test.port", known);
        }
        return Integer.parseInt(known);
    }

    static String secondOrigin() {
        return "http://127.0.0.1:" + port();
    }

    static String publicUrl() {
        return "http://localhost:" + port();
    }

    @Inject
    OriginLog origins;
    @Inject
    Seed seed;

    @Test
    void theEmbeddedNewsletterFormAnswersInPlaceFromAnotherOrigin() {
        seed.tier("reader-monthly", 500, "month");
        seed.ticketType(seed.event("summit-2027"), "conference", null, null, 0);
        origins.clear();
        ChromeDriver browser = Browser.get();
        Browser.viewport(1280, 900);
        String demo = secondOrigin() + "/embed/demo";
        browser.get(demo);
        // The three snippets, as pasted, under the demo page's policy: the script from the public URL has run.
        assertThat(browser.findElements(By.cssSelector("form[data-frontdesk]"))).extracting(f -> f.getAttribute("id"))
                .containsExactly("frontdesk-newsletter-en", "frontdesk-pledge-en", "frontdesk-waitlist-summit-2027-en");
        assertThat(browser.executeScript("return window.frontdeskForms && window.frontdeskForms.version")).isEqualTo(1L);
        WebElement form = browser.findElement(By.id("frontdesk-newsletter-en"));
        assertThat(form.getAttribute("action")).isEqualTo(publicUrl() + "/api/newsletter/subscriptions");

        // An address the browser accepts but the service refuses: the error appears next to the field, in place.
        WebElement email = browser.findElement(By.id("frontdesk-newsletter-en-email"));
        email.sendKeys("ada@example");
        browser.findElement(By.id("frontdesk-newsletter-en-name")).sendKeys("Ada");
        browser.findElement(By.id("frontdesk-newsletter-en-consent")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#frontdesk-newsletter-en p.field-error[data-error-for=email]")));
        assertThat(error.getAttribute("id")).isEqualTo("frontdesk-newsletter-en-email-error");
        assertThat(error.getText()).isEqualTo("Please enter a valid email address.");
        assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(email.getAttribute("aria-describedby")).isEqualTo("frontdesk-newsletter-en-email-error");
        // The error follows the field itself, and what was typed is still there.
        assertThat(browser.findElement(By.cssSelector("#frontdesk-newsletter-en-email + p.field-error")).getText())
                .isEqualTo(error.getText());
        assertThat(browser.findElement(By.id("frontdesk-newsletter-en-name")).getAttribute("value")).isEqualTo("Ada");
        assertThat(browser.findElement(By.cssSelector("#frontdesk-newsletter-en .form-summary")).getText())
                .isNotBlank();
        assertThat(browser.getCurrentUrl()).isEqualTo(demo);
        Browser.screenshot("embed-demo-error");
        applySignups();
        assertThat(database.count("select count(*) from contact")).isZero();

        // Corrected and sent again: the answer takes the form's place and the page stays the organiser's.
        email.clear();
        email.sendKeys("ada@example.org");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement answer = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.demo-snippet[data-kind=newsletter] [data-frontdesk-answer]")));
        assertThat(answer.getText()).contains("Check your inbox");
        assertThat(browser.findElements(By.id("frontdesk-newsletter-en"))).isEmpty();
        assertThat(browser.getCurrentUrl()).isEqualTo(demo);
        // Focus moved to the answer, for screen readers.
        assertThat(browser.switchTo().activeElement()).isEqualTo(answer);
        Browser.screenshot("embed-demo");

        assertThat(deliverTo("ada@example.org")).hasSize(1);
        assertThat(database.single("select name from contact where email = 'ada@example.org'")).isEqualTo("Ada");

        // Both posts were cross-origin, from the demo page's origin, and allowed by CORS.
        var posts = origins.seen().stream()
                .filter(s -> s.method().equals("POST") && s.path().equals("/api/newsletter/subscriptions")).toList();
        assertThat(posts).hasSize(2).allSatisfy(post -> {
            assertThat(post.origin()).isEqualTo(secondOrigin());
            assertThat(post.secFetchMode()).isEqualTo("cors");
            assertThat(post.allowOrigin()).isEqualTo(secondOrigin());
        });
        assertThat(posts).extracting(OriginLog.Seen::status).containsExactly(400, 303);
    }

    @Test
    void withoutJavaScriptTheEmbeddedFormIsAPlainFormPostToThePublicUrl() {
        origins.clear();
        ChromeDriver browser = Browser.get();
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            browser.get(secondOrigin() + "/embed/demo");
            browser.findElement(By.id("frontdesk-newsletter-en-email")).sendKeys("ada@example");
            browser.findElement(By.id("frontdesk-newsletter-en-consent")).click();
            browser.findElement(By.cssSelector("#frontdesk-newsletter-en button[type=submit]")).click();
            WebElement refused = wait(browser).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-frontdesk-answer] li[data-error-for=email]")));
            assertThat(refused.getText()).isEqualTo("Please enter a valid email address.");
            assertThat(browser.getCurrentUrl()).isEqualTo(publicUrl() + "/api/newsletter/subscriptions");

            browser.get(secondOrigin() + "/embed/demo");
            browser.findElement(By.id("frontdesk-newsletter-en-email")).sendKeys("grace@example.org");
            browser.findElement(By.id("frontdesk-newsletter-en-consent")).click();
            browser.findElement(By.cssSelector("#frontdesk-newsletter-en button[type=submit]")).click();
            wait(browser).until(ExpectedConditions.urlContains("/newsletter/thanks"));
            assertThat(browser.getCurrentUrl()).startsWith(publicUrl() + "/newsletter/thanks");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Check your inbox");
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
        assertThat(deliverTo("grace@example.org")).hasSize(1);
        var posts = origins.seen().stream()
                .filter(s -> s.method().equals("POST") && s.path().equals("/api/newsletter/subscriptions")).toList();
        assertThat(posts).extracting(OriginLog.Seen::secFetchMode).containsOnly("navigate");
        assertThat(posts).extracting(OriginLog.Seen::origin).containsOnly(secondOrigin());
        assertThat(posts).extracting(OriginLog.Seen::status).containsExactly(400, 303);
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }
}
