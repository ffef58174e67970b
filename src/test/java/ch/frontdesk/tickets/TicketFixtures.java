package ch.frontdesk.tickets;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds events, ticket types and orders through the API, as the organiser and buyers would. */
public final class TicketFixtures {

    public static final String EVENT = "summit-2027";
    static final String EARLY_ENDS = "2026-01-31T23:00:00Z";

    private TicketFixtures() {
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    public static void createEvent() {
        admin().body(Map.of("slug", EVENT, "name", "AMLD Intelligence Summit 2027", "startsOn", "2027-02-09",
                        "endsOn", "2027-02-11", "venue", "EPFL campus, Lausanne", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
    }

    /** A ticket type priced CHF 500, early-bird CHF 300 until {@link #EARLY_ENDS} (quota optional). */
    public static void createType(String code, int capacity, Integer earlyQuota) {
        admin().body(typeBody(code, capacity, 50000, earlyQuota))
                .post("/api/admin/events/" + EVENT + "/ticket-types").then().statusCode(201);
    }

    static Map<String, Object> typeBody(String code, int capacity, long price, Integer earlyQuota) {
        Map<String, Object> early = new HashMap<>(Map.of("amount", 30000, "endsAt", EARLY_ENDS));
        if (earlyQuota != null) {
            early.put("quota", earlyQuota);
        }
        return new HashMap<>(Map.of("code", code, "name", "Pass " + code, "description", "Three days",
                "capacity", capacity, "price", Map.of("amount", price, "currency", "CHF"), "earlyBird", early,
                "maxPerOrder", 10));
    }

    public static Map<String, Object> order(String type, int tickets, String buyer) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            lines.add(Map.of("type", type, "attendee", Map.of("name", "Attendee " + i, "email", "attendee" + i + "@example.org")));
        }
        return new HashMap<>(Map.of("buyer", Map.of("email", buyer, "name", "Buyer"), "tickets", lines, "consent", true));
    }

    public static Response place(Map<String, Object> order) {
        return given().contentType(ContentType.JSON).body(order).post("/api/events/" + EVENT + "/orders");
    }

    static Map<String, Object> seats(String type) {
        return admin().get("/api/admin/events/" + EVENT).then().statusCode(200).extract().jsonPath()
                .getMap("ticketTypes.find { it.code == '" + type + "' }");
    }
}
