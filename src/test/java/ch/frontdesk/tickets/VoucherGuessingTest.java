package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.BehindLocalProxy;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guessing vouchers: wrong codes are counted per client network (behind the test's trusted proxy, the network in
 * X-Forwarded-For), and a network that used its tries is not answered about any voucher for a while.
 */
@QuarkusTest
@TestProfile(BehindLocalProxy.class)
class VoucherGuessingTest extends FrontdeskTest {

    private static final String GUESSER = "203.0.113.7";
    private static final String OTHER_NETWORK = "198.51.100.20";

    @BeforeEach
    void summitWithAVoucher() {
        createEvent();
        createType("conference", 100, null);
        admin().body(Map.of("code", "SPEAKER-ADA", "event", EVENT, "discount", Map.of("percent", 100), "maxUses", 5))
                .post("/api/admin/vouchers").then().statusCode(201);
    }

    private static Response attempt(String voucher, String from) {
        return attempt(voucher, from, "buyer@example.org");
    }

    private static Response attempt(String voucher, String from, String buyer) {
        var order = order("conference", 1, buyer);
        order.put("voucher", voucher);
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", from).body(order)
                .post("/api/events/" + EVENT + "/orders");
    }

    @Test
    void theEleventhWrongVoucherFromOneNetworkIsThrottledWhileAnotherNetworkIsNot() {
        for (int i = 0; i < 10; i++) {
            attempt("GUESS-" + i, GUESSER).then().statusCode(400).body("errors[0].field", equalTo("voucher"));
        }
        attempt("GUESS-10", GUESSER).then().statusCode(429).header("Retry-After", "90")
                .contentType("application/problem+json");
        // Not even the right code is looked at: a guesser cannot tell a hit from a miss while throttled.
        attempt("SPEAKER-ADA", GUESSER).then().statusCode(429);
        // Another client network has its own count.
        attempt("GUESS-11", OTHER_NETWORK).then().statusCode(400);
        attempt("SPEAKER-ADA", OTHER_NETWORK).then().statusCode(201).body("total.amount", equalTo(0));
        assertThat(database.count("select used from voucher")).isEqualTo(1);

        // Tries come back one at a time, evenly over the window (15 minutes for 10).
        clock.advance(Duration.ofSeconds(90));
        attempt("SPEAKER-ADA", GUESSER).then().statusCode(201);
        attempt("GUESS-12", GUESSER).then().statusCode(400);
        attempt("GUESS-13", GUESSER).then().statusCode(429);
    }

    @Test
    void ordersWithoutAVoucherOrWithAValidOneAreNotCountedAsFailures() {
        // Buyers of their own: one address gets only a few unconfirmed order mails a day.
        for (int i = 0; i < 12; i++) {
            attempt(null, GUESSER, "buyer" + i + "@example.org").then().statusCode(201);
        }
        attempt("SPEAKER-ADA", GUESSER).then().statusCode(201);
        attempt("NOPE", GUESSER).then().statusCode(400);
    }
}
