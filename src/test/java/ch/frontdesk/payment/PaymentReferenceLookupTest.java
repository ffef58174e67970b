package ch.frontdesk.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.admin.AdminAccounts;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentReferenceLookupTest extends FrontdeskTest {

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    @Inject
    AdminAccounts accounts;

    private String orderId;
    private String orderReference;
    private String pledgeId;
    private String pledgeReference;

    @BeforeEach
    void anOrderAndAPledgeAwaitTheirTransfers() {
        admin().body(Map.of("slug", "summit-2027", "name", "Summit 2027", "startsOn", "2027-02-09",
                        "endsOn", "2027-02-11", "venue", "EPFL", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        admin().body(Map.of("code", "conference", "name", "Conference", "capacity", 10,
                        "price", Map.of("amount", 50000, "currency", "CHF")))
                .post("/api/admin/events/summit-2027/ticket-types").then().statusCode(201);
        var order = given().contentType(ContentType.JSON).body(Map.of(
                        "buyer", Map.of("email", "Buyer@Example.org", "name", "Grace Hopper"), "consent", true,
                        "tickets", List.of(Map.of("type", "conference",
                                "attendee", Map.of("name", "Grace Hopper", "email", "buyer@example.org")))))
                .post("/api/events/summit-2027/orders").then().statusCode(201).extract();
        orderId = order.path("id");
        orderReference = order.path("paymentReference");

        admin().body(Map.of("code", "reader", "name", "Reader", "price", Map.of("amount", 500, "currency", "CHF"),
                        "interval", "month"))
                .post("/api/admin/support/tiers").then().statusCode(201);
        Map<String, Object> pledge = new HashMap<>(Map.of("tier", "reader", "email", "ada@example.org",
                "name", "Ada Lovelace", "consent", true));
        var pledged = given().contentType(ContentType.JSON).body(pledge).post("/api/support/pledges").then()
                .statusCode(201).extract();
        pledgeId = pledged.path("id");
        pledgeReference = pledged.path("paymentReference");
    }

    @Test
    void aReferenceLeadsToItsOrder() {
        admin().queryParam("reference", orderReference).get("/api/admin/payments").then().statusCode(200)
                .body("kind", equalTo("order"))
                .body("id", equalTo(orderId))
                .body("status", equalTo("pending_payment"))
                .body("amount.amount", equalTo(50000))
                .body("amount.currency", equalTo("CHF"))
                .body("email", equalTo("Buyer@Example.org"))
                .body("name", equalTo("Grace Hopper"))
                .body("paymentMethod", equalTo("invoice"));
    }

    @Test
    void aReferenceLeadsToItsPledgeWhateverTheCaseAndSpacing() {
        // As typed from a bank statement: lower case, spaces, the dash dropped.
        String typed = " " + pledgeReference.substring(0, 2).toLowerCase() + " "
                + pledgeReference.substring(3, 7).toLowerCase() + " " + pledgeReference.substring(7) + " ";
        admin().queryParam("reference", typed).get("/api/admin/payments").then().statusCode(200)
                .body("kind", equalTo("pledge"))
                .body("id", equalTo(pledgeId))
                .body("status", equalTo("pending_payment"))
                .body("amount.amount", equalTo(500))
                .body("email", equalTo("ada@example.org"))
                .body("name", equalTo("Ada Lovelace"))
                .body("paymentMethod", equalTo("invoice"));
        admin().queryParam("reference", pledgeReference.toLowerCase()).get("/api/admin/payments").then()
                .statusCode(200).body("id", equalTo(pledgeId));
        admin().queryParam("reference", orderReference.replace("-", " - ")).get("/api/admin/payments").then()
                .statusCode(200).body("id", equalTo(orderId));
    }

    @Test
    void anUnknownReferenceIs404AndAMissingOne400() {
        admin().queryParam("reference", "FD-AAAAAAAAAA").get("/api/admin/payments").then().statusCode(404);
        admin().queryParam("reference", "x").get("/api/admin/payments").then().statusCode(404);
        admin().get("/api/admin/payments").then().statusCode(400).body("errors.field", contains("reference"));
        admin().queryParam("reference", "  ").get("/api/admin/payments").then().statusCode(400)
                .body("errors.field", contains("reference"));
    }

    @Test
    void onlyAdminsLookUpPayments() {
        given().queryParam("reference", orderReference).get("/api/admin/payments").then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password", Set.of("checkin")));
        given().auth().preemptive().basic("door", "door-password").queryParam("reference", orderReference)
                .get("/api/admin/payments").then().statusCode(403);
    }
}
