package ch.frontdesk.admin;

import static ch.frontdesk.testing.AdminApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditListTest extends FrontdeskTest {

    @Inject
    Seed seed;

    @BeforeEach
    void entries() {
        seed.audit(Instant.parse("2026-01-10T10:00:00Z"), "admin", "POST /api/admin/events", "event:summit-2027");
        seed.audit(Instant.parse("2026-01-11T10:00:00Z"), "door", "POST /api/admin/orders/{id}/mark-paid", "order:abc");
        seed.audit(Instant.parse("2026-01-12T10:00:00Z"), "admin", "DELETE /api/admin/contacts/{email}", "contact:7");
    }

    @Test
    void theAuditLogIsNewestFirstAndPaged() {
        admin().queryParam("size", 2).get("/api/admin/audit").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.target", contains("contact:7", "order:abc"))
                .body("items[0].at", equalTo("2026-01-12T10:00:00Z"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].action", equalTo("DELETE /api/admin/contacts/{email}"))
                .body("items[0].clientAddress", equalTo("127.0.0.1"));
        admin().queryParam("size", 2).queryParam("page", 1).get("/api/admin/audit").then()
                .body("items.target", contains("event:summit-2027"));
    }

    @Test
    void qMatchesActorActionOrTarget() {
        admin().queryParam("q", "door").get("/api/admin/audit").then().body("items.target", contains("order:abc"));
        admin().queryParam("q", "mark-PAID").get("/api/admin/audit").then().body("items.target", contains("order:abc"));
        admin().queryParam("q", "summit").get("/api/admin/audit").then().body("items.target", contains("event:summit-2027"));
        admin().queryParam("q", "admin").get("/api/admin/audit").then().body("total", equalTo(3));
    }

    @Test
    void theAuditCsvHasEveryEntry() {
        String csv = admin().get("/api/admin/audit.csv").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly("at,actor,action,target,client_address",
                "2026-01-12T10:00:00Z,admin,DELETE /api/admin/contacts/{email},contact:7,127.0.0.1",
                "2026-01-11T10:00:00Z,door,POST /api/admin/orders/{id}/mark-paid,order:abc,127.0.0.1",
                "2026-01-10T10:00:00Z,admin,POST /api/admin/events,event:summit-2027,127.0.0.1");
    }
}
