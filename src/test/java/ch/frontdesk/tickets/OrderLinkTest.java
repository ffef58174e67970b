package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One link per order, valid until the event is over; ticket emails that do not depend on the server's locale. */
@QuarkusTest
class OrderLinkTest extends FrontdeskTest {

    private static final String BUYER = "buyer@example.org";
    /** The summit ends on 11 February 2027 (Europe/Zurich); the link works for one more day. */
    private static final Instant LINK_END = Instant.parse("2027-02-12T23:00:00Z");

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 100, 50);
    }

    private String placeInvoiceOrder() {
        return place(order("conference", 1, BUYER)).then().statusCode(201).extract().path("id");
    }

    private List<String> orderLinks(String id) {
        return deliverTo(BUYER).stream().map(Mail::getText).map(text -> tokenIn(text, "/orders/" + id)).toList();
    }

    @Test
    void everyEmailOfAnOrderCarriesTheSameLink() {
        String id = placeInvoiceOrder();
        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);

        List<String> tokens = orderLinks(id);
        assertThat(deliverTo(BUYER)).extracting(Mail::getSubject).anyMatch(s -> s.contains("payment details"))
                .anyMatch(s -> s.startsWith("Your tickets")).anyMatch(s -> s.endsWith("is cancelled"));
        assertThat(tokens).hasSize(3).containsOnly(tokens.get(0));
        given().get("/api/orders/" + id + "?token=" + tokens.get(0)).then().statusCode(200)
                .body("status", equalTo("cancelled"));
    }

    @Test
    void theLinkWorksUntilADayAfterTheEventAndIsThenRefusedWithAClearProblem() {
        String id = placeInvoiceOrder();
        String token = orderLinks(id).get(0);

        clock.set(LINK_END.minusSeconds(1));
        given().get("/api/orders/" + id + "?token=" + token).then().statusCode(200);

        clock.set(LINK_END);
        given().get("/api/orders/" + id + "?token=" + token).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/order-link-expired"))
                .body("detail", equalTo("This order link stopped working when the event was over."));
    }

    @Test
    void aWrongTokenLooksLikeAnUnknownOrderBeforeAndAfterTheEvent() {
        String id = placeInvoiceOrder();
        given().get("/api/orders/" + id + "?token=not-the-token-of-this-order").then().statusCode(404);
        clock.set(LINK_END);
        given().get("/api/orders/" + id + "?token=not-the-token-of-this-order").then().statusCode(404);
    }

    @Test
    void ticketEmailsReadTheSameWhateverTheServersLocaleAndTimeZone() {
        String english = renderedOrderEmails();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        String german;
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            german = renderedOrderEmails();
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertThat(german).isEqualTo(english);
        // Held 5 days (the invoice hold) from 15 January 2026, 10:00 in Zurich, shown in the event's zone and in English.
        assertThat(english).contains("20 January 2026, 10:00 CET").contains("9–11 February 2027");
    }

    /** The text of an order's emails (received, tickets), with the parts that differ per order taken out. */
    private String renderedOrderEmails() {
        database.clear();
        mailbox.clear();
        createEvent();
        createType("conference", 100, 50);
        String id = placeInvoiceOrder();
        admin().post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        StringBuilder texts = new StringBuilder();
        for (String address : List.of(BUYER, "attendee0@example.org")) {
            deliverTo(address).forEach(mail -> texts.append(mail.getSubject()).append('\n').append(mail.getText()));
        }
        return texts.toString().replace(id, "<id>").replaceAll("token=[A-Za-z0-9_-]+", "token=<t>")
                .replaceAll("FD-[A-Z0-9]{10}", "<reference>").replaceAll("[A-Za-z0-9_-]{32}", "<code>");
    }
}
