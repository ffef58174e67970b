package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminAuthTest extends FrontdeskTest {

    @Inject
    AdminAccounts accounts;

    @Test
    void withoutCredentialsEveryAdminPathIs401() {
        given().get("/api/admin/outbox").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWithIgnoringCase("basic"))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().post("/api/admin/outbox/1/retry").then().statusCode(401);
        given().get("/api/admin/anything-else").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIs401() {
        given().auth().preemptive().basic("admin", "not-the-password").get("/api/admin/outbox")
                .then().statusCode(401);
        given().auth().preemptive().basic("nobody", "test-admin-password").get("/api/admin/outbox")
                .then().statusCode(401);
    }

    @Test
    void theFirstAdminFromTheConfigurationIsLetIn() {
        given().auth().preemptive().basic("admin", "test-admin-password").get("/api/admin/outbox")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aCheckInAccountIsForbiddenFromAdminEndpoints() {
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password", Set.of("checkin")));
        given().auth().preemptive().basic("door", "door-password").get("/api/admin/outbox")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void passwordsAreStoredOnlyAsBcryptHashes() {
        String hash = (String) database.single("select password_hash from app_user where username = 'admin'");
        assertThat(hash).startsWith("$2").doesNotContain("test-admin-password");
        assertThat(database.single("select roles from app_user where username = 'admin'")).isEqualTo("admin");
    }
}
