package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.typeBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import ch.frontdesk.admin.AdminAccounts;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventAdminTest extends FrontdeskTest {

    @Inject
    AdminAccounts accounts;

    @Test
    void theOrganiserCreatesAnEventAndTheWorldSeesIt() {
        createEvent();
        createType("conference", 100, 20);

        given().get("/api/events").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].slug", equalTo(EVENT))
                .body("[0].startsOn", equalTo("2027-02-09"))
                .body("[0].endsOn", equalTo("2027-02-11"))
                .body("[0].venue", equalTo("EPFL campus, Lausanne"))
                .body("[0].timezone", equalTo("Europe/Zurich"));
        given().get("/api/events/" + EVENT).then().statusCode(200)
                .body("name", equalTo("AMLD Intelligence Summit 2027"))
                .body("ticketTypes[0].code", equalTo("conference"))
                .body("ticketTypes[0].description", equalTo("Three days"))
                .body("ticketTypes[0].available", equalTo(true));
        given().get("/api/events/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void capacityCannotFallBelowWhatIsSoldOrHeld() {
        createEvent();
        createType("conference", 10, null);
        place(order("conference", 4, "buyer@example.org")).then().statusCode(201);

        admin().body(typeBody("conference", 3, 50000, null))
                .put("/api/admin/events/" + EVENT + "/ticket-types/conference")
                .then().statusCode(400).body("errors[0].field", equalTo("capacity"));
        admin().body(typeBody("conference", 4, 50000, null))
                .put("/api/admin/events/" + EVENT + "/ticket-types/conference")
                .then().statusCode(200).body("capacity", equalTo(4));
        place(order("conference", 1, "late@example.org")).then().statusCode(409);
    }

    @Test
    void theEarlyBirdPriceCannotBeAboveTheRegularOne() {
        createEvent();
        admin().body(typeBody("conference", 10, 20000, null))
                .post("/api/admin/events/" + EVENT + "/ticket-types")
                .then().statusCode(400).body("errors[0].field", equalTo("earlyBird.amount"));
        assertThat(database.count("select count(*) from ticket_type")).isZero();
    }

    @Test
    void invalidEventsAndTypesAreRefusedNamingTheField() {
        admin().body(Map.of("slug", "Bad Slug", "name", "X", "startsOn", "2027-02-09", "endsOn", "2027-02-11",
                "venue", "V", "timezone", "Europe/Zurich")).post("/api/admin/events")
                .then().statusCode(400).body("errors.field", hasItem("slug"));
        admin().body(Map.of("slug", "x", "name", "X", "startsOn", "2027-02-09", "endsOn", "2027-02-01",
                "venue", "V", "timezone", "Europe/Zurich")).post("/api/admin/events")
                .then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        admin().body(Map.of("slug", "x", "name", "X", "startsOn", "2027-02-09", "endsOn", "2027-02-11",
                "venue", "V", "timezone", "Mars/Olympus")).post("/api/admin/events")
                .then().statusCode(400).body("errors[0].field", equalTo("timezone"));
        createEvent();
        admin().body(Map.of("slug", EVENT, "name", "Again", "startsOn", "2027-02-09", "endsOn", "2027-02-11",
                "venue", "V", "timezone", "Europe/Zurich")).post("/api/admin/events").then().statusCode(409);
        var negative = typeBody("conference", -1, 50000, null);
        admin().body(negative).post("/api/admin/events/" + EVENT + "/ticket-types")
                .then().statusCode(400).body("errors[0].field", equalTo("capacity"));
        var euros = typeBody("conference", 10, 50000, null);
        euros.put("price", Map.of("amount", 50000, "currency", "EUR"));
        admin().body(euros).post("/api/admin/events/" + EVENT + "/ticket-types")
                .then().statusCode(400).body("errors[0].field", equalTo("price.currency"));
        assertThat(database.count("select count(*) from event")).isEqualTo(1);
        assertThat(database.count("select count(*) from ticket_type")).isZero();
    }

    @Test
    void typesAndEventsWithOrdersCannotBeDeletedOthersCan() {
        createEvent();
        createType("conference", 10, null);
        createType("spare", 10, null);
        place(order("conference", 1, "buyer@example.org")).then().statusCode(201);

        admin().delete("/api/admin/events/" + EVENT + "/ticket-types/conference").then().statusCode(409);
        admin().delete("/api/admin/events/" + EVENT + "/ticket-types/spare").then().statusCode(204);
        admin().delete("/api/admin/events/" + EVENT).then().statusCode(409);
        admin().delete("/api/admin/events/" + EVENT + "/ticket-types/spare").then().statusCode(404);
        assertThat(database.count("select count(*) from ticket_type")).isEqualTo(1);
    }

    @Test
    void anEventWithoutOrdersCanBeChangedAndDeleted() {
        createEvent();
        admin().body(Map.of("slug", EVENT, "name", "Renamed", "startsOn", "2027-02-09", "endsOn", "2027-02-12",
                "venue", "SwissTech Convention Center", "timezone", "Europe/Zurich"))
                .put("/api/admin/events/" + EVENT).then().statusCode(200).body("name", equalTo("Renamed"));
        admin().delete("/api/admin/events/" + EVENT).then().statusCode(204);
        given().get("/api/events/" + EVENT).then().statusCode(404);
    }

    @Test
    void onlyAdminsManageEventsAndTheDoorStaffOnlyChecksIn() {
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password", Set.of("checkin")));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/admin/events").then().statusCode(401);
        given().auth().preemptive().basic("door", "door-password").contentType(ContentType.JSON)
                .body(Map.of("slug", "x")).post("/api/admin/events").then().statusCode(403);
        given().auth().preemptive().basic("door", "door-password").contentType(ContentType.JSON)
                .body(Map.of("code", "unknown-code")).post("/api/admin/checkin").then().statusCode(404);
    }
}
