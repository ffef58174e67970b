package ch.frontdesk.tickets;

import static ch.frontdesk.testing.AdminApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import ch.frontdesk.testing.Seed.Order;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderListTest extends FrontdeskTest {

    @Inject
    Seed seed;

    Order confirmed;
    Order pending;
    Order other;

    @BeforeEach
    void orders() {
        long summit = seed.event("summit-2027");
        long conference = seed.ticketType(summit, "conference", null, null, 0);
        long workshop = seed.ticketType(summit, "workshop", null, null, 0);
        long meetup = seed.event("meetup-2026");
        long talk = seed.ticketType(meetup, "talk", null, null, 0);
        long ada = seed.contact("ada@example.org", "Ada", at("2026-01-01T10:00:00Z"));
        long bob = seed.contact("bob@example.org", "Bob", at("2026-01-02T10:00:00Z"));
        long eve = seed.contact("eve@example.org", null, at("2026-01-03T10:00:00Z"));

        confirmed = seed.order(summit, ada, "Ada Lovelace", "confirmed", 80000, at("2026-01-05T10:00:00Z"),
                at("2026-01-06T10:00:00Z"));
        seed.ticket(confirmed, conference, ada, "Ada Lovelace", 50000, "CODE-ADA", at("2026-01-05T10:00:00Z"));
        seed.ticket(confirmed, workshop, eve, "=HYPERLINK(\"http://evil.example\",\"click\")", 30000, "CODE-EVE",
                at("2026-01-05T10:00:01Z"));
        pending = seed.order(summit, bob, "Robert \"Bob\" Builder", "pending_payment", 50000,
                at("2026-01-07T10:00:00Z"), null);
        seed.ticket(pending, conference, bob, "Builder, Robert \"Bob\"\nSite foreman", 50000, "CODE-BOB",
                at("2026-01-07T10:00:00Z"));
        other = seed.order(meetup, eve, "Eve", "cancelled", 0, at("2026-01-08T10:00:00Z"), null);
        seed.ticket(other, talk, eve, "Eve", 0, "CODE-EVE-2", at("2026-01-08T10:00:00Z"));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void ordersShowTheirBuyerTotalAndTicketCountNewestFirst() {
        admin().get("/api/admin/orders").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(other.publicId().toString(), pending.publicId().toString(),
                        confirmed.publicId().toString()))
                .body("items[2].event", equalTo("summit-2027"))
                .body("items[2].buyerEmail", equalTo("ada@example.org"))
                .body("items[2].buyerName", equalTo("Ada Lovelace"))
                .body("items[2].status", equalTo("confirmed"))
                .body("items[2].paymentMethod", equalTo("invoice"))
                .body("items[2].total.amount", equalTo(80000))
                .body("items[2].total.currency", equalTo("CHF"))
                .body("items[2].paymentReference", equalTo("T-" + confirmed.publicId()))
                .body("items[2].tickets", equalTo(2))
                .body("items[2].confirmedAt", equalTo("2026-01-06T10:00:00Z"))
                .body("items[1].confirmedAt", nullValue());
    }

    @Test
    void ordersFilterByStatusEventDatesAndSearchTheNameOnTheOrderOrTheBuyersAddress() {
        admin().queryParam("status", "pending_payment").get("/api/admin/orders").then()
                .body("total", equalTo(1)).body("items.buyerEmail", contains("bob@example.org"));
        admin().queryParam("event", "summit-2027").get("/api/admin/orders").then()
                .body("total", equalTo(2));
        admin().queryParam("event", "no-such-event").get("/api/admin/orders").then()
                .statusCode(200).body("total", equalTo(0));
        admin().queryParam("from", "2026-01-07").queryParam("to", "2026-01-07").get("/api/admin/orders").then()
                .body("items.buyerEmail", contains("bob@example.org"));
        // "lovelace" is only in the name typed on the order; the contact is just "Ada".
        admin().queryParam("q", "LOVELACE").get("/api/admin/orders").then()
                .body("items.buyerEmail", contains("ada@example.org"));
        admin().queryParam("q", "eve@").get("/api/admin/orders").then()
                .body("items.buyerName", contains("Eve"));
        admin().queryParam("sort", "total").get("/api/admin/orders").then()
                .body("items.total.amount", contains(0, 50000, 80000));
        admin().queryParam("status", "paid").get("/api/admin/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("sort", "secret").get("/api/admin/orders.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void ticketsShowTheirCodeOnlyOnceTheOrderIsConfirmed() {
        admin().queryParam("sort", "createdAt").get("/api/admin/tickets").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.code", contains("CODE-ADA", "CODE-EVE", null, null))
                .body("items.orderStatus", contains("confirmed", "confirmed", "pending_payment", "cancelled"))
                .body("items[0].orderId", equalTo(confirmed.publicId().toString()))
                .body("items[0].event", equalTo("summit-2027"))
                .body("items[0].type", equalTo("conference"))
                .body("items[0].attendeeName", equalTo("Ada Lovelace"))
                .body("items[0].attendeeEmail", equalTo("ada@example.org"))
                .body("items[0].price.amount", equalTo(50000))
                .body("items[0].priceLabel", equalTo("regular"))
                .body("items[0].checkedInAt", nullValue());
    }

    @Test
    void ticketsFilterByEventTypeOrderStatusAndAttendee() {
        admin().queryParam("event", "summit-2027").queryParam("type", "conference").get("/api/admin/tickets").then()
                .body("total", equalTo(2)).body("items.attendeeEmail", containsInAnyOrder("ada@example.org", "bob@example.org"));
        admin().queryParam("status", "cancelled").get("/api/admin/tickets").then()
                .body("items.event", contains("meetup-2026"));
        admin().queryParam("q", "eve@example").queryParam("sort", "createdAt").get("/api/admin/tickets").then()
                .body("total", equalTo(2)).body("items.type", contains("workshop", "talk"));
        admin().queryParam("q", "foreman").get("/api/admin/tickets").then()
                .body("items.attendeeEmail", contains("bob@example.org"));
        admin().queryParam("status", "sold").get("/api/admin/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void theTicketsCsvQuotesAndDefusesWhatAttendeesTyped() {
        String csv = admin().queryParam("event", "summit-2027").queryParam("sort", "createdAt")
                .get("/api/admin/tickets.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tickets-2026-01-15.csv\"")
                .extract().asString();
        String id = confirmed.publicId().toString();
        assertThat(csv).isEqualTo(
                "order_id,event,type,attendee_name,attendee_email,price,currency,price_label,order_status,code,checked_in_at\r\n"
                        + id + ",summit-2027,conference,Ada Lovelace,ada@example.org,500.00,CHF,regular,confirmed,CODE-ADA,\r\n"
                        + id + ",summit-2027,workshop,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","
                        + "eve@example.org,300.00,CHF,regular,confirmed,CODE-EVE,\r\n"
                        + pending.publicId() + ",summit-2027,conference,\"Builder, Robert \"\"Bob\"\"\nSite foreman\","
                        + "bob@example.org,500.00,CHF,regular,pending_payment,,\r\n");
    }

    @Test
    void theOrdersCsvHasOneRecordPerOrder() {
        String csv = admin().queryParam("status", "pending_payment").get("/api/admin/orders.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).isEqualTo("id,event,buyer_email,buyer_name,status,payment_method,total,currency,"
                + "payment_reference,tickets,created_at,confirmed_at\r\n"
                + pending.publicId() + ",summit-2027,bob@example.org,\"Robert \"\"Bob\"\" Builder\",pending_payment,invoice,"
                + "500.00,CHF,T-" + pending.publicId() + ",1,2026-01-07T10:00:00Z,\r\n");
    }
}
