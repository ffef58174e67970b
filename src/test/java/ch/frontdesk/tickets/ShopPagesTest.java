package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket shop's pages as a browser without JavaScript uses them: plain GETs and form posts, {@code 303} after
 * success, the page again with the API's status and the errors next to their fields after a failure. The clock
 * stands at 15 January 2026, inside the early-bird window (until 31 January 23:00 UTC, midnight in Zurich).
 */
@QuarkusTest
class ShopPagesTest extends FrontdeskTest {

    private static final String SHOP = "/events/" + EVENT;

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 100, null);
    }

    // --- the shop ---

    @Test
    void theShopShowsTheEarlyBirdPriceAndWhenItEndsInTheEventsZoneInEachLanguage() {
        String english = page(SHOP + "?lang=en");
        String conference = card(english, "conference");
        assertThat(conference).contains("CHF 300.00", "data-label=\"early-bird\"", "Early-bird price",
                "until 1 February 2026, 00:00 CET", "then CHF 500.00");
        assertThat(english).contains("<html lang=\"en\"", "9\u201311 February 2027", "EPFL campus, Lausanne");

        String french = card(page(SHOP + "?lang=fr"), "conference");
        assertThat(french).contains("300,00 CHF", "Prix early bird", "1 février 2026, 00:00 CET", "500,00 CHF");

        String german = card(page(SHOP, "de-CH,de;q=0.9"), "conference");
        assertThat(german).contains("CHF 300.00", "Frühbucherpreis", "1. Februar 2026, 00:00 MEZ", "CHF 500.00");
    }

    @Test
    void afterTheEarlyBirdWindowTheShopShowsTheRegularPrice() {
        clock.set(Instant.parse("2026-01-31T23:00:00Z"));

        String conference = card(page(SHOP + "?lang=en"), "conference");

        assertThat(conference).contains("CHF 500.00").doesNotContain("CHF 300.00", "early-bird", "Early-bird");
    }

    @Test
    void aTypeWithFewSeatsSaysSoAndASoldOutTypeOffersItsWaitingList() {
        createType("workshop", 25, null);
        createType("dinner", 1, null);
        place(order("dinner", 1, "first@example.org")).then().statusCode(201);
        place(order("workshop", 6, "second@example.org")).then().statusCode(201);

        String shop = page(SHOP + "?lang=en");

        assertThat(card(shop, "conference")).doesNotContain("data-few-left", "data-sold-out");
        assertThat(card(shop, "workshop")).contains("data-few-left", "Only 19 seats left")
                .doesNotContain("data-sold-out", "<form");
        String dinner = card(shop, "dinner");
        assertThat(dinner).contains("data-sold-out", "Sold out", "<form id=\"waitlist-dinner\"",
                "action=\"/events/" + EVENT + "/waitlist\"", "name=\"type\" value=\"dinner\"", "name=\"email\"",
                "name=\"quantity\"", "name=\"lang\" value=\"en\"").doesNotContain("data-few-left");
        // A sold-out type cannot be ordered from the form.
        assertThat(orderForm(shop)).contains("name=\"quantity.conference\"", "name=\"quantity.workshop\"")
                .doesNotContain("quantity.dinner");
    }

    @Test
    void anUnknownEventIsA404PageInTheLayout() {
        Response answer = given().accept(ContentType.HTML).get("/events/no-such-event?lang=fr");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.asString()).contains("<html lang=\"fr\"", "data-frontdesk-answer", "href=\"/events?lang=fr\"");
    }

    @Test
    void theEventsPageListsTheEventsOnSaleWithTheirDates() {
        String events = page("/events?lang=de");

        assertThat(events).contains("AMLD Intelligence Summit 2027", "9.\u201311. Februar 2027",
                "href=\"/events/" + EVENT + "?lang=de\"");
    }

    // --- the summary before ordering ---

    @Test
    void continuingShowsOneAttendeeFieldsetPerTicketAndTheTotal() {
        createType("workshop", 25, null);

        String review = form().formParam("quantity.conference", "2").formParam("quantity.workshop", "1")
                .formParam("action", "review").post(SHOP + "/order").then().statusCode(200).extract().asString();

        assertThat(count(review, "<fieldset class=\"attendee\"")).isEqualTo(3);
        assertThat(review).contains("name=\"tickets[0].type\" value=\"conference\"",
                "name=\"tickets[1].type\" value=\"conference\"", "name=\"tickets[2].type\" value=\"workshop\"",
                "name=\"tickets[2].attendee.name\"", "value=\"order\"");
        assertThat(count(review, "data-summary-line")).isEqualTo(3);
        assertThat(between(review, "data-total>", "<")).isEqualTo("CHF 900.00");
    }

    @Test
    void aValidPercentVoucherLowersTheTotal() {
        voucher("SPEAKERS10", Map.of("percent", 10));

        String review = form().formParam("quantity.conference", "2").formParam("voucher", "speakers10")
                .formParam("action", "review").post(SHOP + "/order").then().statusCode(200).extract().asString();

        assertThat(between(review, "data-total>", "<")).isEqualTo("CHF 540.00");
        assertThat(review).contains("data-voucher-applied", "<del>CHF 300.00</del>", "CHF 270.00")
                .doesNotContain("data-error-for=\"voucher\"");
        assertThat(database.single("select used from voucher")).as("a summary takes no use").isEqualTo(0);
    }

    @Test
    void aWrongVoucherIsShownNextToTheVoucherFieldWithTheTotalWithoutIt() {
        voucher("SPEAKERS10", Map.of("percent", 10));

        String review = form().formParam("quantity.conference", "2").formParam("voucher", "GUESSED")
                .formParam("action", "review").post(SHOP + "/order").then().statusCode(400).extract().asString();

        assertThat(review).contains("<p class=\"field-error\" id=\"voucher-error\" data-error-for=\"voucher\">"
                + "This voucher is not valid for these tickets.</p>", "aria-describedby=\"voucher-error\"",
                "value=\"GUESSED\"", "class=\"form-summary\"");
        assertThat(between(review, "data-total>", "<")).isEqualTo("CHF 600.00");
    }

    @Test
    void theSummaryIsNoWayRoundTheLimitOnGuessingVouchers() {
        for (int i = 0; i < 10; i++) {
            form().formParam("quantity.conference", "1").formParam("voucher", "GUESS" + i)
                    .formParam("action", "review").post(SHOP + "/order").then().statusCode(400);
        }

        Response limited = form().formParam("quantity.conference", "1").formParam("voucher", "GUESS10")
                .formParam("action", "review").post(SHOP + "/order");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        // The API's orders are refused alike: the summary counted against the same network.
        Map<String, Object> order = order("conference", 1, "buyer@example.org");
        order.put("voucher", "ANOTHER");
        place(order).then().statusCode(429);
    }

    @Test
    void aQuantityAboveTheMostPerOrderIsRefusedAtItsField() {
        String page = form().formParam("quantity.conference", "11").formParam("action", "review")
                .post(SHOP + "/order").then().statusCode(400).extract().asString();

        assertThat(page).contains("data-error-for=\"quantity.conference\">Please choose a number from 0 to 10.",
                "value=\"11\"").doesNotContain("<fieldset class=\"attendee\"");
    }

    // --- placing the order ---

    @Test
    @SuppressWarnings("unchecked")
    void anInvoiceOrderGoesToTheOrderPageWithTheAttendeesEarlyBirdPricesAndTheBuyersLanguage() {
        Response placed = orderForm(2, "fr").formParam("tickets[0].attendee.name", "Ada Lovelace")
                .formParam("tickets[0].attendee.email", "ada@example.org")
                .formParam("tickets[1].attendee.name", "Grace Hopper")
                .formParam("tickets[1].attendee.email", "")
                .post(SHOP + "/order");

        assertThat(placed.statusCode()).isEqualTo(303);
        String location = placed.header("Location");
        assertThat(location).matches(".*/orders/[0-9a-f-]{36}\\?token=[A-Za-z0-9_-]+&lang=fr");
        assertThat((List<Object>) database.list("select attendee_name || ' ' || price_amount || ' ' || price_label"
                + " from ticket order by id")).containsExactly("Ada Lovelace 30000 early-bird", "Grace Hopper 30000 early-bird");
        assertThat((List<Object>) database.list(
                "select c.email from ticket t join contact c on c.id = t.attendee_id order by t.id"))
                .as("an attendee email left empty is the buyer's").containsExactly("ada@example.org",
                        "buyer@example.org");
        assertThat(database.single("select c.language from ticket_order o join contact c on c.id = o.buyer_id"))
                .isEqualTo("fr");
        assertThat(database.single("select total_amount from ticket_order")).isEqualTo(60000L);

        String orderPage = given().accept(ContentType.HTML).get(location.replaceFirst("^https?://[^/]+", ""))
                .then().statusCode(200).extract().asString();
        assertThat(orderPage).contains("<html lang=\"fr\"", "data-frontdesk-answer", "Ada Lovelace", "Grace Hopper",
                "300,00 CHF", "600,00 CHF", "Prix early bird", "En attente de paiement");
    }

    @Test
    void aFreeOrderWithAComplimentaryVoucherGoesToTheOrderPageConfirmed() {
        voucher("SPEAKER-COMP", Map.of("percent", 100));

        Response placed = orderForm(1, "en").formParam("tickets[0].attendee.name", "Ada Lovelace")
                .formParam("voucher", "speaker-comp").post(SHOP + "/order");

        assertThat(placed.statusCode()).isEqualTo(303);
        String orderPage = given().accept(ContentType.HTML)
                .get(placed.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .extract().asString();
        assertThat(orderPage).contains("data-order-status=\"confirmed\"", "CHF 0.00", "Ada Lovelace")
                .doesNotContain("IBAN");
    }

    @Test
    void theOrderPageIsInTheBuyersLanguageUnlessTheLinkAsksForAnother() {
        Response placed = orderForm(1, "de").formParam("tickets[0].attendee.name", "Ada Lovelace")
                .post(SHOP + "/order");
        String path = placed.header("Location").replaceFirst("^https?://[^/]+", "").replace("&lang=de", "");

        assertThat(given().accept(ContentType.HTML).header("Accept-Language", "en").get(path).asString())
                .contains("<html lang=\"de\"", "Zahlung ausstehend", "CHF 300.00");
        assertThat(given().accept(ContentType.HTML).get(path + "&lang=en").asString())
                .contains("<html lang=\"en\"", "Awaiting payment");
    }

    @Test
    void aMissingAttendeeNameIsRefusedAtThatAttendeesFieldAndNothingIsStored() {
        String page = orderForm(2, "en").formParam("tickets[0].attendee.name", "Ada Lovelace")
                .formParam("tickets[1].attendee.name", " ")
                .post(SHOP + "/order").then().statusCode(400).extract().asString();

        assertThat(page).contains("data-error-for=\"tickets[1].attendee.name\">Please enter the attendee",
                "id=\"tickets[1].attendee.name\" name=\"tickets[1].attendee.name\" autocomplete=\"off\" required"
                        + " value=\" \" aria-invalid=\"true\"",
                "value=\"Ada Lovelace\"", "value=\"buyer@example.org\"")
                .doesNotContain("data-error-for=\"tickets[0].attendee.name\"");
        assertThat(database.count("select count(*) from ticket_order")).isZero();
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void anOrderForMoreSeatsThanAreLeftIsA409PageSayingSo() {
        createType("dinner", 2, null);
        place(order("dinner", 1, "first@example.org")).then().statusCode(201);

        String page = form().formParam("quantity.dinner", "2").formParam("tickets[0].type", "dinner")
                .formParam("tickets[0].attendee.name", "Ada").formParam("tickets[1].type", "dinner")
                .formParam("tickets[1].attendee.name", "Grace").formParam("email", "buyer@example.org")
                .formParam("name", "Buyer").formParam("consent", "on").formParam("action", "order")
                .post(SHOP + "/order").then().statusCode(409).extract().asString();

        assertThat(page).contains("class=\"form-summary\" role=\"alert\">Sorry: not enough seats are left");
        assertThat(database.count("select count(*) from ticket_order")).isEqualTo(1);
    }

    @Test
    void anOrderWhoseTicketsDifferFromThoseShownIsShownAgainInsteadOfPlaced() {
        String page = form().formParam("quantity.conference", "2").formParam("tickets[0].type", "conference")
                .formParam("tickets[0].attendee.name", "Ada").formParam("email", "buyer@example.org")
                .formParam("name", "Buyer").formParam("consent", "on").formParam("action", "order")
                .post(SHOP + "/order").then().statusCode(200).extract().asString();

        assertThat(page).contains("Please check the attendees and the total", "value=\"Ada\"",
                "name=\"tickets[1].attendee.name\"");
        assertThat(database.count("select count(*) from ticket_order")).isZero();
    }

    // --- the waiting list ---

    @Test
    void joiningTheWaitingListFromTheShopGoesToAThankYouPage() {
        createType("dinner", 1, null);
        place(order("dinner", 1, "first@example.org")).then().statusCode(201);

        Response joined = form().formParam("lang", "de").formParam("type", "dinner")
                .formParam("email", "wait@example.org").formParam("name", "Wartende").formParam("quantity", "2")
                .post(SHOP + "/waitlist");

        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.header("Location")).endsWith(SHOP + "/waitlist/thanks?lang=de");
        assertThat(database.single("select w.quantity || ' ' || c.language from waitlist_entry w"
                + " join contact c on c.id = w.contact_id")).isEqualTo("2 de");
        String thanks = given().accept(ContentType.HTML).get(SHOP + "/waitlist/thanks?lang=de").then()
                .statusCode(200).extract().asString();
        assertThat(thanks).contains("data-frontdesk-answer", "Bitte prüfen Sie Ihre E-Mails");
    }

    @Test
    void aWaitingListFormWithABadAddressIsShownAgainWithTheErrorInThatForm() {
        createType("dinner", 1, null);
        place(order("dinner", 1, "first@example.org")).then().statusCode(201);

        String page = form().formParam("type", "dinner").formParam("email", "not-an-address")
                .formParam("name", "Wait").post(SHOP + "/waitlist").then().statusCode(400).extract().asString();

        assertThat(card(page, "dinner")).contains("value=\"not-an-address\"",
                "id=\"waitlist-dinner-email-error\" data-error-for=\"email\"");
        assertThat(database.count("select count(*) from waitlist_entry")).isZero();
    }

    // --- lang in the API ---

    @Test
    void theApiKeepsTheLanguageAnOrderOrAWaitingListEntryStates() {
        Map<String, Object> stated = order("conference", 1, "fr@example.org");
        stated.put("lang", "fr");
        place(stated).then().statusCode(201);
        given().contentType(ContentType.JSON).header("Accept-Language", "de-CH")
                .body(order("conference", 1, "de@example.org")).post("/api/events/" + EVENT + "/orders")
                .then().statusCode(201);
        place(order("conference", 1, "none@example.org")).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("email", "wait@example.org", "name", "Wait",
                "type", "conference", "lang", "de")).post("/api/events/" + EVENT + "/waitlist").then().statusCode(202);

        assertThat(language("fr@example.org")).isEqualTo("fr");
        assertThat(language("de@example.org")).isEqualTo("de");
        assertThat(language("none@example.org")).isEqualTo("en");
        assertThat(language("wait@example.org")).isEqualTo("de");
    }

    @Test
    void anEmbeddedWaitingListFormPostsToTheApiAndGetsTheThankYouPage() {
        Response joined = form().formParam("lang", "fr").formParam("type", "conference")
                .formParam("email", "wait@example.org").formParam("name", "Wait")
                .post("/api/events/" + EVENT + "/waitlist");

        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.header("Location")).endsWith(SHOP + "/waitlist/thanks?lang=fr");
        assertThat(language("wait@example.org")).isEqualTo("fr");
    }

    // --- helpers ---

    private String language(String email) {
        return (String) database.single("select language from contact where email = ?1", email);
    }

    private static void voucher(String code, Map<String, Object> discount) {
        admin().body(Map.of("code", code, "event", EVENT, "discount", discount, "maxUses", 10))
                .post("/api/admin/vouchers").then().statusCode(201);
    }

    private static RequestSpecification form() {
        return given().contentType(ContentType.URLENC.withCharset("UTF-8")).accept(ContentType.HTML)
                .redirects().follow(false);
    }

    /** The order form as it is after "Continue" with {@code tickets} conference tickets, buyer and consent filled. */
    private static RequestSpecification orderForm(int tickets, String lang) {
        RequestSpecification form = form().formParam("lang", lang).formParam("quantity.conference", tickets)
                .formParam("email", "buyer@example.org").formParam("name", "Buyer").formParam("consent", "on")
                .formParam("paymentMethod", "invoice").formParam("action", "order");
        for (int i = 0; i < tickets; i++) {
            form.formParam("tickets[" + i + "].type", "conference");
        }
        return form;
    }

    private static String page(String path) {
        return page(path, null);
    }

    private static String page(String path, String acceptLanguage) {
        RequestSpecification request = given().accept(ContentType.HTML);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.get(path).then().statusCode(200).contentType(ContentType.HTML).extract().asString();
    }

    /** The card of one ticket type. */
    private static String card(String page, String type) {
        Matcher card = Pattern.compile("<article class=\"card ticket-type\" id=\"type-" + type + "\".*?</article>",
                Pattern.DOTALL).matcher(page);
        assertThat(card.find()).as("a card for " + type).isTrue();
        return card.group();
    }

    private static String orderForm(String page) {
        Matcher form = Pattern.compile("<form id=\"shop-order\".*?</form>", Pattern.DOTALL).matcher(page);
        assertThat(form.find()).as("the order form").isTrue();
        return form.group();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
