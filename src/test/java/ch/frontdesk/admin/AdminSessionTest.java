package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.AdminLogin;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dashboard's login: a session cookie that is strict, expires, ends at logout and needs a CSRF token to change anything. */
@QuarkusTest
class AdminSessionTest extends FrontdeskTest {

    @Inject
    AdminAccounts accounts;

    @Test
    void theLoginFormSetsAStrictHttpOnlySessionCookieAndSendsTheAdminToTheDashboard() {
        var answer = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "admin").formParam("password", "test-admin-password")
                .post("/admin/login");
        answer.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/admin"));
        Cookie cookie = answer.detailedCookie(AdminSessions.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isSecured()).as("the public URL of the tests is http").isFalse();
        String stored = (String) database.single("select token_hash from admin_session");
        assertThat(stored).isNotEqualTo(cookie.getValue()).hasSize(64);
        assertThat(database.count("select count(*) from audit_entry where action = 'login' and actor = 'admin'")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithoutACookie() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "admin").formParam("password", "wrong-password")
                .post("/admin/login")
                .then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("Wrong username or password"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        assertThat(database.count("select count(*) from admin_session")).isZero();
    }

    @Test
    void theSessionOpensTheAdminApiAndReadsNeedNoToken() {
        AdminLogin.admin().cookieOnly().get("/api/admin/outbox").then().statusCode(200);
    }

    @Test
    void aChangeWithTheCookieButWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        AdminLogin login = AdminLogin.admin();
        Map<String, Object> tier = Map.of("code", "friend", "name", "Friend", "interval", "month",
                "price", Map.of("amount", 500, "currency", "CHF"));
        login.cookieOnly().contentType(ContentType.JSON).body(tier).post("/api/admin/support/tiers")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("csrf"));
        login.cookieOnly().contentType(ContentType.JSON).header("X-CSRF-Token", "not-the-token").body(tier)
                .post("/api/admin/support/tiers").then().statusCode(403);
        assertThat(database.count("select count(*) from support_tier")).isZero();

        login.dashboard().body(tier).post("/api/admin/support/tiers").then().statusCode(201);
        assertThat(database.count("select count(*) from support_tier")).isEqualTo(1);
    }

    @Test
    void everyKindOfChangeNeedsTheTokenAndOtherCredentialsDoNotStandInForIt() {
        AdminLogin login = AdminLogin.admin();
        login.dashboard().body(Map.of("code", "friend", "name", "Friend", "interval", "month",
                "price", Map.of("amount", 500, "currency", "CHF"))).post("/api/admin/support/tiers").then().statusCode(201);
        Map<String, Object> renamed = Map.of("code", "friend", "name", "Renamed", "interval", "month",
                "price", Map.of("amount", 500, "currency", "CHF"));
        login.cookieOnly().contentType(ContentType.JSON).body(renamed).put("/api/admin/support/tiers/friend")
                .then().statusCode(403);
        login.cookieOnly().contentType(ContentType.JSON).delete("/api/admin/support/tiers/friend").then().statusCode(403);
        login.cookieOnly().contentType(ContentType.JSON).delete("/api/admin/contacts/ada@example.org").then().statusCode(403);
        // Another kind of Authorization header is no Basic login: the cookie still needs its token, and the header
        // itself opens nothing.
        login.cookieOnly().contentType(ContentType.JSON).header("Authorization", "Bearer x").body(renamed)
                .put("/api/admin/support/tiers/friend").then().statusCode(403);
        login.cookieOnly().header("Authorization", "Bearer x").get("/api/admin/outbox").then().statusCode(401);
        assertThat(database.single("select name from support_tier")).isEqualTo("Friend");
        assertThat(database.count("select count(*) from email_suppression")).isZero();
    }

    @Test
    void logoutNeedsTheTokenThenEndsTheSession() {
        AdminLogin login = AdminLogin.admin();
        login.cookieOnly().contentType(ContentType.URLENC).formParam("csrf", "forged").post("/admin/logout")
                .then().statusCode(403);
        login.cookieOnly().get("/api/admin/outbox").then().statusCode(200);

        login.cookieOnly().contentType(ContentType.URLENC).formParam("csrf", login.csrf()).post("/admin/logout")
                .then().statusCode(303).header("Location", containsString("/admin/login"));
        login.cookieOnly().get("/api/admin/outbox").then().statusCode(401);
        assertThat(database.count("select count(*) from admin_session")).isZero();
    }

    @Test
    void aSessionEndsAfterHalfAnHourUnused() {
        AdminLogin login = AdminLogin.admin();
        clock.advance(Duration.ofMinutes(29));
        login.cookieOnly().get("/api/admin/outbox").then().statusCode(200);
        clock.advance(Duration.ofMinutes(29));
        login.cookieOnly().get("/api/admin/outbox").then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));
        login.cookieOnly().get("/api/admin/outbox").then().statusCode(401);
    }

    @Test
    void aBusySessionStillEndsTwelveHoursAfterLogin() {
        AdminLogin login = AdminLogin.admin();
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            login.cookieOnly().get("/api/admin/outbox").then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(21));
        login.cookieOnly().get("/api/admin/outbox").then().statusCode(401);
    }

    @Test
    void aDashboardPageWithoutASessionSendsThePersonToTheLoginForm() {
        given().redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", containsString("/admin/login"));
        given().get("/admin/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("name=\"username\"")).body(containsString("name=\"password\""));
    }

    @Test
    void doorStaffAreSentToCheckInAndMayNotUseTheRestOfTheAdminApi() {
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password-1", Set.of("checkin")));
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", "door").formParam("password", "door-password-1").post("/admin/login")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/admin/checkin"));
        AdminLogin door = AdminLogin.as("door", "door-password-1");
        door.cookieOnly().get("/api/admin/outbox").then().statusCode(403).body("status", equalTo(403));
    }
}
