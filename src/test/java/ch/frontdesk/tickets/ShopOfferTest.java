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

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A waiting-list offer taken up through the shop's pages: the offer email links to the event's shop with
 * {@code ?offer=}, the shop holds the offered seats for the reader (sold out for everyone else), the summary prices
 * them and the order takes them up. The conference pass has 2 seats, both sold before each test; the clock stands at
 * 15 January 2026, 09:00 UTC, in the early-bird window (CHF 300 instead of CHF 500).
 */
@QuarkusTest
class ShopOfferTest extends FrontdeskTest {

    private static final String SHOP = "/events/" + EVENT;
    private static final Pattern OFFER_LINK = Pattern.compile("https?://[^/\\s]+(/events/" + EVENT
            + "\\?offer=([A-Za-z0-9_-]+)&lang=([a-z]{2}))");

    private String soldOutOrder;

    @BeforeEach
    void soldOutConference() {
        createEvent();
        createType("conference", 2, null);
        createType("workshop", 25, null);
        soldOutOrder = place(order("conference", 2, "early@example.org")).then().statusCode(201).extract().path("id");
        outboxSender.sendDue();
        mailbox.clear();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOfferLinkOpensTheShopWithTheHeldSeatsAndTheOrderTakesThemUp() {
        String link = offerLinkAfterSeatsFreeUp("first@example.org", 2, "en");
        Matcher parts = OFFER_LINK.matcher(link);
        assertThat(parts.matches()).isTrue();
        String token = parts.group(2);
        assertThat(parts.group(3)).isEqualTo("en");

        String shop = page(link);

        assertThat(between(shop, "data-offer-held>", "</p>"))
                .isEqualTo("2 × Pass conference are held for you until 17 January 2026, 10:00 CET."
                        + " Place your order below before then to take them.");
        String conference = card(shop, "conference");
        assertThat(conference).contains("data-offered").doesNotContain("data-sold-out", "waitlist-conference");
        String form = orderForm(shop);
        assertThat(form).contains("<input type=\"hidden\" name=\"waitlistOffer\" value=\"" + token + "\">",
                "name=\"quantity.workshop\"");
        assertThat(quantityInput(form, "conference")).contains("readonly", "value=\"2\"");

        // Someone else still finds the conference sold out, on the page and through the API.
        String others = page(SHOP + "?lang=en");
        assertThat(card(others, "conference")).contains("data-sold-out").doesNotContain("data-offered");
        assertThat(orderForm(others)).doesNotContain("quantity.conference", "waitlistOffer");
        assertThat(others).doesNotContain("data-offer-held", "data-offer-lapsed");
        place(order("conference", 1, "someone@example.org")).then().statusCode(409).body("type", endsWith("sold-out"));

        // The quantity is the offer's, whatever the read-only field comes back with.
        String review = form().formParam("lang", "en").formParam("waitlistOffer", token)
                .formParam("quantity.conference", "1").formParam("action", "review")
                .post(SHOP + "/order").then().statusCode(200).extract().asString();
        assertThat(count(review, "<fieldset class=\"attendee\"")).isEqualTo(2);
        assertThat(review).contains("name=\"tickets[1].type\" value=\"conference\"")
                .contains("name=\"waitlistOffer\" value=\"" + token + "\"");
        assertThat(count(review, "data-summary-line")).isEqualTo(2);
        assertThat(between(review, "data-total>", "<")).isEqualTo("CHF 600.00");
        assertThat(review).doesNotContain("class=\"form-summary\"");

        Response placed = form().formParam("lang", "en").formParam("waitlistOffer", token)
                .formParam("quantity.conference", "2").formParam("email", "first@example.org")
                .formParam("name", "First").formParam("consent", "on").formParam("paymentMethod", "invoice")
                .formParam("tickets[0].type", "conference").formParam("tickets[0].attendee.name", "Ada Lovelace")
                .formParam("tickets[0].attendee.email", "ada@example.org")
                .formParam("tickets[1].type", "conference").formParam("tickets[1].attendee.name", "Grace Hopper")
                .formParam("tickets[1].attendee.email", "")
                .formParam("action", "order").post(SHOP + "/order");

        assertThat(placed.statusCode()).isEqualTo(303);
        assertThat(placed.header("Location")).matches(".*/orders/[0-9a-f-]{36}\\?token=[A-Za-z0-9_-]+&lang=en");
        assertThat((List<Object>) database.list("""
                select t.attendee_name || ' ' || tt.code || ' ' || t.price_amount from ticket t
                join ticket_type tt on tt.id = t.ticket_type_id join ticket_order o on o.id = t.order_id
                join contact c on c.id = o.buyer_id where c.email = 'first@example.org' order by t.id"""))
                .containsExactly("Ada Lovelace conference 30000", "Grace Hopper conference 30000");
        assertThat(database.single("select status from waitlist_entry")).isEqualTo("accepted");
        assertThat(database.count("select count(*) from ticket_order where waitlist_entry_id is not null"))
                .isEqualTo(1);
        assertThat(seats("conference")).containsEntry("held", 2).containsEntry("sold", 0);
        assertThat(SeatAudit.mismatches(database)).as("the offer's seats are the order's, bucket for bucket").isZero();

        // Taken up, the link only says the offer is no longer valid, and the conference is sold out again.
        String again = page(link);
        assertThat(again).contains("data-offer-lapsed").doesNotContain("data-offer-held", "name=\"waitlistOffer\"");
        assertThat(card(again, "conference")).contains("data-sold-out");
    }

    @Test
    void anExpiredOrUnknownOfferSaysOnlyThatItIsNoLongerValid() {
        String link = offerLinkAfterSeatsFreeUp("first@example.org", 2, "en");
        String token = OFFER_LINK.matcher(link).results().findFirst().orElseThrow().group(2);
        clock.advance(Duration.ofHours(48));

        String expired = page(link);

        assertThat(between(expired, "data-offer-lapsed>", "</p>"))
                .isEqualTo("This waiting-list offer is no longer valid. The shop below shows what is available now.");
        assertThat(expired).doesNotContain("data-offer-held", "name=\"waitlistOffer\"", "data-offered");
        assertThat(card(expired, "conference")).contains("data-sold-out");
        assertThat(orderForm(expired)).doesNotContain("quantity.conference");

        String unknown = page(SHOP + "?offer=not-an-offer&lang=en");
        assertThat(unknown).contains("data-offer-lapsed").doesNotContain("name=\"waitlistOffer\"");

        // A form still carrying it is refused as the API refuses the offer, and carries it no more.
        String refused = form().formParam("lang", "en").formParam("waitlistOffer", token)
                .formParam("quantity.conference", "2").formParam("action", "review")
                .post(SHOP + "/order").then().statusCode(400).extract().asString();
        assertThat(between(refused, "<p class=\"form-summary\" role=\"alert\">", "</p>"))
                .isEqualTo("This waiting-list offer is no longer valid. The shop below shows what is available now.");
        assertThat(refused).doesNotContain("name=\"waitlistOffer\"", "<fieldset class=\"attendee\"");
        assertThat(database.count("select count(*) from ticket_order")).isEqualTo(1);
    }

    @Test
    void aFrenchOfferIsShownInFrenchWithTheTimeInTheEventsZone() {
        String link = offerLinkAfterSeatsFreeUp("marie@example.org", 1, "fr");
        assertThat(link).endsWith("&lang=fr");

        String shop = page(link);

        assertThat(shop).contains("<html lang=\"fr\"");
        assertThat(between(shop, "data-offer-held>", "</p>"))
                .isEqualTo("1 × Pass conference vous est réservé jusqu&#39;au 17 janvier 2026, 10:00 CET."
                        + " Passez votre commande ci-dessous d&#39;ici là.");
        assertThat(card(shop, "conference")).contains("Réservé pour vous");
        assertThat(quantityInput(orderForm(shop), "conference")).contains("readonly", "value=\"1\"");
    }

    // --- helpers ---

    /**
     * {@code email} joins the conference's waiting list for {@code quantity} seats in {@code lang} and confirms;
     * the admin cancels the sold-out order; returns the link of the offer email that follows.
     */
    private String offerLinkAfterSeatsFreeUp(String email, int quantity, String lang) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "name", "Waiting", "type", "conference",
                "quantity", quantity, "lang", lang)).post("/api/events/" + EVENT + "/waitlist").then().statusCode(202);
        List<Mail> confirmation = deliverTo(email);
        assertThat(confirmation).hasSize(1);
        given().contentType(ContentType.JSON)
                .body(Map.of("token", tokenIn(confirmation.get(0).getText(), "/waitlist/confirm")))
                .post("/api/waitlist/confirm").then().statusCode(200);
        mailbox.clear();

        admin().post("/api/admin/orders/" + soldOutOrder + "/cancel").then().statusCode(200);

        List<Mail> offers = deliverTo(email).stream().filter(m -> m.getText().contains("offer=")).toList();
        assertThat(offers).hasSize(1);
        Matcher link = OFFER_LINK.matcher(offers.get(0).getText());
        assertThat(link.find()).as("a link to the shop in:%n%s", offers.get(0).getText()).isTrue();
        return link.group();
    }

    private static RequestSpecification form() {
        return given().contentType(ContentType.URLENC.withCharset("UTF-8")).accept(ContentType.HTML)
                .redirects().follow(false);
    }

    private static String page(String url) {
        return given().accept(ContentType.HTML).get(url.replaceFirst("^https?://[^/]+", ""))
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();
    }

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

    private static String quantityInput(String form, String type) {
        Matcher input = Pattern.compile("<input id=\"quantity\\." + type + "\"[^>]*>").matcher(form);
        assertThat(input.find()).as("the quantity of " + type).isTrue();
        return input.group();
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
