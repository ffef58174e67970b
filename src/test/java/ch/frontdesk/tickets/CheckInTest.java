package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.typeBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.admin.AdminAccounts;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckInTest extends FrontdeskTest {

    private static final String OTHER = "ml-workshop-2027";

    @Inject
    AdminAccounts accounts;

    @BeforeEach
    void twoEventsOnSale() {
        createEvent();
        createType("conference", 100, null);
        admin().body(Map.of("slug", OTHER, "name", "ML Workshop 2027", "startsOn", "2027-03-01",
                        "endsOn", "2027-03-01", "venue", "EPFL", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        admin().body(typeBody("workshop", 20, 50000, null)).post("/api/admin/events/" + OTHER + "/ticket-types")
                .then().statusCode(201);
    }

    private static String placeOrder(String event, String type, int tickets) {
        return given().contentType(ContentType.JSON).body(order(type, tickets, "buyer@example.org"))
                .post("/api/events/" + event + "/orders").then().statusCode(201).extract().path("id");
    }

    private String confirmedCode(String event, String type) {
        String id = placeOrder(event, type, 1);
        admin().body(Map.of()).post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        return (String) database.single("select t.code from ticket t join ticket_order o on o.id = t.order_id "
                + "where o.public_id = cast(?1 as uuid)", id);
    }

    private static Map<String, Object> scan(String code, String event) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        if (event != null) {
            body.put("event", event);
        }
        return body;
    }

    private void createDoorAccount() {
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password", Set.of("checkin")));
    }

    private static RequestSpecification door() {
        return given().auth().preemptive().basic("door", "door-password").contentType(ContentType.JSON);
    }

    @Test
    void aTicketOfThisEventGetsInOnceAndASecondScanSaysWhen() {
        String code = confirmedCode(EVENT, "conference");
        createDoorAccount();

        door().body(scan(code, EVENT)).post("/api/admin/checkin").then().statusCode(200)
                .body("attendee", equalTo("Attendee 0"))
                .body("type", equalTo("conference"))
                .body("checkedInAt", equalTo(clock.instant().toString()));
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(2));
        door().body(scan(code, EVENT)).post("/api/admin/checkin").then().statusCode(409)
                .body("type", endsWith("already-checked-in"))
                .body("checkedInAt", equalTo(first.toString()));
    }

    @Test
    void aTicketOfAnotherEventIsRefusedAtThisDoorAndStaysUnused() {
        String code = confirmedCode(OTHER, "workshop");

        admin().body(scan(code, EVENT)).post("/api/admin/checkin").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("wrong-event"))
                .body("event", equalTo(OTHER))
                .body("detail", containsString("ML Workshop 2027"));
        assertThat(database.single("select checked_in_at from ticket where code = ?1", code)).isNull();

        admin().body(scan(code, OTHER)).post("/api/admin/checkin").then().statusCode(200);
    }

    @Test
    void aTicketWhoseOrderIsNotConfirmedIsRefused() {
        String id = placeOrder(EVENT, "conference", 1);
        // Codes are issued on confirmation; this one stands for a code that outlived its order's payment.
        database.count("with t as (update ticket set code = 'unpaid-ticket-code' where order_id = "
                + "(select id from ticket_order where public_id = cast(?1 as uuid)) returning 1) "
                + "select count(*) from t", id);

        admin().body(scan("unpaid-ticket-code", EVENT)).post("/api/admin/checkin").then().statusCode(422)
                .body("type", endsWith("ticket-not-valid"))
                .body("detail", containsString("pending_payment"));
        admin().body(scan("unpaid-ticket-code", null)).post("/api/admin/checkin").then().statusCode(422);
        assertThat(database.single("select checked_in_at from ticket")).isNull();
    }

    @Test
    void aTicketOfACancelledOrderIsRefusedNamingItsStatus() {
        String code = confirmedCode(EVENT, "conference");
        String id = (String) database.single("select cast(public_id as text) from ticket_order");
        admin().body(Map.of()).post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);

        admin().body(scan(code, EVENT)).post("/api/admin/checkin").then().statusCode(422)
                .body("type", endsWith("ticket-not-valid"))
                .body("orderStatus", equalTo("cancelled"));
        assertThat(database.single("select checked_in_at from ticket")).isNull();
    }

    @Test
    void aVoidedTicketIsRefusedNamingWhyEvenWhenItsOrderIsStillConfirmed() {
        String code = confirmedCode(EVENT, "conference");
        database.count("with t as (update ticket set voided_at = ?1, void_reason = 'refunded' returning 1) "
                + "select count(*) from t", clock.instant());

        admin().body(scan(code, EVENT)).post("/api/admin/checkin").then().statusCode(422)
                .body("type", endsWith("ticket-voided"))
                .body("voidReason", equalTo("refunded"))
                .body("voidedAt", equalTo(clock.instant().toString()));
        assertThat(database.single("select checked_in_at from ticket")).isNull();
    }

    @Test
    void anUnknownCodeIs404AndAnUnknownEventNamesTheField() {
        admin().body(scan("no-such-code", EVENT)).post("/api/admin/checkin").then().statusCode(404);
        admin().body(scan("no-such-code", null)).post("/api/admin/checkin").then().statusCode(404);
        admin().body(scan("whatever", "no-such-event")).post("/api/admin/checkin").then().statusCode(400)
                .body("errors.field", contains("event"));
        admin().body(Map.of("event", EVENT)).post("/api/admin/checkin").then().statusCode(400)
                .body("errors.field", contains("code"));
    }

    @Test
    void theDoorScreenCountsCheckInsAmongConfirmedTicketsOfItsEvent() {
        String code = confirmedCode(EVENT, "conference");
        confirmedCode(EVENT, "conference");
        placeOrder(EVENT, "conference", 3);
        confirmedCode(OTHER, "workshop");
        createDoorAccount();

        door().get("/api/admin/events/" + EVENT + "/checkin-stats").then().statusCode(200)
                .body("checkedIn", equalTo(0))
                .body("confirmedTickets", equalTo(2));
        door().body(scan(code, EVENT)).post("/api/admin/checkin").then().statusCode(200);
        door().get("/api/admin/events/" + EVENT + "/checkin-stats").then().statusCode(200)
                .body("checkedIn", equalTo(1))
                .body("confirmedTickets", equalTo(2));
        door().get("/api/admin/events/" + OTHER + "/checkin-stats").then()
                .body("checkedIn", equalTo(0))
                .body("confirmedTickets", equalTo(1));
        door().get("/api/admin/events/no-such-event/checkin-stats").then().statusCode(404);
        given().get("/api/admin/events/" + EVENT + "/checkin-stats").then().statusCode(401);
    }
}
