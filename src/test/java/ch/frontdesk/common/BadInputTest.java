package ch.frontdesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.tickets.TicketFixtures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a new user's script sends to every public endpoint and to some admin ones: malformed and loosely typed
 * JSON, missing fields, huge strings and bodies, control, invisible and right-to-left characters, deep nesting,
 * broken escapes, bad tokens and unknown ids. Every answer is a 4xx problem detail, never a 5xx, and nothing a
 * rejected request touched has changed.
 */
@QuarkusTest
class BadInputTest extends FrontdeskTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = TicketFixtures.EVENT;
    private static final String ADMIN_BASIC = "Basic "
            + Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    /** The public endpoints that take input, as the OpenAPI document lists them; each has rows below. */
    private static final Set<String> COVERED = Set.of(
            "POST /api/newsletter/subscriptions", "POST /api/newsletter/confirm", "POST /api/newsletter/unsubscribe",
            "POST /api/support/pledges", "POST /api/support/pledges/cancel", "POST /api/events/{slug}/orders",
            "POST /api/events/{slug}/waitlist", "POST /api/orders/{id}/cancel", "POST /api/payments/stripe/webhook",
            "POST /admin/login", "POST /admin/logout", "POST /api/waitlist/confirm", "POST /", "POST /support",
            "POST /events/{slug}/order", "POST /events/{slug}/waitlist");
    /** Every row of data and the states a rejected request could have changed. */
    private static final List<String> STATE = List.of(
            "select count(*) from contact", "select count(*) from consent_record",
            "select count(*) from newsletter_subscription", "select count(*) from newsletter_signup",
            "select count(*) from access_token", "select count(*) from outbox_message",
            "select count(*) from idempotency_record", "select count(*) from event", "select count(*) from ticket_type",
            "select count(*) from voucher", "select count(*) from ticket_order", "select count(*) from ticket",
            "select count(*) from waitlist_entry", "select count(*) from support_tier", "select count(*) from pledge",
            "select count(*) from pledge_payment", "select count(*) from app_user", "select count(*) from audit_entry",
            "select count(*) from stripe_event", "select count(*) from admin_session",
            "select count(*) from ticket_order where status = 'cancelled'",
            "select coalesce(sum(held), 0) + coalesce(sum(sold), 0) from seat_count");

    @TestHTTPResource("/")
    URL base;

    /** The order every row may name; prepared once for the whole table (see {@link FrontdeskTest.KeepsData}). */
    private static String orderId;
    private static boolean tablePrepared;

    /**
     * An event, a tier and an order: made once for all the rows of the table, which are refused and change nothing
     * (each row checks that), and afresh for every other test. What a refused request may count, the login
     * failures and rate-limit buckets, starts empty for every row all the same.
     */
    @BeforeEach
    void anEventATierAndAnOrder(TestInfo test) {
        boolean row = test.getTestMethod().map(m -> m.isAnnotationPresent(FrontdeskTest.KeepsData.class)).orElse(false);
        if (row && tablePrepared) {
            database.execute("delete from login_failure");
            return;
        }
        if (row) {
            database.clear();
        }
        tablePrepared = row;
        TicketFixtures.createEvent();
        TicketFixtures.createType("pass", 10, null);
        TicketFixtures.admin().body(Map.of("code", "reader", "name", "Reader",
                "price", Map.of("amount", 500, "currency", "CHF"), "interval", "month"))
                .post("/api/admin/support/tiers").then().statusCode(201);
        orderId = TicketFixtures.place(TicketFixtures.order("pass", 1, "buyer@example.org"))
                .then().statusCode(201).extract().path("id");
    }

    // --- the table ---

    /** One request that must be refused. */
    record Row(String name, Function<BadInputTest, Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A JSON endpoint: a valid body to spoil, its text, email, number, boolean and date fields. */
    record JsonEndpoint(String path, boolean admin, Map<String, Object> valid, List<String> texts,
            List<String> emails, Map<String, List<Object>> badValues) {
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            jsonRows(endpoint, rows);
        }
        formRows(rows);
        tokenAndIdRows(rows);
        edgeRows(rows);
        return rows.stream();
    }

    private static List<JsonEndpoint> jsonEndpoints() {
        Map<String, List<Object>> consent = Map.of("consent", List.of(2, "true", "yes", 1.0, false));
        List<Object> quantities = List.of(-1, 0, 1.5, 1e30, new java.math.BigInteger("99999999999999999999"), "2", true);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("buyer", map("email", "buyer2@example.org", "name", "Buyer"));
        order.put("tickets", List.of(map("type", "pass", "attendee", map("name", "Ada", "email", "ada@example.org"))));
        order.put("consent", true);
        Map<String, List<Object>> orderBad = new LinkedHashMap<>(consent);
        orderBad.put("tickets", List.of("pass", 3, map(), manyTickets(101)));
        orderBad.put("tickets[0].type", List.of("no-such-type", 7));
        Map<String, List<Object>> waitlistBad = new LinkedHashMap<>();
        waitlistBad.put("quantity", quantities);
        waitlistBad.put("type", List.of("no-such-type", 1));
        Map<String, List<Object>> eventBad = new LinkedHashMap<>();
        eventBad.put("startsOn", List.of(123, 1.5, "2027-13-45", "tomorrow", true));
        eventBad.put("endsOn", List.of(123, "2027-02-30"));
        eventBad.put("salesStart", List.of(1700000000, "yesterday"));
        eventBad.put("slug", List.of("Has Spaces", "-leading", "x".repeat(100)));
        Map<String, List<Object>> typeBad = new LinkedHashMap<>();
        typeBad.put("capacity", List.of(1.9, -1, 1e12, "10", true));
        typeBad.put("price.amount", List.of(1999.99, "500", true, 1e30));
        typeBad.put("price.currency", List.of("chf", "EURO", 756));
        typeBad.put("maxPerOrder", List.of(0, 1.5, 1000));
        typeBad.put("earlyBird.endsAt", List.of(1738364400, "soon"));
        Map<String, List<Object>> tierBad = new LinkedHashMap<>();
        tierBad.put("price.amount", List.of(1999.99, -5, 0, "500"));
        tierBad.put("interval", List.of("weekly", 1));
        return List.of(
                new JsonEndpoint("/api/newsletter/subscriptions", false,
                        map("email", "new@example.org", "name", "New Reader", "consent", true, "source", "blog"),
                        List.of("name", "source"), List.of("email"), consent),
                new JsonEndpoint("/api/newsletter/confirm", false, map("token", "not-a-real-token-0123456789"),
                        List.of("token"), List.of(), Map.of()),
                new JsonEndpoint("/api/support/pledges", false,
                        map("tier", "reader", "email", "fan@example.org", "name", "Fan", "consent", true,
                                "paymentMethod", "invoice"),
                        List.of("tier", "name", "paymentMethod"), List.of("email"), consent),
                new JsonEndpoint("/api/events/" + EVENT + "/orders", false, order,
                        List.of("buyer.name", "tickets[0].type", "tickets[0].attendee.name"),
                        List.of("buyer.email", "tickets[0].attendee.email"), orderBad),
                new JsonEndpoint("/api/waitlist/confirm", false, map("token", "not-a-real-token-0123456789"),
                        List.of("token"), List.of(), Map.of()),
                new JsonEndpoint("/api/events/" + EVENT + "/waitlist", false,
                        map("email", "wait@example.org", "name", "Waiting", "type", "pass", "quantity", 2),
                        List.of("name", "type"), List.of("email"), waitlistBad),
                new JsonEndpoint("/api/admin/events", true,
                        map("slug", "summit-2028", "name", "Summit 2028", "startsOn", "2028-02-09",
                                "endsOn", "2028-02-11", "venue", "EPFL", "timezone", "Europe/Zurich"),
                        List.of("name", "venue", "timezone"), List.of(), eventBad),
                new JsonEndpoint("/api/admin/events/" + EVENT + "/ticket-types", true,
                        map("code", "day", "name", "Day pass", "description", "One day", "capacity", 5,
                                "price", map("amount", 20000, "currency", "CHF"), "maxPerOrder", 4,
                                "earlyBird", map("amount", 10000, "endsAt", "2026-01-31T23:00:00Z")),
                        List.of("name", "code"), List.of(), typeBad),
                new JsonEndpoint("/api/admin/support/tiers", true,
                        map("code", "patron", "name", "Patron", "description", "Thank you",
                                "price", map("amount", 2500, "currency", "CHF"), "interval", "year"),
                        List.of("name", "code"), List.of(), tierBad),
                new JsonEndpoint("/api/admin/users", true,
                        map("username", "door2", "password", "a-long-password-1", "roles", List.of("checkin")),
                        List.of("username", "roles[0]"), List.of(), Map.of("roles", List.of("admin", 1, List.of()))));
    }

    private static void jsonRows(JsonEndpoint endpoint, List<Row> rows) {
        String path = endpoint.path();
        String valid = json(endpoint.valid());
        String first = endpoint.valid().keySet().iterator().next();
        add(rows, endpoint, "malformed JSON", "{\"" + first + "\": ");
        add(rows, endpoint, "a second object after the first", valid + " {}");
        add(rows, endpoint, "text after the object", valid + " trailing");
        add(rows, endpoint, "a repeated key", "{\"" + first + "\": " + json(endpoint.valid().get(first)) + ", "
                + valid.substring(1));
        add(rows, endpoint, "no fields", "{}");
        add(rows, endpoint, "null", "null");
        add(rows, endpoint, "an array", "[" + valid + "]");
        add(rows, endpoint, "an empty body", "");
        add(rows, endpoint, "JSON nested 10,000 deep",
                "{\"" + first + "\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        rows.add(new Row(path + ": a text/plain body", test -> test.request(endpoint.admin())
                .contentType(ContentType.TEXT).body(valid).post(path)));
        for (String field : endpoint.texts()) {
            for (Object wrong : List.of(123, true, map("a", 1), "x".repeat(100_000), "Ada\u0000Lovelace",
                    "bell\u0007", "next\u0085line", "line\nbreak", "evil\u202eexe.txt", "zero\u200bwidth",
                    "bom\ufeff", "isolate\u2066x\u2069", "sep\u2028arator")) {
                add(rows, endpoint, field + " = " + describe(wrong), json(with(endpoint.valid(), field, wrong)));
            }
        }
        for (String field : endpoint.emails()) {
            for (Object wrong : List.of("a\u200b@example.org", "\u202egro.elpmaxe@live", "ad\u0000a@example.org",
                    "ada@exa\u200dmple.org", "\ufeffada@example.org", "not-an-email", "a@b", "a b@example.org",
                    "x".repeat(250) + "@example.org", 42, List.of("ada@example.org"))) {
                add(rows, endpoint, field + " = " + describe(wrong), json(with(endpoint.valid(), field, wrong)));
            }
        }
        endpoint.badValues().forEach((field, values) -> {
            for (Object wrong : values) {
                add(rows, endpoint, field + " = " + describe(wrong), json(with(endpoint.valid(), field, wrong)));
            }
        });
    }

    private static void add(List<Row> rows, JsonEndpoint endpoint, String name, String body) {
        rows.add(new Row(endpoint.path() + ": " + name, test -> test.request(endpoint.admin())
                .contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post(endpoint.path())));
    }

    private static void formRows(List<Row> rows) {
        String subscribe = "email=new%40example.org&name=New&consent=on";
        String pledge = "tier=reader&email=fan%40example.org&name=Fan&consent=on&paymentMethod=invoice";
        for (String[] form : new String[][] {{"/api/newsletter/subscriptions", subscribe}, {"/api/support/pledges", pledge},
                {"/", subscribe}, {"/support", pledge}}) {
            String path = form[0];
            String valid = form[1];
            for (String[] spoiled : new String[][] {
                    {"a broken %-escape", valid.replace("name=", "name=50%zz")},
                    {"a % at the end", valid + "&name=%"},
                    {"bytes that are not UTF-8", valid.replace("name=", "name=%C3%28")},
                    {"a NUL in the email", valid.replace("%40", "%00%40")},
                    {"a zero-width space in the email", valid.replace("%40", "%E2%80%8B%40")},
                    {"a right-to-left override in the name", valid.replace("name=", "name=%E2%80%AEevil")},
                    {"a line break in the name", valid.replace("name=", "name=a%0D%0ABcc:x")},
                    {"no consent", valid.replace("&consent=on", "")},
                    {"no email", valid.replaceAll("email=[^&]*&", "")},
                    {"a name of 100,000 characters", valid.replace("name=", "name=" + "x".repeat(100_000))}}) {
                rows.add(new Row(path + " (form): " + spoiled[0], test -> client()
                        .contentType("application/x-www-form-urlencoded; charset=UTF-8").body(spoiled[1]).post(path)));
            }
        }
        rows.add(new Row("/api/newsletter/confirm (form): a NUL token", test -> client()
                .contentType("application/x-www-form-urlencoded").body("token=%00").post("/api/newsletter/confirm")));
        rows.add(new Row("/api/newsletter/confirm (form): an unknown token", test -> client()
                .contentType("application/x-www-form-urlencoded").body("token=nothing-like-it")
                .post("/api/newsletter/confirm")));
        rows.add(new Row("/api/waitlist/confirm (form): a NUL token", test -> client()
                .contentType("application/x-www-form-urlencoded").body("token=%00").post("/api/waitlist/confirm")));
        rows.add(new Row("/api/waitlist/confirm (form): an unknown token", test -> client()
                .contentType("application/x-www-form-urlencoded").body("token=nothing-like-it")
                .post("/api/waitlist/confirm")));
        rows.add(new Row("the shop's order form: a quantity that is no number", test -> client()
                .contentType("application/x-www-form-urlencoded").body("quantity.pass=two&action=review")
                .post("/events/" + EVENT + "/order")));
        rows.add(new Row("the shop's order form: an attendee without a name", test -> client()
                .contentType("application/x-www-form-urlencoded")
                .body("quantity.pass=1&tickets%5B0%5D.type=pass&email=new%40example.org&name=New&consent=on"
                        + "&action=order")
                .post("/events/" + EVENT + "/order")));
        rows.add(new Row("the shop's order form: a NUL in the buyer's name", test -> client()
                .contentType("application/x-www-form-urlencoded")
                .body("quantity.pass=1&tickets%5B0%5D.type=pass&tickets%5B0%5D.attendee.name=A&email=new%40example.org"
                        + "&name=N%00&consent=on&action=order")
                .post("/events/" + EVENT + "/order")));
        rows.add(new Row("the shop's order form: an unknown event", test -> client()
                .contentType("application/x-www-form-urlencoded").body("quantity.pass=1&action=review")
                .post("/events/no-such-event/order")));
        rows.add(new Row("the shop's waiting-list form: no address", test -> client()
                .contentType("application/x-www-form-urlencoded").body("type=pass&name=W&quantity=1")
                .post("/events/" + EVENT + "/waitlist")));
        rows.add(new Row("an embedded waiting-list form: a quantity that is no number", test -> client()
                .contentType("application/x-www-form-urlencoded")
                .body("type=pass&email=w%40example.org&name=W&quantity=many")
                .post("/api/events/" + EVENT + "/waitlist")));
        rows.add(new Row("/admin/login (form): a NUL in the username", test -> client().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("username=ad%00min&password=x")
                .post("/admin/login")));
        rows.add(new Row("/admin/login (form): a broken escape", test -> client().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("username=admin&password=%G1")
                .post("/admin/login")));
    }

    private static void tokenAndIdRows(List<Row> rows) {
        String unknown = UUID.randomUUID().toString();
        get(rows, "an unknown order", "/api/orders/" + unknown + "?token=abc");
        get(rows, "an order id that is no UUID", "/api/orders/12345?token=abc");
        get(rows, "a NUL as the order id", "/api/orders/%00?token=abc");
        rows.add(new Row("a real order with a wrong token", test -> client()
                .get("/api/orders/" + orderId + "?token=wrong-token")));
        rows.add(new Row("a real order with no token", test -> client().get("/api/orders/" + orderId)));
        rows.add(new Row("cancelling a real order with a wrong token", test -> client().contentType(ContentType.JSON)
                .post("/api/orders/" + orderId + "/cancel?token=wrong-token")));
        rows.add(new Row("cancelling a real order with a NUL token", test -> client().contentType(ContentType.JSON)
                .post("/api/orders/" + orderId + "/cancel?token=%00")));
        rows.add(new Row("cancelling an unknown order", test -> client().contentType(ContentType.JSON)
                .post("/api/orders/" + unknown + "/cancel?token=abc")));
        rows.add(new Row("unsubscribing with an unknown token", test -> client()
                .contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post("/api/newsletter/unsubscribe?token=nothing-like-it")));
        rows.add(new Row("unsubscribing with a control character in the token", test -> client()
                .post("/api/newsletter/unsubscribe?token=a%07b")));
        rows.add(new Row("cancelling a pledge with an unknown token", test -> client()
                .post("/api/support/pledges/cancel?token=nothing-like-it")));
        rows.add(new Row("cancelling a pledge with a zero-width token", test -> client()
                .post("/api/support/pledges/cancel?token=%E2%80%8B")));
        get(rows, "the confirm page with a NUL token", "/newsletter/confirm?token=%00");
        get(rows, "the unsubscribe page with an RTL override", "/newsletter/unsubscribe?token=%E2%80%AE");
        get(rows, "the order page with a NUL id", "/orders/%00?token=abc");
        get(rows, "the pledge cancel page with a NUL token", "/support/cancel?token=%00");
        get(rows, "the waiting-list confirm page with a NUL token", "/waitlist/confirm?token=%00");
        get(rows, "an unknown event", "/api/events/no-such-event");
        get(rows, "an event slug with a NUL", "/api/events/summit%00");
        rows.add(new Row("ordering for an unknown event", test -> client().contentType(ContentType.JSON)
                .body(json(TicketFixtures.order("pass", 1, "x@example.org"))).post("/api/events/no-such-event/orders")));
        rows.add(new Row("admin: marking an unknown order paid", test -> test.request(true).contentType(ContentType.JSON)
                .body("{}").post("/api/admin/orders/" + unknown + "/mark-paid")));
        rows.add(new Row("admin: cancelling an order id that is no UUID", test -> test.request(true)
                .contentType(ContentType.JSON).body("{}").post("/api/admin/orders/12345/cancel")));
        rows.add(new Row("admin: an unknown ticket at the door", test -> test.request(true).contentType(ContentType.JSON)
                .body("{\"code\": \"NO-SUCH-CODE\"}").post("/api/admin/checkin")));
        rows.add(new Row("admin: a NUL in a contact address", test -> test.request(true)
                .get("/api/admin/contacts/ada%00@example.org")));
        rows.add(new Row("admin: a NUL in a search", test -> test.request(true).get("/api/admin/subscribers?q=a%00b")));
        rows.add(new Row("admin: a page that is no number", test -> test.request(true)
                .get("/api/admin/orders?page=abc")));
        rows.add(new Row("admin: a negative page", test -> test.request(true).get("/api/admin/orders?page=-1")));
        rows.add(new Row("admin: a huge page size", test -> test.request(true)
                .get("/api/admin/orders?size=99999999999")));
    }

    private static void edgeRows(List<Row> rows) {
        rows.add(new Row("admin: a Bearer token", test -> client().header("Authorization", "Bearer x")
                .get("/api/admin/stats")));
        rows.add(new Row("admin: a Bearer token on a POST", test -> client().header("Authorization", "Bearer x")
                .contentType(ContentType.JSON).body("{}").post("/api/admin/events")));
        rows.add(new Row("admin: a NUL in the Basic user name", test -> client().header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("ad\u0000min:test-admin-password".getBytes(StandardCharsets.UTF_8)))
                .get("/api/admin/stats")));
        rows.add(new Row("admin: Basic that is not base64", test -> client().header("Authorization", "Basic %%%")
                .get("/api/admin/stats")));
        rows.add(new Row("admin: Basic without a colon", test -> client().header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("admin".getBytes(StandardCharsets.UTF_8)))
                .get("/api/admin/stats")));
        rows.add(new Row("a URL of 10,000 characters", test -> client().get("/api/events?x=" + "a".repeat(10_000))));
        rows.add(new Row("the Stripe webhook without a signature", test -> client().contentType(ContentType.JSON)
                .body("{\"id\": \"evt_1\", \"type\": \"invoice.paid\"}").post("/api/payments/stripe/webhook")));
        rows.add(new Row("the Stripe webhook with a stale, wrong signature", test -> client().contentType(ContentType.JSON)
                .header("Stripe-Signature", "t=1,v1=00").body("{\"id\": \"evt_1\", \"type\": \"invoice.paid\"}")
                .post("/api/payments/stripe/webhook")));
        String big = "{\"token\": \"" + "t".repeat(10 * 1024 * 1024) + "\"}";
        for (String path : List.of("/api/newsletter/confirm", "/api/newsletter/subscriptions",
                "/api/events/" + EVENT + "/orders", "/api/payments/stripe/webhook")) {
            rows.add(new Row(path + ": 10 MB with Content-Length", test -> test.raw("POST", path, big, false)));
            rows.add(new Row(path + ": 10 MB chunked, without Content-Length", test -> test.raw("POST", path, big, true)));
        }
        rows.add(new Row("a form of 10 MB, chunked", test -> test.raw("POST", "/api/newsletter/subscriptions",
                "email=a%40b.ch&name=" + "x".repeat(10 * 1024 * 1024), true)));
    }

    private static void get(List<Row> rows, String name, String path) {
        rows.add(new Row(name, test -> client().get(path)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @FrontdeskTest.KeepsData
    void everyBadRequestIsA4xxProblemDetailAndStoresNothing(Row row) {
        List<Long> before = state();

        Response answer = row.send().apply(this);

        assertThat(answer.statusCode()).as(row.name() + ": " + answer.asString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(row.name()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.jsonPath().getInt("status")).as(row.name()).isEqualTo(answer.statusCode());
        assertThat(answer.asString()).as(row.name()).doesNotContain("java.", "com.fasterxml", "org.postgresql",
                "Exception");
        assertThat(state()).as(row.name() + ": what the rejected request could have changed").isEqualTo(before);
    }

    /**
     * Quarkus answers a URI that {@link java.net.URI} refuses with a bare 400 before any route runs, unless the JVM
     * runs with {@code -Dvertx.disableURIValidation=true} ({@link FrontdeskMain} sets it for the service, the surefire
     * argLine for tests); with it, the edge answers the same 400 as a problem.
     */
    @Test
    void aBrokenEscapeInTheAddressIsA400Problem() {
        assertThat(Boolean.getBoolean(FrontdeskMain.URI_VALIDATION)).as("the surefire argLine sets it").isTrue();
        for (String[] request : new String[][] {{"GET", "/api/events/summit%G0"},
                {"POST", "/api/newsletter/unsubscribe?token=%zz"}, {"GET", "/api/events?q=a|b"}}) {
            Response answer = raw(request[0], request[1], null, false);
            assertThat(answer.statusCode()).as(request[1]).isEqualTo(400);
            assertThat(answer.contentType()).as(request[1]).startsWith(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void everyPublicEndpointThatTakesInputHasRowsInTheTable() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> writes = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/admin")) {
                for (String method : operations.keySet()) {
                    if (Set.of("post", "put", "patch", "delete").contains(method)) {
                        writes.add(method.toUpperCase() + " " + path);
                    }
                }
            }
        });
        assertThat(writes).isNotEmpty();
        assertThat(COVERED).containsAll(writes);
    }

    @Test
    void fieldsThatJacksonRefusesAreNamedInTheProblem() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@example.org\", \"email\": \"b@example.org\", \"consent\": true}")
                .post("/api/newsletter/subscriptions").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("email"));
        given().contentType(ContentType.JSON).body(json(map("email", "a\u200b@example.org", "consent", true)))
                .post("/api/newsletter/subscriptions").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("email"))
                .body("errors[0].message", org.hamcrest.Matchers.equalTo(PlainText.MESSAGE));
        TicketFixtures.admin().body(json(map("code", "day", "name", "Day", "capacity", 1.9,
                        "price", map("amount", 100, "currency", "CHF"))))
                .post("/api/admin/events/" + EVENT + "/ticket-types").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("capacity"));
        TicketFixtures.admin().body(json(map("slug", "x-2028", "name", "X", "startsOn", 123, "endsOn", "2028-01-02",
                        "venue", "V", "timezone", "Europe/Zurich")))
                .post("/api/admin/events").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("startsOn"));
        Map<String, Object> order = TicketFixtures.order("pass", 1, "b@example.org");
        order.put("consent", 2);
        TicketFixtures.place(order).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("consent"));
        given().contentType("application/x-www-form-urlencoded").body("email=a%40b.ch&name=x%zz&consent=on")
                .post("/api/newsletter/subscriptions").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("name"));
    }

    @Test
    void aMultiLineDescriptionKeepsItsLineBreaksButRefusesOtherControlCharacters() {
        Map<String, Object> type = map("code", "day", "name", "Day pass", "description", "Day one:\n\tkeynotes\r\n",
                "capacity", 5, "price", map("amount", 20000, "currency", "CHF"));
        TicketFixtures.admin().body(json(type)).post("/api/admin/events/" + EVENT + "/ticket-types")
                .then().statusCode(201);
        assertThat(database.single("select description from ticket_type where code = 'day'"))
                .isEqualTo("Day one:\n\tkeynotes\r\n");

        type.put("code", "night");
        type.put("description", "Night\u0000");
        TicketFixtures.admin().body(json(type)).post("/api/admin/events/" + EVENT + "/ticket-types")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("description"));
    }

    @Test
    void htmlAndSqlInTextFieldsAreStoredAsTheTextTheyAre() {
        String name = "<script>alert(1)</script>'); drop table contact; --";
        given().contentType(ContentType.JSON).body(json(map("email", "html@example.org", "name", name, "consent", true)))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        applySignups();
        assertThat(database.single("select name from contact where email = 'html@example.org'")).isEqualTo(name);

        Map<String, Object> order = TicketFixtures.order("pass", 1, "sql@example.org");
        order.put("buyer", map("email", "sql@example.org", "name", name));
        TicketFixtures.place(order).then().statusCode(201);
        assertThat(database.count("select count(*) from ticket_order where buyer_name = ?1", name)).isEqualTo(1);
    }

    @Test
    void aFormBodyReadAtTheEdgeStillReachesTheResourceIntact() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .urlEncodingEnabled(false).body("email=z%C3%BCrich%40example.org&name=J%C3%BCrg+M%C3%BCller&consent=on")
                .post("/api/newsletter/subscriptions").then().statusCode(303);
        applySignups();
        assertThat(database.single("select name from contact where email = 'zürich@example.org'"))
                .isEqualTo("Jürg Müller");
    }

    // --- helpers ---

    /** Sends paths and queries as written: the rows hold their own escapes. */
    private static RequestSpecification client() {
        return given().urlEncodingEnabled(false).redirects().follow(false);
    }

    private RequestSpecification request(boolean admin) {
        RequestSpecification request = client();
        return admin ? request.header("Authorization", ADMIN_BASIC) : request;
    }

    /** Every figure of {@link #STATE}, read in one round trip (the table runs it twice for each of its rows). */
    private List<Long> state() {
        String oneRow = STATE.stream().map(sql -> "(" + sql + ")").collect(java.util.stream.Collectors.joining(", ",
                "select ", ""));
        Object[] row = (Object[]) database.single(oneRow);
        return java.util.Arrays.stream(row).map(value -> ((Number) value).longValue()).toList();
    }

    /**
     * Sends a body over a plain socket, with a Content-Length or chunked, and reads the answer while still sending:
     * the server answers as soon as it has seen enough, and HTTP clients would fail on the closed connection.
     */
    private Response raw(String method, String path, String body, boolean chunked) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n";
        if (body != null) {
            head += "Content-Type: " + (body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                    + "\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes.length + "\r\n");
        }
        head += "\r\n";
        String request = head;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            Thread sender = new Thread(() -> send(socket, request, bytes, chunked && body != null));
            sender.setDaemon(true);
            sender.start();
            byte[] answer = readAnswer(socket.getInputStream());
            return new io.restassured.builder.ResponseBuilder().setStatusCode(status(answer))
                    .setContentType(String.valueOf(header(answer, "Content-Type"))).setBody(body(answer)).build();
        } catch (IOException e) {
            throw new AssertionError("No answer to " + path + ": " + e, e);
        }
    }

    private static void send(Socket socket, String head, byte[] body, boolean chunked) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            int step = 16 * 1024;
            for (int i = 0; i < body.length; i += step) {
                int length = Math.min(step, body.length - i);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(body, i, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // The server stopped reading once it had refused the body: expected.
        }
    }

    /** Reads one answer: headers, then as many bytes as its Content-Length says. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int end = -1;
        while (end < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            got.write(b);
            byte[] sofar = got.toByteArray();
            int n = sofar.length;
            if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                end = n;
            }
        }
        String length = header(got.toByteArray(), "Content-Length");
        if (length != null) {
            got.write(in.readNBytes(Integer.parseInt(length.strip())));
        }
        return got.toByteArray();
    }

    private static int status(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        return Integer.parseInt(text.substring(9, 12));
    }

    private static String header(byte[] answer, String name) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        for (String line : text.substring(0, headEnd < 0 ? text.length() : headEnd).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    private static String body(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        return headEnd < 0 ? "" : text.substring(headEnd + 4);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Object> manyTickets(int count) {
        List<Object> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tickets.add(map("type", "pass", "attendee", map("name", "A" + i, "email", "a" + i + "@example.org")));
        }
        return tickets;
    }

    /** A deep copy of {@code body} with the field at {@code path} ({@code a.b}, {@code a[0].b}) set, or removed for null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(body);
        Object at = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            Integer index = null;
            if (part.endsWith("]")) {
                index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                part = part.substring(0, part.indexOf('['));
            }
            Map<String, Object> object = (Map<String, Object>) at;
            boolean last = i == parts.length - 1;
            if (last && index == null) {
                if (value == null) {
                    object.remove(part);
                } else {
                    object.put(part, value);
                }
                return copy;
            }
            List<Object> list = index == null ? null : (List<Object>) object.get(part);
            if (last) {
                list.set(index, value);
                return copy;
            }
            at = index == null ? object.get(part) : list.get(index);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Object value) {
        String text = value instanceof String s ? '"' + s + '"' : String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 30) + "... (" + text.length() + " characters)";
        }
        StringBuilder visible = new StringBuilder();
        text.codePoints().forEach(c -> visible.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x206f)
                || c == 0xfeff ? String.format("\\u%04x", c) : Character.toString(c)));
        return visible.toString();
    }
}
