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

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.mailer.Mail;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
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

    /** Joins and confirms the address from the email, as a person who wants the seats does. */
    private void join(String email, int quantity) {
        joinUnconfirmed(email, quantity);
        confirm(confirmationToken(email)).then().statusCode(200).body("status", equalTo("confirmed"));
    }

    private static void joinUnconfirmed(String email, int quantity) {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Waiting " + email, "type", "conference", "quantity", quantity))
                .post("/api/events/" + EVENT + "/waitlist")
                .then().statusCode(202).body("status", equalTo("waiting"));
    }

    private static Response confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/waitlist/confirm");
    }

    /** The token of the latest confirmation email to {@code email}. */
    private String confirmationToken(String email) {
        List<Mail> confirmations = deliverTo(email).stream()
                .filter(m -> m.getSubject().startsWith("Confirm your place")).toList();
        assertThat(confirmations).as("confirmation to %s", email).isNotEmpty();
        return tokenIn(confirmations.get(confirmations.size() - 1).getText(), "/waitlist/confirm");
    }

    private List<Mail> offers(String email) {
        return deliverTo(email).stream().filter(m -> m.getSubject().startsWith("Seats are free")).toList();
    }

    private String offerToken(String email) {
        var mails = offers(email);
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
        assertThat(offers("second@example.org")).isEmpty();
        place(order("conference", 1, "someone@example.org")).then().statusCode(409);

        var withOffer = order("conference", 2, "first@example.org");
        withOffer.put("waitlistOffer", token);
        place(withOffer).then().statusCode(201).body("status", equalTo("pending_payment"));
        assertThat(seats("conference")).containsEntry("held", 2);
        assertThat(database.single("select status from waitlist_entry where quantity = 2")).isEqualTo("accepted");
        assertThat(SeatAudit.mismatches(database)).as("the offer's seats are the order's, bucket for bucket").isZero();
    }

    @Test
    void aLapsedOfferPassesToTheNextPerson() {
        join("first@example.org", 1);
        join("second@example.org", 1);
        cancelSoldOutOrder(soldOutOrder);
        String firstToken = offerToken("first@example.org");
        offerToken("second@example.org");

        join("third@example.org", 1);
        assertThat(offers("third@example.org")).isEmpty();

        clock.advance(Duration.ofHours(48).minusSeconds(1));
        assertThat(lapseDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lapseDue()).isEqualTo(2);

        offerToken("third@example.org");
        assertThat(database.count("select count(*) from waitlist_entry where status = 'lapsed'")).isEqualTo(2);
        assertThat(seats("conference")).containsEntry("held", 1);
        assertThat(SeatAudit.mismatches(database)).as("lapsed offers gave back the buckets they held").isZero();

        var late = order("conference", 1, "first@example.org");
        late.put("waitlistOffer", firstToken);
        place(late).then().statusCode(400).body("errors[0].field", equalTo("waitlistOffer"));
    }

    @Test
    void joiningTwiceKeepsOnePlaceAndBadInputIsRefused() {
        joinUnconfirmed("first@example.org", 1);
        joinUnconfirmed("FIRST@example.org", 1);
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
        assertThat(SeatAudit.mismatches(database)).isZero();
    }

    @Test
    void anUnconfirmedEntryIsSkippedAndHoldsNoSeatsWhileTheNextConfirmedOneGetsTheOffer() {
        joinUnconfirmed("squatter@example.org", 2);
        join("second@example.org", 1);

        cancelSoldOutOrder(soldOutOrder);

        offerToken("second@example.org");
        assertThat(offers("squatter@example.org")).isEmpty();
        assertThat(seats("conference")).containsEntry("held", 1);
        assertThat(database.single("select status from waitlist_entry where quantity = 2")).isEqualTo("waiting");
        // The seat nobody confirmed for is still on sale.
        place(order("conference", 1, "walk-in@example.org")).then().statusCode(201);
    }

    @Test
    void confirmingLaterPutsTheEntryInLineByItsJoiningTime() {
        joinUnconfirmed("early@example.org", 2);
        clock.advance(Duration.ofHours(1));
        join("later@example.org", 1);
        clock.advance(Duration.ofHours(1));
        confirm(confirmationToken("early@example.org")).then().statusCode(200);

        cancelSoldOutOrder(soldOutOrder);

        // Two seats free up. In order of confirming, the later party of one would come first and the early party
        // of two would not fit; in order of joining, the early party takes both.
        offerToken("early@example.org");
        assertThat(offers("later@example.org")).isEmpty();
        assertThat(seats("conference")).containsEntry("held", 2);
    }

    @Test
    void confirmingWhenSeatsAreAlreadyFreeOffersThemAtOnce() {
        joinUnconfirmed("first@example.org", 1);
        cancelSoldOutOrder(soldOutOrder);
        assertThat(seats("conference")).containsEntry("held", 0);

        confirm(confirmationToken("first@example.org")).then().statusCode(200);

        offerToken("first@example.org");
        assertThat(seats("conference")).containsEntry("held", 1);
    }

    @Test
    void aConfirmationTokenUsedTwiceOrExpiredOrUnknownIsAClearAnswer() {
        joinUnconfirmed("first@example.org", 1);
        String token = confirmationToken("first@example.org");
        confirm(token).then().statusCode(200);
        confirm(token).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("already-confirmed"));
        confirm("no-such-token").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("token", "")).post("/api/waitlist/confirm")
                .then().statusCode(400).body("errors[0].field", equalTo("token"));

        joinUnconfirmed("slow@example.org", 1);
        String slow = confirmationToken("slow@example.org");
        clock.advance(Duration.ofHours(48));
        confirm(slow).then().statusCode(410).contentType("application/problem+json");
        assertThat(database.single("select confirmed_at from waitlist_entry e join contact c on c.id = e.contact_id "
                + "where c.email = 'slow@example.org'")).isNull();

        // Joining again mails a fresh link; the place still counts from the first join.
        joinUnconfirmed("slow@example.org", 1);
        String fresh = confirmationToken("slow@example.org");
        assertThat(fresh).isNotEqualTo(slow);
        confirm(fresh).then().statusCode(200);
        assertThat(database.count("select count(*) from waitlist_entry")).isEqualTo(2);
    }

    @Test
    void theEmailedLinkOpensAPageWhoseButtonConfirms() {
        joinUnconfirmed("first@example.org", 1);
        String token = confirmationToken("first@example.org");

        given().get("/waitlist/confirm?token=" + token).then().statusCode(200)
                .body(containsString("action=\"/api/waitlist/confirm\""))
                .body(containsString(token));
        assertThat(database.single("select confirmed_at from waitlist_entry")).isNull();

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("token", token)
                .post("/api/waitlist/confirm").then().statusCode(303)
                .header("Location", endsWith("/waitlist/confirmed?lang=en"));
        assertThat(database.single("select confirmed_at from waitlist_entry")).isNotNull();
        given().get("/waitlist/confirm?token=" + token).then().statusCode(200)
                .body(containsString("Your place is confirmed"));
        given().get("/waitlist/confirm?token=nope").then().statusCode(404);
    }

    @Test
    void joiningAnswersTheSameForANewAndAKnownAddressAndMailsTheLinkOnceADay() {
        String fresh = given().contentType(ContentType.JSON)
                .body(Map.of("email", "nobody-knows@example.org", "name", "N", "type", "conference"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(202).extract().asString();
        String known = given().contentType(ContentType.JSON)
                .body(Map.of("email", "early@example.org", "name", "E", "type", "conference"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(202).extract().asString();
        assertThat(known).isEqualTo(fresh);

        joinUnconfirmed("early@example.org", 1);
        assertThat(deliverTo("early@example.org")).filteredOn(m -> m.getSubject().startsWith("Confirm")).hasSize(1);
        clock.advance(Waitlist.CONFIRMATION_RESEND_AFTER);
        joinUnconfirmed("early@example.org", 1);
        assertThat(deliverTo("early@example.org")).filteredOn(m -> m.getSubject().startsWith("Confirm")).hasSize(2);
    }

    private int lapseDue() {
        return Arc.container().instance(Waitlist.class).get().lapseDue();
    }
}
