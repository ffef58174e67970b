package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static ch.frontdesk.tickets.TicketFixtures.typeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A ticket type's seats live in several buckets; what the buckets count always agrees with the orders. */
@QuarkusTest
class SeatBucketTest extends FrontdeskTest {

    private static final String BUCKETS = "select count(*) from seat_bucket b join ticket_type t on t.id = b.ticket_type_id"
            + " where t.code = ?1";

    @Test
    void aRushOnATypeWithManyBucketsSellsExactlyItsCapacityAndEveryBucketCountsItsTickets() throws Exception {
        createEvent();
        createType("conference", 200, null);
        assertThat(database.count(BUCKETS, "conference")).isEqualTo(25);
        int buyers = 16;
        int ordersEach = 15;

        CyclicBarrier start = new CyclicBarrier(buyers);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        List<Future<int[]>> results = new ArrayList<>();
        try {
            for (int b = 0; b < buyers; b++) {
                int buyer = b;
                results.add(pool.submit(() -> {
                    start.await();
                    int[] outcome = new int[2];
                    for (int i = 0; i < ordersEach; i++) {
                        var answer = place(order("conference", 1, "rush" + buyer + "-" + i + "@example.org"));
                        if (answer.statusCode() == 201) {
                            outcome[0]++;
                        } else if (answer.statusCode() == 409
                                && answer.jsonPath().getString("type").endsWith("/sold-out")) {
                            outcome[1]++;
                        } else {
                            throw new AssertionError("unexpected " + answer.statusCode() + " " + answer.asString());
                        }
                    }
                    return outcome;
                }));
            }
            int placed = 0;
            int soldOut = 0;
            for (Future<int[]> result : results) {
                placed += result.get()[0];
                soldOut += result.get()[1];
            }
            assertThat(placed).isEqualTo(200);
            assertThat(soldOut).isEqualTo(buyers * ordersEach - 200);
        } finally {
            pool.shutdownNow();
        }

        assertThat(seats("conference")).containsEntry("held", 200).containsEntry("sold", 0);
        assertThat(database.count("select count(*) from seat_bucket where held + sold <> capacity")).isZero();
        assertThat(database.count("select count(distinct seat_bucket) from ticket")).isEqualTo(25);
        assertThat(SeatAudit.mismatches(database)).isZero();
    }

    @Test
    void seatsLeftOneInEachOfThreeBucketsStillSellToAnOrderOfThree() {
        createEvent();
        createType("workshop", 24, null);
        assertThat(database.count(BUCKETS, "workshop")).isEqualTo(3);
        // As if 21 seats had been sold, 7 in each bucket: no single bucket has room for three.
        database.count("with s as (update seat_bucket set sold = 7 returning 1) select count(*) from s");

        var answer = place(order("workshop", 3, "party@example.org"));

        answer.then().statusCode(201);
        assertThat(database.count("select count(distinct seat_bucket) from ticket")).isEqualTo(3);
        assertThat(database.count("select count(*) from seat_bucket where held = 1 and sold = 7 and capacity = 8"))
                .isEqualTo(3);
        place(order("workshop", 1, "late@example.org")).then().statusCode(409)
                .body("type", containsString("sold-out")).body("available", equalTo(0));
    }

    @Test
    void soldOutIsOnlyAnsweredWhenTheTypeAsAWholeLacksTheSeats() {
        createEvent();
        createType("workshop", 24, null);
        database.count("with s as (update seat_bucket set sold = 7 returning 1) select count(*) from s");

        place(order("workshop", 4, "party@example.org")).then().statusCode(409)
                .body("type", containsString("sold-out")).body("available", equalTo(3));

        assertThat(database.count("select count(*) from ticket_order")).isZero();
        assertThat(database.count("select sum(held) from seat_bucket")).isZero();
    }

    @Test
    void loweringTheCapacitySpreadsTheFreeSeatsOverFewerBucketsAndKeepsTheTakenOnes() {
        createEvent();
        createType("conference", 100, null);
        assertThat(database.count(BUCKETS, "conference")).isEqualTo(12);
        for (int i = 0; i < 5; i++) {
            place(order("conference", 1, "buyer" + i + "@example.org")).then().statusCode(201);
        }

        changeCapacity("conference", 7).then().statusCode(200).body("capacity", equalTo(7)).body("held", equalTo(5));

        assertThat(database.count("select sum(capacity) from seat_bucket")).isEqualTo(7);
        assertThat(database.count("select count(*) from seat_bucket where held > capacity")).isZero();
        assertThat(SeatAudit.mismatches(database)).isZero();
        place(order("conference", 2, "two@example.org")).then().statusCode(201);
        place(order("conference", 1, "one-more@example.org")).then().statusCode(409)
                .body("type", containsString("sold-out"));
        assertThat(SeatAudit.mismatches(database)).isZero();
    }

