package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EARLY_ENDS;
import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static ch.frontdesk.tickets.TicketFixtures.typeBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EarlyBirdTest extends FrontdeskTest {

    private static final Instant DEADLINE = Instant.parse(EARLY_ENDS);

    @BeforeEach
    void summitOnSale() {
        createEvent();
    }

    @Test
    void anOrderPlacedJustBeforeTheDeadlineGetsTheEarlyBirdPrice() {
        createType("conference", 100, null);
        clock.set(DEADLINE.minusMillis(1));

        given().get("/api/events/" + EVENT).then().statusCode(200)
                .body("ticketTypes[0].price.amount", equalTo(30000))
                .body("ticketTypes[0].priceLabel", equalTo("early-bird"))
                .body("ticketTypes[0].earlyBirdEndsAt", equalTo(EARLY_ENDS))
                .body("ticketTypes[0].available", equalTo(true));
        place(order("conference", 1, "buyer@example.org")).then().statusCode(201)
                .body("tickets[0].price.amount", equalTo(30000))
                .body("tickets[0].priceLabel", equalTo("early-bird"));
    }

    @Test
    void anOrderPlacedAtOrAfterTheDeadlineNeverGetsIt() {
        createType("conference", 100, null);
        clock.set(DEADLINE);

        given().get("/api/events/" + EVENT).then().statusCode(200)
                .body("ticketTypes[0].price.amount", equalTo(50000))
                .body("ticketTypes[0].priceLabel", equalTo("regular"))
                .body("ticketTypes[0].earlyBirdEndsAt", nullValue());
        place(order("conference", 1, "buyer@example.org")).then().statusCode(201)
                .body("total.amount", equalTo(50000))
                .body("tickets[0].priceLabel", equalTo("regular"));
    }

    @Test
    void whenTheQuotaRunsOutMidOrderTheRestOfTheOrderPaysTheRegularPrice() {
        createType("conference", 100, 3);
        place(order("conference", 2, "first@example.org")).then().statusCode(201);

        place(order("conference", 3, "second@example.org")).then().statusCode(201)
                .body("tickets.priceLabel", contains("early-bird", "regular", "regular"))
                .body("total.amount", equalTo(30000 + 50000 + 50000));

        assertThat(seats("conference")).containsEntry("earlyBirdTaken", 3).containsEntry("held", 5);
        given().get("/api/events/" + EVENT).then().body("ticketTypes[0].priceLabel", equalTo("regular"));
    }

    @Test
    void aPriceChangeDoesNotTouchOrdersAlreadyPlaced() {
        createType("conference", 100, null);
        String id = place(order("conference", 1, "buyer@example.org")).then().statusCode(201).extract().path("id");

        var raised = typeBody("conference", 100, 80000, null);
        admin().body(raised).put("/api/admin/events/" + EVENT + "/ticket-types/conference").then().statusCode(200);
        clock.set(DEADLINE.plusSeconds(3600));

        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200)
                .body("total.amount", equalTo(30000))
                .body("tickets[0].price.amount", equalTo(30000))
                .body("tickets[0].priceLabel", equalTo("early-bird"));
        place(order("conference", 1, "later@example.org")).then().statusCode(201).body("total.amount", equalTo(80000));
    }

    @Test
    void earlyBirdSeatsOfAnExpiredOrderGoBackToTheQuota() {
        createType("conference", 100, 2);
        place(order("conference", 2, "buyer@example.org")).then().statusCode(201);
        place(order("conference", 1, "late@example.org")).then().body("tickets[0].priceLabel", equalTo("regular"));
        // The default invoice hold: five days, well inside the early-bird window.
        clock.advance(java.time.Duration.ofDays(5));
        io.quarkus.arc.Arc.container().instance(OrderExpiry.class).get().expireDue();

        assertThat(seats("conference")).containsEntry("earlyBirdTaken", 0).containsEntry("held", 0);
        place(order("conference", 2, "next@example.org")).then().statusCode(201)
                .body("tickets.priceLabel", contains("early-bird", "early-bird"));
    }
}
