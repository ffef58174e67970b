package ch.frontdesk.admin.browser;

import ch.frontdesk.testing.Browser;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.admin.AdminAccounts;
import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.tickets.TicketFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The door, on a phone: door staff type or scan a code and get a big green or red answer. */
@QuarkusTest
class CheckinBrowserTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AdminAccounts accounts;

    @Test
    void doorStaffCheckATicketInOnAPhoneAndASecondScanIsRefusedWithTheFirstTime() {
        TicketFixtures.createEvent();
        TicketFixtures.createType("conference", 100, null);
        String order = TicketFixtures.place(TicketFixtures.order("conference", 1, "bob@example.org"))
                .then().statusCode(201).extract().path("id");
        String code = TicketFixtures.admin().body("{}").post("/api/admin/orders/" + order + "/mark-paid")
                .then().statusCode(200).extract().path("tickets[0].code");
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password-1", Set.of("checkin")));

        DashboardDriver dashboard = new DashboardDriver(base);
        Browser.viewport(360, 740);
        dashboard.signIn("door", "door-password-1");
        dashboard.waitUntil(ExpectedConditions.urlContains("/admin/checkin"));
        dashboard.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("html.js")));
        assertThat(dashboard.find("select[name=event]").getAttribute("value")).isEqualTo(TicketFixtures.EVENT);
        assertThat(dashboard.browser.findElements(By.linkText("Orders"))).isEmpty();

        dashboard.find("input[name=code]").sendKeys(code, Keys.ENTER);
        dashboard.visible(".verdict-ok");
        assertThat(dashboard.find("[data-verdict]").getText()).contains("Welcome").contains("Attendee 0");
        assertThat(database.count("select count(*) from ticket where checked_in_at is not null")).isEqualTo(1);

        clock.advance(java.time.Duration.ofMinutes(5));
        dashboard.find("input[name=code]").sendKeys(code, Keys.ENTER);
        dashboard.visible(".verdict-no");
        assertThat(dashboard.find("[data-verdict]").getText()).contains("Already checked in")
                .contains("Attendee 0").contains("2026-01-15 09:00");
        assertThat(dashboard.find("[data-recent]").findElements(By.tagName("li"))).hasSize(2);
        // Readable at 360 px: nothing sticks out sideways.
        assertThat((Long) dashboard.browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
        Browser.screenshot("checkin-phone");

        dashboard.browser.get(dashboard.url("/admin/orders"));
        assertThat(dashboard.browser.getPageSource()).doesNotContain("data-api=\"/api/admin/orders\"");
    }
}
