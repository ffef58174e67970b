package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticket mail sent to an address on the say-so of whoever typed it shares the daily cap on such mail with the
 * newsletter, and shows the typed names without links, until the address's owner has shown it is theirs.
 */
@QuarkusTest
class TicketMailCapTest extends FrontdeskTest {

    private static final String ADDRESS = "victim@example.org";

    @BeforeEach
    void summit() {
        createEvent();
        createType("conference", 50, null);
    }

    private static void signUpForNewsletter(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        applySignups();
    }

    private static void joinWaitlist(String email, String name) {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", name, "type", "conference", "quantity", 1))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(202);
    }

    private static Map<String, Object> orderNamed(String buyer, String buyerName, String attendeeName) {
        Map<String, Object> order = new HashMap<>(order("conference", 1, buyer));
        order.put("buyer", Map.of("email", buyer, "name", buyerName));
        order.put("tickets", List.of(Map.of("type", "conference",
                "attendee", Map.of("name", attendeeName, "email", "attendee@example.org"))));
        return order;
    }

    private List<String> kindsMailedTo(String email) {
        applySignups();
        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) database.list(
                "select kind from outbox_message where recipient = ?1 order by id", email);
        return kinds;
    }

    @Test
    void theFourthMailInADayToAnUnconfirmedAddressIsNotSentWhateverMixOfFormsAskedForIt() {
        signUpForNewsletter(ADDRESS);
        place(order("conference", 1, ADDRESS)).then().statusCode(201);
        joinWaitlist(ADDRESS, "Someone");
        assertThat(kindsMailedTo(ADDRESS)).containsExactly("newsletter.confirmation", "tickets.order-received",
                "tickets.waitlist-confirmation");

        // A fourth order: its bank details could not be mailed, so it is refused and holds nothing.
        place(order("conference", 1, ADDRESS)).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("nobody has confirmed"));
        joinWaitlist(ADDRESS, "Someone else");
        signUpForNewsletter(ADDRESS);

        assertThat(kindsMailedTo(ADDRESS)).hasSize(3);
        assertThat(database.count("select count(*) from ticket_order")).isEqualTo(1);
        assertThat(seats("conference")).containsEntry("held", 1);
        assertThat(database.count("select count(*) from access_token where purpose = 'waitlist_confirm'"))
                .as("no confirmation token for a mail that did not go").isEqualTo(1);
        assertThat(deliverTo(ADDRESS)).hasSize(3);
    }

    @Test
    void namesTypedWithLinksComeOutCleanedInMailToAnUnconfirmedAddress() {
        place(orderNamed(ADDRESS, "Claim your prize at https://evil.example/win now",
                "Visit www.evil.example today")).then().statusCode(201);
        joinWaitlist("other@example.org", "Go to evil.example/prize");

        List<Mail> mails = deliverTo(ADDRESS);
        mails.addAll(deliverTo("other@example.org"));
        assertThat(mails).hasSize(2);
        for (Mail mail : mails) {
            assertThat(mail.getText()).doesNotContain("evil.example").doesNotContain("www.");
            assertThat(mail.getHtml()).doesNotContain("evil.example");
        }
        assertThat(mails.get(0).getText()).startsWith("Hello Claim your prize at now,").contains("Visit today");
        assertThat(mails.get(1).getText()).startsWith("Hello Go to,");
    }

    @Test
    void aBuyerWhoConfirmedTheAddressIsNotCappedAndSeesTheNamesAsTyped() {
        signUpForNewsletter(ADDRESS);
        String confirmToken = tokenIn(deliverTo(ADDRESS).get(0).getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", confirmToken))
                .post("/api/newsletter/confirm").then().statusCode(200);

        for (int i = 0; i < 4; i++) {
            place(orderNamed(ADDRESS, "Ada of ada.example", "Ada")).then().statusCode(201);
        }
        joinWaitlist(ADDRESS, "Ada");

        assertThat(kindsMailedTo(ADDRESS)).filteredOn(k -> k.startsWith("tickets.")).containsExactly(
                "tickets.order-received", "tickets.order-received", "tickets.order-received",
                "tickets.order-received", "tickets.waitlist-confirmation");
        assertThat(deliverTo(ADDRESS)).filteredOn(m -> m.getSubject().startsWith("Your order for"))
                .allMatch(m -> m.getText().startsWith("Hello Ada of ada.example,"));
    }

    @Test
    void aBuyerWhoPaidAnEarlierOrderIsNotCapped() {
        String paid = place(order("conference", 1, ADDRESS)).then().statusCode(201).extract().path("id");
        TicketFixtures.admin().body(Map.of()).post("/api/admin/orders/" + paid + "/mark-paid").then().statusCode(200);

        for (int i = 0; i < 3; i++) {
            place(order("conference", 1, ADDRESS)).then().statusCode(201);
        }
        assertThat(kindsMailedTo(ADDRESS)).filteredOn("tickets.order-received"::equals).hasSize(4);
    }
}
