package ch.frontdesk.admin.browser;

import ch.frontdesk.testing.Browser;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do on the dashboard, in the words of its users: sign in, open a page, wait for it. */
final class DashboardDriver {

    final ChromeDriver browser = Browser.get();
    private final String base;

    DashboardDriver(URL base) {
        String url = base.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String url(String path) {
        return base + path;
    }

    /** Signs in through the login form, as a person does, from a browser without a session. */
    void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/admin/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        try {
            waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Still on the login form after signing in as " + username + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    void signInAsAdmin() {
        signIn("admin", "test-admin-password");
    }

    void open(String path) {
        browser.get(url(path));
        // admin.js marks the page once it has wired everything up.
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html.js")));
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    List<WebElement> rows(String tbody) {
        return browser.findElements(By.cssSelector(tbody + " tr"));
    }

    WebElement visible(String css) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return waitUntil(condition, Duration.ofSeconds(10));
    }

    <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(browser, timeout).until(condition);
    }
}
