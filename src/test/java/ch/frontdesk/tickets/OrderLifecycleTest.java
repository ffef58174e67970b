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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderLifecycleTest extends FrontdeskTest {

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 100, 50);
    }

    private String orderId(io.restassured.response.Response placed) {
        return placed.then().statusCode(201).extract().path("id");
    }

    private String accessToken(String buyer) {
        List<Mail> mails = deliverTo(buyer);
        return tokenIn(mails.get(mails.size() - 1).getText(), "/orders/" + "");
    }

    @Test
    void anInvoiceOrderHoldsItsSeatsAndMailsThePaymentDetails() {
        var placed = place(order("conference", 2, "buyer@example.org"));
        placed.then().statusCode(201)
                .header("Location", containsString("/api/orders/"))
                .body("status", equalTo("pending_payment"))
                .body("paymentMethod", equalTo("invoice"))
                .body("total.amount", equalTo(60000))
                .body("total.currency", equalTo("CHF"))
                .body("expiresAt", equalTo(clock.instant().plus(Duration.ofDays(5)).toString()))
                .body("tickets", hasSize(2))
                .body("tickets[0].type", equalTo("conference"))
                .body("tickets[0].price.amount", equalTo(30000))
                .body("tickets[0].priceLabel", equalTo("early-bird"))
                .body("tickets[0].code", nullValue());

        assertThat(seats("conference")).containsEntry("held", 2).containsEntry("sold", 0);
        var mails = deliverTo("buyer@example.org");
        assertThat(mails).hasSize(1);
        String text = mails.get(0).getText();
        assertThat(text).contains("CHF 600.00").contains("IBAN").contains(placed.path("paymentReference").toString())
                .contains("/orders/" + placed.path("id") + "?token=");
    }

    @Test
    void theBuyerReadsTheOrderWithTheTokenAndNobodyElseCan() {
        String id = orderId(place(order("conference", 1, "buyer@example.org")));
        String token = tokenIn(deliverTo("buyer@example.org").get(0).getText(), "/orders/" + id);

        given().get("/api/orders/" + id + "?token=" + token).then().statusCode(200)
                .body("id", equalTo(id))
                .body("tickets[0].attendee.email", equalTo("attendee0@example.org"));
        given().get("/api/orders/" + id + "?token=wrong").then().statusCode(404);
        given().get("/api/orders/" + id).then().statusCode(404);
        given().get("/api/orders/not-a-uuid?token=" + token).then().statusCode(404);
        given().get("/orders/" + id + "?token=" + token).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Cancel this order"));
    }

    @Test
    void markingPaidConfirmsAndSendsEachAttendeeTheirTicketWithQrAndCalendar() throws Exception {
        String id = orderId(place(order("conference", 2, "buyer@example.org")));
        outboxSender.sendDue();

        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200)
                .body("status", equalTo("confirmed"))
                .body("tickets[0].code", notNullValue());
        assertThat(seats("conference")).containsEntry("held", 0).containsEntry("sold", 2);

        outboxSender.sendDue();
        Mail confirmation = mailbox.getMailsSentTo("buyer@example.org").get(1);
        assertThat(confirmation.getSubject()).contains("Your tickets");
        Mail ticket = mailbox.getMailsSentTo("attendee1@example.org").get(0);
        String code = (String) database.single("select code from ticket where attendee_name = 'Attendee 1'");
        assertThat(code).matches("[A-Za-z0-9_-]{32}");
        assertThat(ticket.getText()).contains(code);
        assertThat(confirmation.getText()).contains(code);

        var qr = ticket.getAttachments().stream().filter(a -> a.getContentType().equals("image/png")).findFirst()
                .orElseThrow();
        assertThat(qr.isInlineAttachment()).isTrue();
        assertThat(ticket.getHtml()).contains("cid:" + qr.getContentId().replace("<", "").replace(">", ""));
        byte[] png = bytes(qr);
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isGreaterThan(100);

        var ics = ticket.getAttachments().stream().filter(a -> a.getName().endsWith(".ics")).findFirst().orElseThrow();
        String calendar = new String(bytes(ics), StandardCharsets.UTF_8);
        assertThat(calendar).contains("BEGIN:VEVENT").contains("DTSTART;VALUE=DATE:20270209")
                .contains("DTEND;VALUE=DATE:20270212").contains("LOCATION:EPFL campus\\, Lausanne");
    }

    @Test
    void aTicketChecksInOnceAndASecondScanSaysWhen() {
        String id = orderId(place(order("conference", 1, "buyer@example.org")));
        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        String code = (String) database.single("select code from ticket");

        admin().body(Map.of("code", code)).post("/api/admin/checkin").then().statusCode(200)
                .body("attendee", equalTo("Attendee 0"))
                .body("type", equalTo("conference"))
                .body("checkedInAt", equalTo(clock.instant().toString()));
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(3));
        admin().body(Map.of("code", code)).post("/api/admin/checkin").then().statusCode(409)
                .contentType("application/problem+json")
                .body("checkedInAt", equalTo(first.toString()))
                .body("detail", containsString(first.toString()));
        admin().body(Map.of("code", "no-such-code")).post("/api/admin/checkin").then().statusCode(404);
    }

    @Test
    void unpaidOrdersExpireAndFreeTheirSeats() {
        String id = orderId(place(order("conference", 3, "buyer@example.org")));
        outboxSender.sendDue();

        clock.advance(Duration.ofDays(5).minusSeconds(1));
        assertThat(ordersExpired()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ordersExpired()).isEqualTo(1);
        assertThat(ordersExpired()).isZero();

        assertThat(database.single("select status from ticket_order")).isEqualTo("expired");
        assertThat(seats("conference")).containsEntry("held", 0).containsEntry("earlyBirdTaken", 0);
        assertThat(deliverTo("buyer@example.org").get(1).getSubject()).contains("expired");
        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(409);
    }

    @Test
    void theBuyerCancelsUntilTheDeadlineAndTheSeatsComeBack() {
        String id = orderId(place(order("conference", 2, "buyer@example.org")));
        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        String token = tokenIn(deliverTo("buyer@example.org").get(0).getText(), "/orders/" + id);

        given().post("/api/orders/" + id + "/cancel?token=" + token).then().statusCode(200)
                .body("status", equalTo("cancelled"));
        given().post("/api/orders/" + id + "/cancel?token=" + token).then().statusCode(200)
                .body("status", equalTo("cancelled"));
        assertThat(seats("conference")).containsEntry("sold", 0).containsEntry("held", 0);
        String code = (String) database.single("select code from ticket limit 1");
        admin().body(Map.of("code", code)).post("/api/admin/checkin").then().statusCode(422)
                .body("type", endsWith("ticket-not-valid"));

        String late = orderId(place(order("conference", 1, "late@example.org")));
        String lateToken = tokenIn(deliverTo("late@example.org").get(0).getText(), "/orders/" + late);
        clock.set(Instant.parse("2027-02-01T23:00:00Z"));
        given().post("/api/orders/" + late + "/cancel?token=" + lateToken).then().statusCode(409)
                .body("type", endsWith("cancellation-closed"));
    }

    @Test
    void theSameIdempotencyKeyNeverMakesASecondOrder() {
        var body = order("conference", 2, "buyer@example.org");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "order-1").body(body)
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", "order-1").body(body)
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(database.count("select count(*) from ticket_order")).isEqualTo(1);
        assertThat(seats("conference")).containsEntry("held", 2);
        body.put("voucher", null);
        body.put("tickets", List.of(Map.of("type", "conference", "attendee", Map.of("name", "Other", "email", "o@example.org"))));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "order-1").body(body)
                .post("/api/events/" + EVENT + "/orders").then().statusCode(422);
    }

    @Test
    void badOrdersAreRefusedNamingTheFieldAndStoreNothing() {
        var empty = order("conference", 0, "buyer@example.org");
        place(empty).then().statusCode(400).body("errors[0].field", equalTo("tickets"));

        place(order("no-such-type", 1, "buyer@example.org")).then().statusCode(400)
                .body("errors[0].field", equalTo("tickets[0].type"));

        place(order("conference", 11, "buyer@example.org")).then().statusCode(400)
                .body("errors[0].field", equalTo("tickets"));

        place(order("conference", 101, "buyer@example.org")).then().statusCode(400)
                .body("errors[0].field", equalTo("tickets"));

        place(order("conference", 1, "not-an-email")).then().statusCode(400)
                .body("errors[0].field", equalTo("buyer.email"));

        var badAttendee = order("conference", 1, "buyer@example.org");
        badAttendee.put("tickets", List.of(Map.of("type", "conference", "attendee", Map.of("name", "", "email", "x"))));
        place(badAttendee).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("tickets[0].attendee.email", "tickets[0].attendee.name"));

        var noConsent = order("conference", 1, "buyer@example.org");
        noConsent.put("consent", false);
        place(noConsent).then().statusCode(400).body("errors[0].field", equalTo("consent"));

        var card = order("conference", 1, "buyer@example.org");
        card.put("paymentMethod", "bitcoin");
        place(card).then().statusCode(400).body("errors[0].field", equalTo("paymentMethod"));

        given().contentType(ContentType.JSON).body(order("conference", 1, "buyer@example.org"))
                .post("/api/events/no-such-event/orders").then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(database.count("select count(*) from ticket_order")).isZero();
        assertThat(database.count("select count(*) from ticket")).isZero();
        assertThat(seats("conference")).containsEntry("held", 0).containsEntry("sold", 0);
        assertThat(database.count("select count(*) from outbox_message")).isZero();
    }

    @Test
    void ordersBeforeOrAfterTheSalesWindowAreRefused() {
        clock.set(Instant.parse("2027-02-09T10:00:00Z"));
        place(order("conference", 1, "buyer@example.org")).then().statusCode(409)
                .body("type", endsWith("sales-closed"));
        given().get("/api/events/" + EVENT).then().statusCode(200)
                .body("salesOpen", equalTo(false))
                .body("ticketTypes[0].available", equalTo(false));
    }

    private static byte[] bytes(io.quarkus.mailer.Attachment attachment) {
        List<Byte> data = io.smallrye.mutiny.Multi.createFrom().publisher(attachment.getData())
                .collect().asList().await().indefinitely();
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = data.get(i);
        }
        return bytes;
    }

    private int ordersExpired() {
        return io.quarkus.arc.Arc.container().instance(OrderExpiry.class).get().expireDue();
    }
}
