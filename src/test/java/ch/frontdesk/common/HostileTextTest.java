package ch.frontdesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.tickets.TicketFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTML and SQL typed into the public forms are text: stored exactly as typed, and escaped wherever they are shown
 * again (the HTML part of every email, read from the outbox, and the buyer's order page). And a link's token used a
 * second time gets a clear answer, never a 5xx.
 */
@QuarkusTest
class HostileTextTest extends FrontdeskTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SQL = "'; drop table contact; --";

    @BeforeEach
    void anEventAndATier() {
        TicketFixtures.createEvent();
        TicketFixtures.createType("pass", 10, null);
        TicketFixtures.admin().body(Map.of("code", "reader", "name", "Reader",
                "price", Map.of("amount", 500, "currency", "CHF"), "interval", "month"))
                .post("/api/admin/support/tiers").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {SCRIPT, SQL})
    void aNewsletterNameIsStoredAsTypedAndEscapedInTheConfirmationMail(String name) {
        given().contentType(ContentType.JSON).body(Map.of("email", "json@example.org", "name", name, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("email", "form@example.org")
                .formParam("name", name).formParam("consent", "on")
                .post("/api/newsletter/subscriptions").then().statusCode(303);
        applySignups();

        for (String email : List.of("json@example.org", "form@example.org")) {
            assertThat(storedName(email)).isEqualTo(name);
            assertEscapedIn(htmlMailTo(email, "confirmation"), name);
        }
        assertThat(database.count("select count(*) from contact")).as("the table is still there").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {SCRIPT, SQL})
    void aSupporterNameIsStoredAsTypedAndEscapedInThePaymentInstructions(String name) {
        given().contentType(ContentType.JSON).body(Map.of("tier", "reader", "email", "json@example.org", "name", name,
                "consent", true, "paymentMethod", "invoice")).post("/api/support/pledges").then().statusCode(201);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("tier", "reader")
                .formParam("email", "form@example.org").formParam("name", name).formParam("consent", "on")
                .formParam("paymentMethod", "invoice").post("/api/support/pledges").then().statusCode(303);

        for (String email : List.of("json@example.org", "form@example.org")) {
            assertThat(storedName(email)).isEqualTo(name);
            assertEscapedIn(htmlMailTo(email, "support.invoice"), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SCRIPT, SQL})
    void buyerAndAttendeeNamesAreStoredAsTypedAndEscapedInMailsAndOnTheOrderPage(String name) {
        Map<String, Object> order = Map.of("buyer", Map.of("email", "buyer@example.org", "name", name),
                "tickets", List.of(Map.of("type", "pass", "attendee", Map.of("name", name, "email", "guest@example.org"))),
                "consent", true);
        String id = TicketFixtures.place(order).then().statusCode(201).extract().path("id");

        assertThat(database.single("select buyer_name from ticket_order where public_id = cast(?1 as uuid)", id))
                .isEqualTo(name);
        assertThat(database.single("select attendee_name from ticket")).isEqualTo(name);
        String received = htmlMailTo("buyer@example.org", "order-received");
        assertEscapedIn(received, name);

        String token = token(textMailTo("buyer@example.org", "order-received"), "/orders/" + id);
        String page = given().accept(ContentType.HTML).get("/orders/" + id + "?token=" + token)
                .then().statusCode(200).extract().asString();
        assertEscapedIn(page, name);

        TicketFixtures.admin().body("{}").post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);
        assertEscapedIn(htmlMailTo("guest@example.org", "ticket"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {SCRIPT, SQL})
    void aWaitingListNameIsStoredAsTyped(String name) {
        given().contentType(ContentType.JSON).body(Map.of("email", "wait@example.org", "name", name, "type", "pass",
                "quantity", 1)).post("/api/events/" + TicketFixtures.EVENT + "/waitlist").then().statusCode(202);

        assertThat(database.single("select name from waitlist_entry")).isEqualTo(name);
        for (Object html : htmlMails("wait@example.org")) {
            assertEscapedIn((String) html, name);
        }
    }

    // --- tokens used twice ---

    @Test
    void confirmingTwiceAnswersTheSameActiveSubscription() {
        String token = confirmToken();

        assertSecondUse(() -> given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/newsletter/confirm"));
        assertSecondUse(() -> given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", token).post("/api/newsletter/confirm"));
    }

    @Test
    void unsubscribingTwiceAnswersTheSameUnsubscribedStatus() {
        String confirm = confirmToken();
        given().contentType(ContentType.JSON).body(Map.of("token", confirm)).post("/api/newsletter/confirm")
                .then().statusCode(200);
        String token = token(textMailTo("ada@example.org", "welcome"), "/api/newsletter/unsubscribe", "/newsletter/unsubscribe");

        assertSecondUse(() -> given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post("/api/newsletter/unsubscribe?token=" + token));
    }

    @Test
    void cancellingAPledgeTwiceIsAClearAnswer() {
        given().contentType(ContentType.JSON).body(Map.of("tier", "reader", "email", "fan@example.org", "name", "Fan",
                "consent", true, "paymentMethod", "invoice")).post("/api/support/pledges").then().statusCode(201);
        String token = token(textMailTo("fan@example.org", "support.invoice"), "/support/cancel");

        assertSecondUse(() -> given().accept(ContentType.JSON).post("/api/support/pledges/cancel?token=" + token));
    }

    @Test
    void cancellingAnOrderTwiceIsAClearAnswer() {
        String id = TicketFixtures.place(TicketFixtures.order("pass", 1, "buyer@example.org"))
                .then().statusCode(201).extract().path("id");
        String token = token(textMailTo("buyer@example.org", "order-received"), "/orders/" + id);

        assertSecondUse(() -> given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .post("/api/orders/" + id + "/cancel?token=" + token));
        assertThat(database.count("select coalesce(sum(held), 0) from seat_count")).isZero();
    }

    /** The first use works; the second answers success again or a 4xx problem detail, and nothing on our side fails. */
    private static void assertSecondUse(Supplier<Response> use) {
        Response first = use.get();
        assertThat(first.statusCode()).as(first.asString()).isBetween(200, 399);
        Response second = use.get();
        assertThat(second.statusCode()).as(second.asString()).isBetween(200, 499);
        if (second.statusCode() >= 400) {
            assertThat(second.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(second.jsonPath().getString("detail")).isNotBlank();
        }
    }

    private String confirmToken() {
        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        applySignups();
        return token(textMailTo("ada@example.org", "confirmation"), "/newsletter/confirm");
    }

    // --- reading what was stored and mailed ---

    private String storedName(String email) {
        return (String) database.single("select name from contact where email = ?1", email);
    }

    /** The HTML part of the one mail to {@code email} whose kind mentions {@code kind}, as the outbox holds it. */
    private String htmlMailTo(String email, String kind) {
        Object html = database.single("""
                select html_body from outbox_message where recipient = ?1 and kind like ?2 order by id limit 1""",
                email, "%" + kind + "%");
        assertThat(html).as("an HTML part in the %s mail to %s", kind, email).isNotNull();
        return (String) html;
    }

    private String textMailTo(String email, String kind) {
        return (String) database.single("""
                select text_body from outbox_message where recipient = ?1 and kind like ?2 order by id limit 1""",
                email, "%" + kind + "%");
    }

    private List<?> htmlMails(String email) {
        return database.list("select html_body from outbox_message where recipient = ?1 and html_body is not null",
                email);
    }

    /** The text never appears as markup or raw quotes; where it appears, it appears escaped. */
    private static void assertEscapedIn(String html, String name) {
        assertThat(html).doesNotContain("<script>").doesNotContain(name);
        String escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
        assertThat(html).contains(escaped);
    }

    private static String token(String text, String... paths) {
        for (String path : paths) {
            Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(text);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No link to " + List.of(paths) + " in:\n" + text);
    }
}
