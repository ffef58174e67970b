package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin ends an unpaid order's hold in one action, and everything the order took goes back. */
@QuarkusTest
class ReleaseHoldTest extends FrontdeskTest {

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 100, 2);
    }

    private static String placed(Map<String, Object> order) {
        return place(order).then().statusCode(201).extract().path("id");
    }

    @Test
    void releasingAnUnpaidOrderGivesItsSeatsAndEarlyBirdShareBackAndTellsTheBuyer() {
        String id = placed(order("conference", 2, "hoarder@example.org"));
        place(order("conference", 1, "late@example.org")).then().body("tickets[0].priceLabel", equalTo("regular"));
        assertThat(seats("conference")).containsEntry("held", 3).containsEntry("earlyBirdTaken", 2);

        admin().post("/api/admin/orders/" + id + "/release").then().statusCode(200)
                .body("status", equalTo("expired"));

        assertThat(seats("conference")).containsEntry("held", 1).containsEntry("earlyBirdTaken", 0);
        place(order("conference", 2, "next@example.org")).then().statusCode(201)
                .body("tickets.priceLabel", contains("early-bird", "early-bird"));
        var mails = deliverTo("hoarder@example.org");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).contains("expired");
        assertThat(database.count("select count(*) from audit_entry where action like '%release%' and target = ?1",
                "order:" + id)).isEqualTo(1);
    }

    @Test
    void releasingGivesTheVoucherUsesBack() {
        admin().body(Map.of("code", "HALF", "event", EVENT, "discount", Map.of("percent", 50), "maxUses", 1))
                .post("/api/admin/vouchers").then().statusCode(201);
        var withVoucher = order("conference", 1, "first@example.org");
        withVoucher.put("voucher", "HALF");
        String id = placed(withVoucher);
        var again = order("conference", 1, "second@example.org");
        again.put("voucher", "HALF");
        place(again).then().statusCode(409);

        admin().post("/api/admin/orders/" + id + "/release").then().statusCode(200);

        place(again).then().statusCode(201).body("total.amount", equalTo(15000));
    }

    @Test
    void aPaidOrEndedOrderIsNotReleasable() {
        String paid = placed(order("conference", 1, "paid@example.org"));
        admin().post("/api/admin/orders/" + paid + "/mark-paid").then().statusCode(200);
        admin().post("/api/admin/orders/" + paid + "/release").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/not-releasable"));
        assertThat(seats("conference")).containsEntry("sold", 1);

        String released = placed(order("conference", 1, "unpaid@example.org"));
        admin().post("/api/admin/orders/" + released + "/release").then().statusCode(200);
        admin().post("/api/admin/orders/" + released + "/release").then().statusCode(409);
        assertThat(seats("conference")).containsEntry("held", 0).containsEntry("sold", 1);

        admin().post("/api/admin/orders/" + UUID.randomUUID() + "/release").then().statusCode(404);
        given().post("/api/admin/orders/" + released + "/release").then().statusCode(401);
    }
}
