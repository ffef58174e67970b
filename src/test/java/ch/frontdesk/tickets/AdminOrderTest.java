package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.typeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminOrderTest extends FrontdeskTest {

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 100, null);
    }

    private static String placed(int tickets) {
        return place(order("conference", tickets, "buyer@example.org")).then().statusCode(201).extract().path("id");
    }

    private long ticketMailsQueued() {
        return database.count("select count(*) from outbox_message where kind = 'tickets.ticket'");
    }

    @Test
    void theAdminSeesTheWholeOrderAtEveryStage() {
        String id = placed(2);
        admin().get("/api/admin/orders/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("event", equalTo(EVENT))
                .body("status", equalTo("pending_payment"))
                .body("paymentMethod", equalTo("invoice"))
                .body("total.amount", equalTo(60000))
                .body("total.currency", equalTo("CHF"))
                .body("paymentReference", matchesPattern("FD-[A-Z0-9]{10}"))
                .body("buyer.email", equalTo("buyer@example.org"))
                .body("buyer.name", equalTo("Buyer"))
                .body("expiresAt", equalTo(clock.instant().plus(Duration.ofDays(5)).toString()))
                .body("createdAt", equalTo(clock.instant().toString()))
                .body("confirmedAt", nullValue())
                .body("cancelledAt", nullValue())
                .body("refundedAt", nullValue())
                .body("tickets", hasSize(2))
                .body("tickets[1].type", equalTo("conference"))
                .body("tickets[1].attendee.name", equalTo("Attendee 1"))
                .body("tickets[1].attendee.email", equalTo("attendee1@example.org"))
                .body("tickets[1].price.amount", equalTo(30000))
                .body("tickets[1].priceLabel", equalTo("early-bird"))
                .body("tickets[1].code", nullValue())
                .body("tickets[1].checkedInAt", nullValue());

        clock.advance(Duration.ofHours(1));
        admin().body(Map.of()).post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        String code = (String) database.single("select code from ticket where attendee_name = 'Attendee 0'");
        clock.advance(Duration.ofHours(1));
        admin().body(Map.of("code", code)).post("/api/admin/checkin").then().statusCode(200);

        admin().get("/api/admin/orders/" + id).then().statusCode(200)
                .body("status", equalTo("confirmed"))
                .body("confirmedAt", equalTo(clock.instant().minus(Duration.ofHours(1)).toString()))
                .body("expiresAt", nullValue())
                .body("tickets[0].code", equalTo(code))
                .body("tickets[0].checkedInAt", equalTo(clock.instant().toString()))
                .body("tickets[1].checkedInAt", nullValue());

        admin().body(Map.of()).post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);
        admin().get("/api/admin/orders/" + id).then()
                .body("status", equalTo("cancelled"))
                .body("cancelledAt", equalTo(clock.instant().toString()));
    }

    @Test
    void anUnknownOrderIs404() {
        admin().get("/api/admin/orders/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        admin().get("/api/admin/orders/not-a-uuid").then().statusCode(404);
        admin().body(Map.of()).post("/api/admin/orders/00000000-0000-0000-0000-000000000000/resend-tickets")
                .then().statusCode(404);
    }

    @Test
    void resendingSendsEachAttendeeTheirTicketAgainAndNothingToTheBuyer() {
        String id = placed(2);
        admin().body(Map.of()).post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        outboxSender.sendDue();
        int buyerMails = mailbox.getMailsSentTo("buyer@example.org").size();
        assertThat(ticketMailsQueued()).isEqualTo(2);

        admin().body(Map.of()).post("/api/admin/orders/" + id + "/resend-tickets").then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("confirmed"));
        assertThat(ticketMailsQueued()).isEqualTo(4);
        outboxSender.sendDue();

        for (int i = 0; i < 2; i++) {
            String code = (String) database.single("select code from ticket where attendee_name = ?1", "Attendee " + i);
            List<Mail> mails = mailbox.getMailsSentTo("attendee" + i + "@example.org");
            assertThat(mails).hasSize(2);
            assertThat(mails.get(1).getSubject()).contains("Your ticket");
            assertThat(mails.get(1).getText()).contains(code);
            assertThat(mails.get(1).getAttachments()).hasSize(2);
        }
        assertThat(mailbox.getMailsSentTo("buyer@example.org")).hasSize(buyerMails);
    }

    @Test
    void onlyAConfirmedOrderHasTicketsToResend() {
        String id = placed(1);
        admin().body(Map.of()).post("/api/admin/orders/" + id + "/resend-tickets").then().statusCode(409)
                .body("type", endsWith("not-confirmed"));
        assertThat(ticketMailsQueued()).isZero();

        admin().body(Map.of()).post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);
        admin().body(Map.of()).post("/api/admin/orders/" + id + "/resend-tickets").then().statusCode(409);
        assertThat(ticketMailsQueued()).isZero();
    }

    @Test
    void theAdminListsEveryEventWithItsSeatCounters() {
        admin().body(Map.of("slug", "early-event", "name", "Early event", "startsOn", "2026-06-01",
                        "endsOn", "2026-06-01", "venue", "EPFL", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        admin().body(typeBody("day", 30, 50000, 5)).post("/api/admin/events/early-event/ticket-types")
                .then().statusCode(201);
        placed(3);

        admin().get("/api/admin/events").then().statusCode(200)
                .body("slug", contains("early-event", EVENT))
                .body("[0].ticketTypes.code", contains("day"))
                .body("[0].ticketTypes[0].capacity", equalTo(30))
                .body("[0].ticketTypes[0].earlyBird.quota", equalTo(5))
                .body("[1].name", equalTo("AMLD Intelligence Summit 2027"))
                .body("[1].ticketTypes[0].held", equalTo(3))
                .body("[1].ticketTypes[0].sold", equalTo(0))
                .body("[1].ticketTypes[0].earlyBirdTaken", equalTo(3));
    }

    @Test
    void theAdminListsVouchersWithTheirUsesByEvent() {
        admin().body(Map.of("slug", "other-event", "name", "Other", "startsOn", "2027-06-01",
                        "endsOn", "2027-06-01", "venue", "EPFL", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        voucher("SPEAKER", EVENT, Map.of("percent", 100), 5, List.of("conference"));
        voucher("friends", EVENT, Map.of("amount", 5000), 10, null);
        voucher("OTHER", "other-event", Map.of("percent", 10), 1, null);
        var withVoucher = order("conference", 2, "buyer@example.org");
        withVoucher.put("voucher", "speaker");
        place(withVoucher).then().statusCode(201);

        admin().get("/api/admin/vouchers?event=" + EVENT).then().statusCode(200)
                .body("code", contains("friends", "SPEAKER"))
                .body("[0].event", equalTo(EVENT))
                .body("[0].discount.amount", equalTo(5000))
                .body("[0].maxUses", equalTo(10))
                .body("[0].used", equalTo(0))
                .body("[1].types", contains("conference"))
                .body("[1].discount.percent", equalTo(100))
                .body("[1].used", equalTo(2));
        admin().get("/api/admin/vouchers").then().statusCode(200)
                .body("code", contains("friends", "SPEAKER", "OTHER"))
                .body("[2].event", equalTo("other-event"));
        admin().get("/api/admin/vouchers?event=no-such-event").then().statusCode(404);
    }

    private static void voucher(String code, String event, Map<String, Object> discount, int maxUses,
            List<String> types) {
        var body = new HashMap<String, Object>(Map.of("code", code, "event", event, "discount", discount,
                "maxUses", maxUses));
        if (types != null) {
            body.put("types", types);
        }
        admin().body(body).post("/api/admin/vouchers").then().statusCode(201);
    }
}
