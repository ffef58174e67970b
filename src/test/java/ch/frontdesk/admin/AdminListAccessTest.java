package ch.frontdesk.admin;

import static ch.frontdesk.testing.AdminApi.admin;
import static io.restassured.RestAssured.given;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statistics, lists and exports hold personal data: the admin role only. */
@QuarkusTest
class AdminListAccessTest extends FrontdeskTest {

    static final List<String> PATHS = List.of("/api/admin/stats", "/api/admin/subscribers", "/api/admin/subscribers.csv",
            "/api/admin/pledges", "/api/admin/pledges.csv", "/api/admin/orders", "/api/admin/orders.csv",
            "/api/admin/tickets", "/api/admin/tickets.csv", "/api/admin/contacts", "/api/admin/contacts.csv",
            "/api/admin/audit", "/api/admin/audit.csv");

    @Inject
    AdminAccounts accounts;

    @Test
    void withoutCredentialsEveryListAndExportIs401() {
        for (String path : PATHS) {
            given().get(path).then().statusCode(401);
        }
    }

    @Test
    void aCheckInAccountMayNotReadListsOrExports() {
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password", Set.of("checkin")));
        for (String path : PATHS) {
            given().auth().preemptive().basic("door", "door-password").get(path).then().statusCode(403);
        }
    }

    @Test
    void theAdminReadsEveryOne() {
        for (String path : PATHS) {
            admin().get(path).then().statusCode(200);
        }
    }
}
