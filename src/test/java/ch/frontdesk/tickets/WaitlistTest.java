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
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WaitlistTest extends FrontdeskTest {

    private String soldOutOrder;

    @BeforeEach
    void soldOutSummit() {
        createEvent();
        createType("conference", 2, null);
        soldOutOrder = place(order("conference", 2, "early@example.org")).then().statusCode(201).extract().path("id");
        place(order("conference", 1, "late@example.org")).then().statusCode(409).body("type", endsWith("sold-out"));
        outboxSender.sendDue();
        mailbox.clear();
    }

    private static void join(String email, int quantity) {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Waiting " + email, "type", "conference", "quantity", quantity))
                .post("/api/events/" + EVENT + "/waitlist")
                .then().statusCode(202);
    }

    private String offerToken(String email) {
        var mails = deliverTo(email);
        assertThat(mails).as("offer to %s", email).isNotEmpty();
        Matcher matcher = Pattern.compile("offer=([A-Za-z0-9_-]+)").matcher(mails.get(mails.size() - 1).getText());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static void cancelSoldOutOrder(String id) {
        admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void freedSeatsAreOfferedToTheFirstPersonWaitingAndHeldForThem() {
        join("first@example.org", 2);
        join("second@example.org", 1);
        assertThat(database.count("select count(*) from outbox_message where kind = 'tickets.waitlist-offer'")).isZero();

        cancelSoldOutOrder(soldOutOrder);

        assertThat(seats("conference")).containsEntry("held", 2).containsEntry("sold", 0);
        String token = offerToken("first@example.org");
        assertThat(mailbox.getMailsSentTo("second@example.org")).isEmpty();
        place(order("conference", 1, "someone@example.org")).then().statusCode(409);

        var withOffer = order("conference", 2, "first@example.org");
        withOffer.put("waitlistOffer", token);
        place(withOffer).then().statusCode(201).body("status", equalTo("pending_payment"));
        assertThat(seats("conference")).containsEntry("held", 2);
        assertThat(database.single("select status from waitlist_entry where quantity = 2")).isEqualTo("accepted");
    }

    @Test
    void aLapsedOfferPassesToTheNextPerson() {
        join("first@example.org", 1);
        join("second@example.org", 1);
        cancelSoldOutOrder(soldOutOrder);
        String firstToken = offerToken("first@example.org");
        offerToken("second@example.org");

        join("third@example.org", 1);
        assertThat(mailbox.getMailsSentTo("third@example.org")).isEmpty();

        clock.advance(Duration.ofHours(48).minusSeconds(1));
        assertThat(lapseDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lapseDue()).isEqualTo(2);

        offerToken("third@example.org");
        assertThat(database.count("select count(*) from waitlist_entry where status = 'lapsed'")).isEqualTo(2);
        assertThat(seats("conference")).containsEntry("held", 1);

        var late = order("conference", 1, "first@example.org");
        late.put("waitlistOffer", firstToken);
        place(late).then().statusCode(400).body("errors[0].field", equalTo("waitlistOffer"));
    }

    @Test
    void joiningTwiceKeepsOnePlaceAndBadInputIsRefused() {
        join("first@example.org", 1);
        join("FIRST@example.org", 1);
        assertThat(database.count("select count(*) from waitlist_entry")).isEqualTo(1);

        given().contentType(ContentType.JSON).body(Map.of("email", "x@example.org", "name", "X", "type", "nope"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().contentType(ContentType.JSON).body(Map.of("email", "bad", "name", "X", "type", "conference"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        for (int absurd : new int[] {0, -3, 100_000}) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("email", "x@example.org", "name", "X", "type", "conference", "quantity", absurd))
                    .post("/api/events/" + EVENT + "/waitlist").then().statusCode(400)
                    .body("errors[0].field", equalTo("quantity"));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.org", "name", "X", "type", "conference", "quantity", "many"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(400)
                .body("errors[0].field", equalTo("quantity"));
        assertThat(database.count("select count(*) from waitlist_entry")).isEqualTo(1);
    }

    @Test
    void moreCapacityIsOfferedToThoseWaiting() {
        join("first@example.org", 1);
        var bigger = TicketFixtures.typeBody("conference", 3, 50000, null);
        admin().body(bigger).put("/api/admin/events/" + EVENT + "/ticket-types/conference").then().statusCode(200);
        offerToken("first@example.org");
        assertThat(seats("conference")).containsEntry("held", 3);
    }

    private int lapseDue() {
        return Arc.container().instance(Waitlist.class).get().lapseDue();
    }
}
