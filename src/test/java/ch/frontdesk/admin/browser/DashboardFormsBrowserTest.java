package ch.frontdesk.admin.browser;

import ch.frontdesk.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The dashboard's forms turn what people type (francs, local times, checkboxes) into the API's JSON. */
@QuarkusTest
class DashboardFormsBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    DashboardDriver dashboard;

    @BeforeEach
    void signIn() {
        dashboard = new DashboardDriver(base);
        Browser.viewport(1280, 900);
        dashboard.signInAsAdmin();
    }

    private void type(String css, String text) {
        WebElement field = dashboard.find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Date and time inputs take typed text in the browser's locale order; their value is always ISO. */
    private void setValue(String css, String value) {
        dashboard.browser.executeScript("arguments[0].value = arguments[1]", dashboard.find(css), value);
    }

    private void saved(String text) {
        dashboard.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-notice]"), text));
    }

    @Test
    void anOrganiserSetsUpAnEventAndATicketTypeAndChangesItsSeats() {
        dashboard.open("/admin/events");
        type("#e-slug", "amld-2027");
        type("#e-name", "AMLD Intelligence Summit 2027");
        setValue("#e-starts", "2027-02-09");
        setValue("#e-ends", "2027-02-11");
        type("#e-venue", "EPFL campus, Lausanne");
        dashboard.find("#event-form button[type=submit]").click();
        saved("Event saved.");
        assertThat(database.single("select name from event where slug = 'amld-2027'")).isEqualTo("AMLD Intelligence Summit 2027");

        dashboard.waitUntil(driver -> new Select(driver.findElement(By.id("t-event"))).getOptions().size() == 1);
        type("#t-code", "conference");
        type("#t-name", "Conference pass");
        type("#t-cap", "800");
        type("#t-price", "590.50");
        type("#t-ea", "390");
        // The browser runs in UTC, so this local time is the instant 2027-01-01T00:00Z.
        setValue("#t-ee", "2027-01-01T00:00");
        type("#t-eq", "200");
        dashboard.find("#type-form button[type=submit]").click();
        saved("Ticket type saved.");
        assertThat(database.count("select price_amount from ticket_type where code = 'conference'")).isEqualTo(59050);
        assertThat(database.count("select early_amount from ticket_type where code = 'conference'")).isEqualTo(39000);
        assertThat(database.count("select early_quota from ticket_type where code = 'conference'")).isEqualTo(200);
        Object endsAt = database.single("select early_ends_at from ticket_type where code = 'conference'");
        assertThat(instant(endsAt)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));

        WebElement edit = dashboard.waitUntil(ExpectedConditions.elementToBeClickable(
                By.xpath("//article[contains(@class,'event')]//tr[td/code[text()='conference']]//button[text()='Edit']")));
        edit.click();
        assertThat(dashboard.find("#t-price").getAttribute("value")).isEqualTo("590.50");
        assertThat(dashboard.find("#t-code").getAttribute("readonly")).isNotNull();
        assertThat(dashboard.find("#type-form [data-form-title]").getText()).isEqualTo("Change conference");
        type("#t-cap", "900");
        dashboard.find("#type-form button[type=submit]").click();
        // Saved: the form is back to creating a new type.
        dashboard.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#type-form [data-form-title]"), "New ticket type"));
        assertThat(database.count("select capacity from ticket_type where code = 'conference'")).isEqualTo(900);
        assertThat(database.count("select price_amount from ticket_type where code = 'conference'")).isEqualTo(59050);
        Browser.screenshot("events-form");
    }

    @Test
    void anAdminCreatesADoorAccountAndDeletesItAfterConfirming() {
        dashboard.open("/admin/users");
        type("#u-name", "door-anna");
        type("#u-pass", "a-long-door-password");
        dashboard.find("#user-form input[name=roles][value=checkin]").click();
        dashboard.find("#user-form button[type=submit]").click();
        saved("User saved.");
        assertThat(database.single("select roles from app_user where username = 'door-anna'")).isEqualTo("checkin");

        WebElement delete = dashboard.waitUntil(ExpectedConditions.elementToBeClickable(
                By.xpath("//tr[td[text()='door-anna']]//button[text()='Delete']")));
        delete.click();
        assertThat(database.count("select count(*) from app_user where username = 'door-anna'")).isEqualTo(1);
        dashboard.visible(".confirm button.danger").click();
        saved("User deleted.");
        assertThat(database.count("select count(*) from app_user where username = 'door-anna'")).isZero();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
