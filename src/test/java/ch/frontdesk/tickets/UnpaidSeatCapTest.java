package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.BehindLocalProxy;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody holds the event hostage: unpaid seats are capped per buyer email and per client network (an IPv6 /64 is
 * one), at the default limits, behind a trusted proxy (the test client's own 127.0.0.1) so each test can play
 * clients from many networks.
 */
@QuarkusTest
@TestProfile(BehindLocalProxy.class)
class UnpaidSeatCapTest extends FrontdeskTest {

    @Inject
    OrderExpiry expiry;

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 200, 20);
    }

    private static Response place(int seats, String buyer, String clientAddress) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress)
                .body(order("conference", seats, buyer)).post("/api/events/" + EVENT + "/orders");
    }

    private static String id(Response placed) {
        return placed.then().statusCode(201).extract().path("id");
    }

    private long orders() {
        return database.count("select count(*) from ticket_order");
    }

    @Test
    void theEleventhUnpaidSeatOfOneBuyerIsRefusedWhileAnotherBuyerStillGetsSeats() {
        // From three networks, so only the buyer's cap can be what refuses.
        place(4, "hoarder@example.org", "203.0.113.1").then().statusCode(201);
        place(4, "hoarder@example.org", "203.0.113.2").then().statusCode(201);
        place(2, "hoarder@example.org", "203.0.113.3").then().statusCode(201);

        place(1, "Hoarder@Example.org", "203.0.113.4").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/too-many-unpaid-seats"))
                .body("scope", equalTo("buyer"))
                .body("limit", equalTo(10))
                .body("held", equalTo(10))
                .body("detail", containsString("at most 10"))
                .body("detail", containsString("Paying or cancelling an unpaid order frees its seats"));
        assertThat(orders()).isEqualTo(3);
        assertThat(seats("conference")).containsEntry("held", 10);

        place(10, "someone-else@example.org", "203.0.113.4").then().statusCode(201);
        assertThat(seats("conference")).containsEntry("held", 20);
    }

    @Test
    void payingOrCancellingAnOrderFreesItsShareOfTheCap() {
        String paid = id(place(5, "buyer@example.org", "203.0.113.1"));
        String cancelled = id(place(5, "buyer@example.org", "203.0.113.2"));
        place(1, "buyer@example.org", "203.0.113.3").then().statusCode(409);

        admin().post("/api/admin/orders/" + paid + "/mark-paid").then().statusCode(200);
        String third = id(place(5, "buyer@example.org", "203.0.113.3"));
        place(1, "buyer@example.org", "203.0.113.4").then().statusCode(409);

        admin().post("/api/admin/orders/" + cancelled + "/cancel").then().statusCode(200);
        place(5, "buyer@example.org", "203.0.113.4").then().statusCode(201);
        place(1, "buyer@example.org", "203.0.113.5").then().statusCode(409);

        // An expired hold frees its share too.
        clock.advance(Duration.ofDays(6));
        expiry.expireDue();
        admin().get("/api/admin/orders/" + third).then().body("status", equalTo("expired"));
        place(10, "buyer@example.org", "203.0.113.5").then().statusCode(201);
    }

    @Test
    void theNetworkCapHoldsAcrossBuyersAndAnIpv6Slash64CountsAsOneAddress() {
        place(10, "a@example.org", "2001:db8:1:2::a").then().statusCode(201);
        place(10, "b@example.org", "2001:db8:1:2:ffff:ffff:ffff:b").then().statusCode(201);
        place(10, "c@example.org", "2001:db8:1:2::c").then().statusCode(201);

        place(1, "d@example.org", "2001:db8:1:2::d").then().statusCode(409)
                .body("type", endsWith("/problems/too-many-unpaid-seats"))
                .body("scope", equalTo("network"))
                .body("limit", equalTo(30));
        place(1, "d@example.org", "2001:db8:1:3::d").then().statusCode(201);
        place(1, "e@example.org", "198.51.100.7").then().statusCode(201);

        assertThat(database.count("select count(distinct client_network) from ticket_order")).isEqualTo(3);
        assertThat(orders()).isEqualTo(5);
    }

    @Test
    void aParallelBurstFromOneNetworkHoldsTheNetworkCapExactly() throws Exception {
        // 16 at once, as many as RushTest: more would wait for a database connection rather than for the cap.
        List<Integer> answers = burst(16, i -> place(2, "burst" + i + "@example.org", "192.0.2.9"));

        assertThat(answers.stream().filter(s -> s == 201).count()).isEqualTo(15);
        assertThat(answers.stream().filter(s -> s == 409).count()).isEqualTo(1);
        assertThat(seats("conference")).containsEntry("held", 30);
        assertThat(orders()).isEqualTo(15);
    }

    @Test
    void parallelOrdersFromOneBuyerOnDifferentNetworksCannotBothPass() throws Exception {
        List<Integer> answers = burst(6, i -> place(6, "twice@example.org", "198.51.100." + (i + 1)));

        assertThat(answers.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(answers.stream().filter(s -> s == 409).count()).isEqualTo(5);
        assertThat(seats("conference")).containsEntry("held", 6);
    }

    /** Runs {@code requests} orders at once, released together, and returns their status codes. */
    private static List<Integer> burst(int requests, IntFunction<Response> order)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return order.apply(n).statusCode();
                };
                results.add(pool.submit(call));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> result : results) {
                answers.add(result.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
