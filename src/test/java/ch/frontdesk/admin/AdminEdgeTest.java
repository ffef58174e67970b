package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.AdminLogin;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin side is for its own pages and for scripts: no other site may use it, with or without credentials. */
@QuarkusTest
class AdminEdgeTest extends FrontdeskTest {

    @TestHTTPResource("/")
    URL base;

    private static final Map<String, Object> TIER = Map.of("code", "friend", "name", "Friend", "interval", "month",
            "price", Map.of("amount", 500, "currency", "CHF"));

    @Test
    void anotherSiteCannotUseTheAdminApiEvenWithCredentials() {
        given().auth().preemptive().basic("admin", "test-admin-password").header("Origin", "https://elsewhere.example")
                .get("/api/admin/outbox")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/api/admin/support/tiers")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").get("/admin/login")
                .then().statusCode(403);
    }

    @Test
    void theDashboardsOwnOriginIsWelcome() {
        AdminLogin login = AdminLogin.admin();
        String ownOrigin = base.getProtocol() + "://" + base.getAuthority();
        login.dashboard().header("Origin", ownOrigin).body(TIER).post("/api/admin/support/tiers")
                .then().statusCode(201);
    }

    @Test
    void aPostThatIsNotJsonIsRefusedSoACrossSiteFormCannotUseCachedBasicCredentials() {
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.URLENC)
                .formParam("code", "friend").post("/api/admin/support/tiers")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.TEXT)
                .body("{}").post("/api/admin/outbox/1/retry").then().statusCode(415);
        given().auth().preemptive().basic("admin", "test-admin-password").post("/api/admin/outbox/1/retry")
                .then().statusCode(415);
        assertThat(database.count("select count(*) from support_tier")).isZero();
    }

    @Test
    void thePublicApiStillAnswersTheConfiguredSitesWithoutCredentials() {
        given().header("Origin", "http://localhost:8080").contentType(ContentType.JSON)
                .body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions")
                .then().statusCode(202)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"))
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.not(equalTo("true")));
    }

    @Test
    void pagesForbidInlineScriptsFramingAndReferrers() {
        given().get("/admin/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", containsString("no-store"))
                .body(org.hamcrest.Matchers.not(containsString("<script>")))
                .body(org.hamcrest.Matchers.not(containsString("<style")));
    }

    @Test
    void pagesOpenedWithATokenAreNeverCachedButPublicOnesMayBe() {
        given().get("/newsletter/confirm?token=abc").then()
                .header("Cache-Control", containsString("no-store"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/api/events").then().statusCode(200).header("Cache-Control", nullValue());
    }
}
