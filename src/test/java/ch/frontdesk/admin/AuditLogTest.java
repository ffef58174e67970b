package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.testing.AdminLogin;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change made on the admin side leaves an entry that nobody can alter. */
@QuarkusTest
class AuditLogTest extends FrontdeskTest {

    private static final Map<String, Object> TIER = Map.of("code", "friend", "name", "Friend", "interval", "month",
            "price", Map.of("amount", 500, "currency", "CHF"));

    @Test
    void aChangeByScriptIsRecordedWithWhoWhatWhichRecordWhenAndFromWhere() {
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON).body(TIER)
                .post("/api/admin/support/tiers").then().statusCode(201);

        Object[] entry = (Object[]) database.single(
                "select actor, action, target, client_address, at from audit_entry where action like 'POST%'");
        assertThat(entry[0]).isEqualTo("admin");
        assertThat(entry[1]).isEqualTo("POST /api/admin/support/tiers");
        assertThat(entry[2]).isEqualTo("support/tiers");
        assertThat(entry[3]).isEqualTo("127.0.0.1");
        assertThat(entry[4].toString()).startsWith("2026-01-15T09:00");
    }

    @Test
    void aChangeFromTheDashboardIsRecordedWithThePathTemplate() {
        AdminLogin login = AdminLogin.admin();
        login.dashboard().body(TIER).post("/api/admin/support/tiers").then().statusCode(201);
        login.dashboard().body(Map.of("code", "friend", "name", "Best friend", "interval", "month",
                "price", Map.of("amount", 700, "currency", "CHF"))).put("/api/admin/support/tiers/friend")
                .then().statusCode(200);
        assertThat(database.count("""
                select count(*) from audit_entry
                 where actor = 'admin' and action = 'PUT /api/admin/support/tiers/{code}' and target = 'support/tiers/friend'"""))
                .isEqualTo(1);
    }

    @Test
    void readsAndRefusedRequestsAreNotRecorded() {
        var admin = given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
        admin.get("/api/admin/outbox").then().statusCode(200);
        admin.body(Map.of("code", "x")).post("/api/admin/support/tiers").then().statusCode(400);
        assertThat(database.count("select count(*) from audit_entry")).isZero();
    }

    @Test
    void theLogIsAppendOnly() {
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON).body(TIER)
                .post("/api/admin/support/tiers").then().statusCode(201);
        assertThatThrownBy(() -> database.count("with changed as (update audit_entry set actor = 'someone' returning 1) select count(*) from changed"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> database.count("with gone as (delete from audit_entry returning 1) select count(*) from gone"))
                .hasStackTraceContaining("append-only");
        assertThat(database.single("select actor from audit_entry")).isEqualTo("admin");
    }
}