    @Test
    void theCapacityCannotGoBelowTheSeatsTaken() {
        createEvent();
        createType("conference", 100, null);
        for (int i = 0; i < 5; i++) {
            place(order("conference", 1, "buyer" + i + "@example.org")).then().statusCode(201);
        }

        changeCapacity("conference", 4).then().statusCode(400)
                .body("errors[0].field", equalTo("capacity"))
                .body("errors[0].message", containsString("at least 5"));

        assertThat(database.count("select capacity from ticket_type")).isEqualTo(100);
        assertThat(database.count("select sum(capacity) from seat_bucket")).isEqualTo(100);
    }

    @Test
    void raisingTheCapacityAddsBucketsAndEveryNewSeatSells() {
        createEvent();
        createType("workshop", 16, null);
        assertThat(database.count(BUCKETS, "workshop")).isEqualTo(2);
        place(order("workshop", 3, "buyer@example.org")).then().statusCode(201);

        changeCapacity("workshop", 400).then().statusCode(200).body("held", equalTo(3));

        assertThat(database.count(BUCKETS, "workshop")).isEqualTo(32);
        assertThat(database.count("select sum(capacity) from seat_bucket")).isEqualTo(400);
        assertThat(SeatAudit.mismatches(database)).isZero();
        assertThat(database.count("select min(capacity - held - sold) from seat_bucket")).isGreaterThanOrEqualTo(12);
    }

    @Test
    void givingBackReturnsTheSeatsToTheBucketsTheyCameFrom() {
        createEvent();
        createType("conference", 100, null);
        String unpaid = place(order("conference", 2, "unpaid@example.org")).then().statusCode(201)
                .extract().path("id");
        String paid = place(order("conference", 3, "paid@example.org")).then().statusCode(201)
                .extract().path("id");
        admin().body(Map.of()).post("/api/admin/orders/" + paid + "/mark-paid").then().statusCode(200);
        long unpaidBucket = bucketOf(unpaid);
        long paidBucket = bucketOf(paid);
        assertThat(SeatAudit.mismatches(database)).isZero();
        assertThat(database.count("select sold from seat_bucket where bucket = ?1", (short) paidBucket)).isEqualTo(3);

        admin().body(Map.of()).post("/api/admin/orders/" + unpaid + "/cancel").then().statusCode(200);
        admin().body(Map.of()).post("/api/admin/orders/" + paid + "/cancel").then().statusCode(200);

        assertThat(database.count("select held + sold from seat_bucket where bucket = ?1", (short) unpaidBucket))
                .isZero();
        assertThat(database.count("select held + sold from seat_bucket where bucket = ?1", (short) paidBucket))
                .isZero();
        assertThat(database.count("select sum(held + sold) from seat_bucket")).isZero();
        assertThat(SeatAudit.mismatches(database)).isZero();
    }

    @Test
    void aSmallTypeHasOneBucketAndSellsExactlyItsSeats() {
        createEvent();
        createType("conference", 10, null);
        assertThat(database.count(BUCKETS, "conference")).isEqualTo(1);

        for (int i = 0; i < 10; i++) {
            place(order("conference", 1, "buyer" + i + "@example.org")).then().statusCode(201);
        }

        place(order("conference", 1, "eleventh@example.org")).then().statusCode(409);
        assertThat(seats("conference")).containsEntry("held", 10);
        assertThat(SeatAudit.mismatches(database)).isZero();
    }

    private static io.restassured.response.Response changeCapacity(String code, int capacity) {
        Map<String, Object> body = typeBody(code, capacity, 50000, null);
        return admin().body(body).put("/api/admin/events/" + EVENT + "/ticket-types/" + code);
    }

    private long bucketOf(String orderId) {
        long buckets = database.count("""
                select count(distinct t.seat_bucket) from ticket t join ticket_order o on o.id = t.order_id
                where o.public_id = ?1""", UUID.fromString(orderId));
        assertThat(buckets).as("an order of a few seats in a type with room takes them from one bucket").isEqualTo(1);
        return database.count("""
                select min(t.seat_bucket) from ticket t join ticket_order o on o.id = t.order_id
                where o.public_id = ?1""", UUID.fromString(orderId));
    }
}
