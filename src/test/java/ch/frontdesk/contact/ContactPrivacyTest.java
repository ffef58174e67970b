package ch.frontdesk.contact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.common.Tokens;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GDPR export and erasure of one person who did everything: subscribed, pledged, bought tickets, was an attendee in
 * someone else's order and joined a waiting list.
 */
@QuarkusTest
class ContactPrivacyTest extends FrontdeskTest {

    static final String EMAIL = "Grace.Hopperman@Example.org";
    static final String NAME = "Grace Hopperman";
    static final String AGENT = "GraceBrowser/7.1 (private)";
    static final String EVENT = "summit-2027";
    private static final Pattern ANY_TOKEN = Pattern.compile("(?:token|offer)=([A-Za-z0-9_-]{16,})");

    @Inject
    SchemaScan scan;
    @Inject
    ch.frontdesk.tickets.Waitlist waitlist;

    /** Every raw token mailed during the scenario: none may appear in the export or survive the erasure. */
    private final List<String> mailedTokens = new ArrayList<>();
    private String graceOrder;
    private String bobOrder;
    private String pledge;

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    static RequestSpecification grace() {
        return given().contentType(ContentType.JSON).header("User-Agent", AGENT);
    }

    @BeforeEach
    void graceDidEverything() {
        admin().body(Map.of("slug", EVENT, "name", "AMLD Intelligence Summit 2027", "startsOn", "2027-02-09",
                        "endsOn", "2027-02-11", "venue", "EPFL campus, Lausanne", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        ticketType("conference", 10);
        ticketType("workshop", 0);
        admin().body(Map.of("code", "reader", "name", "Reader", "description", "Support",
                        "price", Map.of("amount", 2500, "currency", "CHF"), "interval", "month"))
                .post("/api/admin/support/tiers").then().statusCode(201);

        // The newsletter, confirmed.
        grace().body(Map.of("email", EMAIL, "name", NAME, "consent", true, "source", "home"))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        String confirm = tokenIn(deliverTo(EMAIL).get(0).getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", confirm)).post("/api/newsletter/confirm")
                .then().statusCode(200).body("status", equalTo("active"));

        // A pledge by invoice, paid.
        pledge = grace().body(Map.of("tier", "reader", "email", EMAIL, "name", NAME, "consent", true))
                .post("/api/support/pledges").then().statusCode(201).extract().path("id");
        admin().body("{}").post("/api/admin/pledges/" + pledge + "/mark-paid").then().statusCode(200);

        // Her own order, and Bob's order with a ticket for her; both paid.
        graceOrder = grace().body(order(EMAIL, NAME, Map.of("name", NAME, "email", EMAIL)))
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");
        bobOrder = given().contentType(ContentType.JSON)
                .body(order("bob@example.org", "Bob Buyer", Map.of("name", NAME, "email", EMAIL),
                        Map.of("name", "Carol Colleague", "email", "carol@example.org")))
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");
        admin().body("{}").post("/api/admin/orders/" + graceOrder + "/mark-paid").then().statusCode(200);
        admin().body("{}").post("/api/admin/orders/" + bobOrder + "/mark-paid").then().statusCode(200);

        // The waiting list of a sold-out workshop.
        grace().body(Map.of("email", EMAIL, "name", NAME, "type", "workshop"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(202);

        outboxSender.sendDue();
        for (Mail mail : mailbox.getMailsSentTo(EMAIL)) {
            collectTokens(mail.getText());
            collectTokens(mail.getHtml());
        }
        for (Mail mail : mailbox.getMailsSentTo("bob@example.org")) {
            collectTokens(mail.getText());
        }
        assertThat(mailedTokens).hasSizeGreaterThanOrEqualTo(5);
    }

    private static void ticketType(String code, int capacity) {
        admin().body(Map.of("code", code, "name", "Pass " + code, "description", "Three days", "capacity", capacity,
                        "price", Map.of("amount", 50000, "currency", "CHF"), "maxPerOrder", 10))
                .post("/api/admin/events/" + EVENT + "/ticket-types").then().statusCode(201);
    }

    @SafeVarargs
    private static Map<String, Object> order(String buyer, String buyerName, Map<String, String>... attendees) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, String> attendee : attendees) {
            lines.add(Map.of("type", "conference", "attendee", attendee));
        }
        return Map.of("buyer", Map.of("email", buyer, "name", buyerName), "tickets", lines, "consent", true);
    }

    private void collectTokens(String text) {
        if (text == null) {
            return;
        }
        Matcher matcher = ANY_TOKEN.matcher(text);
        while (matcher.find()) {
            mailedTokens.add(matcher.group(1));
        }
    }

    private long graceId() {
        return database.count("select id from contact where email_key = lower(?1)", EMAIL);
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndNoToken() {
        String body = admin().get("/api/admin/contacts/ grace.hopperman@example.ORG ").then().statusCode(200)
                .extract().asString();
        JsonPath json = new JsonPath(body);

        assertThat(json.getString("contact.email")).isEqualTo(EMAIL);
        assertThat(json.getString("contact.name")).isEqualTo(NAME);
        assertThat(json.getList("consents.purpose")).contains("newsletter", "support", "tickets");
        assertThat(json.getList("consents.userAgent")).containsOnly(AGENT);
        assertThat(json.getString("consents.find { it.purpose == 'newsletter' }.confirmedAt")).isNotNull();
        assertThat(json.getString("newsletter.status")).isEqualTo("active");
        assertThat(json.getList("pledges.id")).containsExactly(pledge);
        assertThat(json.getString("pledges[0].tier")).isEqualTo("reader");
        assertThat(json.getString("pledges[0].status")).isEqualTo("active");
        assertThat(json.getLong("pledges[0].payments[0].amount.amount")).isEqualTo(2500);
        assertThat(json.getList("orders.id")).containsExactly(graceOrder);
        assertThat(json.getString("orders[0].status")).isEqualTo("confirmed");
        assertThat(json.getList("orders[0].tickets.attendeeName")).containsExactly(NAME);
        assertThat(json.getList("ticketsAsAttendee.order")).containsExactly(graceOrder, bobOrder);
        assertThat(json.getList("waitingLists.type")).containsExactly("workshop");
        assertThat(json.getList("emails.kind")).contains("newsletter.confirmation", "newsletter.welcome",
                "support.invoice", "tickets.ticket");
        assertThat(json.getList("emails.status")).containsOnly("sent");
        assertThat(json.getString("emails.find { it.kind == 'newsletter.confirmation' }.text"))
                .contains("token=redacted");

        assertThat(mailedTokens).allSatisfy(token -> assertThat(body).doesNotContain(token));
        assertThat(body).doesNotContain("carol@example.org").doesNotContain("bob@example.org");
        assertThat(database.single("select code from ticket where attendee_id = ?1 limit 1", graceId()).toString())
                .satisfies(code -> assertThat(body).doesNotContain(code));
    }

    @Test
    void theExportListsTheAuditEntriesAboutThePersonAndDownloadsAsAFile() {
        long id = graceId();
        insertAudit("contact:" + id);
        insertAudit("order:" + graceOrder);
        insertAudit("pledge:" + pledge);
        insertAudit("order:" + bobOrder);

        admin().queryParam("download", true).get("/api/admin/contacts/" + EMAIL).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"contact-" + id + ".json\"")
                .body("audit.target", equalTo(List.of("contact:" + id, "order:" + graceOrder, "pledge:" + pledge)));
    }

    private void insertAudit(String target) {
        database.count("""
                insert into audit_entry (at, actor, action, target, client_address)
                values (now(), 'admin', 'POST /api/admin/x', ?1, '10.0.0.1') returning 1""", target);
    }

    @Test
    void anUnknownAddressIsNotFound() {
        admin().get("/api/admin/contacts/nobody@example.org").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminMaySeeOrEraseAContact() {
        given().get("/api/admin/contacts/" + EMAIL).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").delete("/api/admin/contacts/" + EMAIL).then().statusCode(401);
        assertThat(graceId()).isPositive();
    }

    @Test
    void erasureLeavesNoEmailNameOrClientAnywhereButKeepsTheFinancialRecords() {
        long id = graceId();
        long consents = database.count("select count(*) from consent_record where contact_id = ?1", id);
        Object newsletterGivenAt = database.single(
                "select given_at from consent_record where contact_id = ?1 and purpose = 'newsletter'", id);
        long orderTotals = database.count("select sum(total_amount) from ticket_order");
        // Each order has one link token, on the order itself.
        Object bobsToken = database.single("select access_token from ticket_order where public_id = cast(?1 as uuid)",
                bobOrder);
        assertThat(bobsToken).isNotNull();
        // A sign-up still in the queue, and a mail still waiting, are personal data too.
        grace().body(Map.of("email", EMAIL, "name", NAME, "consent", true)).post("/api/newsletter/subscriptions")
                .then().statusCode(202);

        // Queue rows that failed with her in the error text: her queued sign-up, a mail to her, her pledge, her order.
        long signup = database.count("select id from newsletter_signup");
        long mailToHer = database.count("select max(id) from outbox_message where contact_id = ?1", id);
        long mailToBob = database.count("select max(id) from outbox_message where recipient = 'bob@example.org'");
        deadQueueRow("outbox", mailToBob, "connection timed out");
        deadQueueRow("newsletter.signups", signup, "Failing row contains (" + signup + ", " + EMAIL + ", " + NAME + ")");
        deadQueueRow("outbox", mailToHer, "550 mailbox " + EMAIL + " unavailable");
        deadQueueRow("pledges.end-period", database.count("select id from pledge"), "Failing row contains (" + NAME + ")");
        long orderFailure = deadQueueRow("orders.anything", database.count(
                "select id from ticket_order where public_id = cast(?1 as uuid)", graceOrder), "about " + NAME);

        admin().body("{}").delete("/api/admin/contacts/" + EMAIL.toUpperCase(Locale.ROOT)).then().statusCode(204);

        // Failures of what was hers go with it; others' stay, and a row of hers that stays keeps its place, not her name.
        assertThat(database.count("select count(*) from queue_failure where queue <> 'orders.anything'")).isEqualTo(1);
        assertThat(database.single("select last_error from queue_failure where queue = 'outbox' and item_id = ?1",
                mailToBob)).isEqualTo("connection timed out");
        assertThat(database.count("select count(*) from queue_failure where queue = 'orders.anything'"
                + " and dead_at is not null and item_id = ?1", orderFailure)).isEqualTo(1);
        for (String personal : List.of(EMAIL, NAME, "Hopperman", AGENT)) {
            assertThat(scan.rowsContaining(personal, List.of())).as(personal).isEmpty();
        }
        // The client address: none left in what was hers (everyone here comes from 127.0.0.1, the admin too).
        // Rate-limit buckets hold an address, tied to no person, only until the bucket refills.
        assertThat(database.count("select count(*) from consent_record where contact_id = ?1"
                + " and (client_address is not null or user_agent is not null)", id)).isZero();
        // Orders keep their client network for the unpaid-seat cap: Bob's still do, hers no longer.
        assertThat(database.count("select count(*) from ticket_order where buyer_id = ?1 and client_network is not null",
                id)).isZero();
        assertThat(database.count("select count(*) from ticket_order where buyer_id <> ?1 and client_network is not null",
                id)).isPositive();
        assertThat(scan.rowsContaining("127.0.0.1", List.of("consent_record", "audit_entry", "admin_session",
                "login_failure", "rate_limit_bucket", "ticket_order"))).isEmpty();
        // Bob's order link is his: it stays on his order (and keeps working, below); every other mailed token is gone.
        assertThat(mailedTokens).filteredOn(token -> !token.equals(bobsToken))
                .allSatisfy(token -> assertThat(scan.rowsContaining(token, List.of())).isEmpty());

        // The contact stays, anonymised, for the records pointing to it.
        assertThat(database.single("select email from contact where id = ?1", id))
                .isEqualTo("erased-" + id + "@erased.invalid");
        assertThat(database.single("select name from contact where id = ?1", id)).isNull();
        assertThat(database.single("select erased_at is not null from contact where id = ?1", id)).isEqualTo(true);

        // Financial records stay with their amounts; her pledge bills nobody any more.
        assertThat(database.count("select count(*) from ticket_order")).isEqualTo(2);
        assertThat(database.count("select sum(total_amount) from ticket_order")).isEqualTo(orderTotals);
        assertThat(database.count("select count(*) from ticket")).isEqualTo(3);
        assertThat(database.count("select count(*) from ticket where attendee_name = 'erased'")).isEqualTo(2);
        assertThat(database.single("select buyer_name from ticket_order where public_id = cast(?1 as uuid)", graceOrder))
                .isEqualTo("erased");
        assertThat(database.single("select buyer_name from ticket_order where public_id = cast(?1 as uuid)", bobOrder))
                .isEqualTo("Bob Buyer");
        assertThat(database.single("select status from pledge")).isEqualTo("cancelled");
        assertThat(database.count("select amount from pledge")).isEqualTo(2500);
        assertThat(database.count("select amount from pledge_payment")).isEqualTo(2500);

        // The consent log keeps the fact and time of each consent.
        assertThat(database.count("select count(*) from consent_record where contact_id = ?1", id)).isEqualTo(consents);
        assertThat(database.single("select given_at from consent_record where contact_id = ?1 and purpose = 'newsletter'",
                id)).isEqualTo(newsletterGivenAt);
        assertThat(database.single("select confirmed_at is not null from consent_record where contact_id = ?1"
                + " and purpose = 'newsletter'", id)).isEqualTo(true);

        // Her subscription, waiting-list entry, links and mails are gone; Bob's order link still works.
        assertThat(database.count("select count(*) from newsletter_subscription")).isZero();
        assertThat(database.count("select count(*) from waitlist_entry")).isZero();
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
        assertThat(database.count("select count(*) from outbox_message where contact_id = ?1", id)).isZero();
        assertThat(database.single("select access_token from ticket_order where public_id = cast(?1 as uuid)", bobOrder))
                .isEqualTo(bobsToken);
        assertThat(database.count("select count(*) from access_token")).isZero();
        assertThat(database.single("select text_body from outbox_message where kind = 'tickets.order-confirmed'"))
                .asString().contains("erased:").contains("Carol Colleague");

        // The address stays suppressed, as the SHA-256 of the lower-cased address, nothing more.
        assertThat(database.single("select email_hash from email_suppression"))
                .isEqualTo(Tokens.sha256(EMAIL.toLowerCase(Locale.ROOT)));

        // Erasing again, or an address never seen, is the same 204.
        admin().body("{}").delete("/api/admin/contacts/" + EMAIL).then().statusCode(204);
        admin().body("{}").delete("/api/admin/contacts/nobody@example.org").then().statusCode(204);
        admin().get("/api/admin/contacts/" + EMAIL).then().statusCode(404);
        assertThat(database.count("select count(*) from contact where erased_at is not null")).isEqualTo(1);
    }

    /** A queue row given up on, with this error; returns the row's id. */
    private long deadQueueRow(String queue, long itemId, String error) {
        assertThat(itemId).isPositive();
        scan.tryUpdate("insert into queue_failure (queue, item_id, attempts, next_attempt_at, dead_at, last_error,"
                + " last_failed_at) values ('" + queue + "', " + itemId + ", 5, now(), now(), '" + error + "', now())");
        assertThat(database.count("select count(*) from queue_failure where queue = ?1 and item_id = ?2", queue, itemId))
                .isEqualTo(1);
        return itemId;
    }

    @Test
    void databaseErrorsDoNotQuoteTheFailingRowWhateverTheUrlSays() {
        // The tests run on a URL given on the command line, without logServerErrorDetail: the driver property holds.
        String refusal = scan.tryUpdate("update contact set email = null where id = " + graceId());
        assertThat(refusal).contains("email").doesNotContain("Failing row").doesNotContain(NAME);
    }

    @Test
    void theConsentLogStillRefusesAnyOtherChangeAfterAnErasure() {
        long id = graceId();
        admin().body("{}").delete("/api/admin/contacts/" + EMAIL).then().statusCode(204);

        assertThat(scan.tryUpdate("update consent_record set client_address = '10.9.9.9' where contact_id = " + id))
                .contains("append-only");
        assertThat(scan.tryUpdate("update consent_record set given_at = given_at - interval '1 day' where contact_id = " + id))
                .contains("append-only");
        assertThat(scan.tryUpdate("delete from consent_record where contact_id = " + id)).contains("append-only");
    }

    @Test
    void mailToAnErasedAddressIsNotSentUntilItsOwnerOptsInAnew() {
        admin().body("{}").delete("/api/admin/contacts/" + EMAIL).then().statusCode(204);
        mailbox.clear();
        // A day later, so the setup's mails no longer count against the daily cap on mail to unconfirmed addresses.
        clock.advance(java.time.Duration.ofDays(1));

        // An order by the same address makes a new contact, but its mails are kept back, without bodies.
        String order = given().contentType(ContentType.JSON).body(order(EMAIL, NAME, Map.of("name", NAME, "email", EMAIL)))
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");
        outboxSender.sendDue();
        assertThat(mailbox.getMailsSentTo(EMAIL)).isEmpty();
        String newOrderMail = "from outbox_message where kind = 'tickets.order-received'"
                + " and contact_id = (select id from contact where email_key = lower(?1))";
        assertThat(database.single("select status " + newOrderMail, EMAIL)).isEqualTo("suppressed");
        assertThat(database.single("select text_body " + newOrderMail, EMAIL)).isEqualTo("");
        assertThat(database.single("select html_body is null " + newOrderMail, EMAIL)).isEqualTo(true);

        // A new sign-up starts from scratch: pending, and its confirmation does reach the address.
        given().contentType(ContentType.JSON).body(Map.of("email", EMAIL, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        List<Mail> mails = deliverTo(EMAIL);
        assertThat(mails).hasSize(1);
        assertThat(database.single("select s.status from newsletter_subscription s join contact c on c.id = s.contact_id"
                + " where c.email_key = lower(?1)", EMAIL)).isEqualTo("pending");
        assertThat(database.count("select count(*) from email_suppression")).isEqualTo(1);

        String confirm = tokenIn(mails.get(0).getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", confirm)).post("/api/newsletter/confirm")
                .then().statusCode(200);
        assertThat(database.count("select count(*) from email_suppression")).isZero();

        // Mail flows again: the welcome, and the tickets once paid.
        admin().body("{}").post("/api/admin/orders/" + order + "/mark-paid").then().statusCode(200);
        assertThat(deliverTo(EMAIL)).extracting(Mail::getSubject)
                .anySatisfy(subject -> assertThat(subject).startsWith("Welcome"))
                .anySatisfy(subject -> assertThat(subject).startsWith("Your ticket"));
    }

    @Test
    void seatsOfferedToAnErasedPersonGoToTheNextInLine() {
        ticketType("masterclass", 1);
        grace().body(Map.of("email", EMAIL, "name", NAME, "type", "masterclass"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("email", "dan@example.org", "name", "Dan", "type", "masterclass"))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(202);
        // Only addresses confirmed by their owners get offers.
        for (String address : List.of(EMAIL, "dan@example.org")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("token", tokenIn(deliverTo(address).stream()
                            .filter(m -> m.getSubject().startsWith("Confirm your place")).reduce((a, b) -> b).orElseThrow()
                            .getText(), "/waitlist/confirm")))
                    .post("/api/waitlist/confirm").then().statusCode(200);
        }
        mailbox.clear();
        String masterclass = "from waitlist_entry w join contact c on c.id = w.contact_id"
                + " join ticket_type t on t.id = w.ticket_type_id where t.code = 'masterclass'";
        assertThat(database.single("select w.status " + masterclass + " and c.email_key = lower(?1)", EMAIL))
                .isEqualTo("offered");

        admin().body("{}").delete("/api/admin/contacts/" + EMAIL).then().statusCode(204);
        assertThat(scan.rowsContaining(NAME, List.of())).isEmpty();
        assertThat(waitlist.lapseDue()).isEqualTo(1);

        assertThat(database.single("select w.status " + masterclass + " and c.email_key = 'dan@example.org'"))
                .isEqualTo("offered");
        assertThat(database.count("select held from seat_count where code = 'masterclass'")).isEqualTo(1);
        outboxSender.sendDue();
        assertThat(mailbox.getMailsSentTo("dan@example.org")).hasSize(1);
    }

    /** Reads and writes the whole schema with SQL, outside any request. */
    @jakarta.enterprise.context.ApplicationScoped
    static class SchemaScan {

        @Inject
        EntityManager em;

        /** {@code table.column} of every row, in every text, JSON or binary column, holding the value (any case). */
        @Transactional
        @SuppressWarnings("unchecked")
        List<String> rowsContaining(String value, List<String> exceptTables) {
            List<Object[]> columns = em.createNativeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = current_schema() and table_name <> 'flyway_schema_history'
                    and data_type in ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')""")
                    .getResultList();
            List<String> found = new ArrayList<>();
            for (Object[] column : columns) {
                String table = (String) column[0];
                if (exceptTables.contains(table)) {
                    continue;
                }
                String text = "bytea".equals(column[2]) ? "encode(" + column[1] + ", 'escape')" : column[1] + "::text";
                long rows = ((Number) em.createNativeQuery("select count(*) from " + table
                        + " where strpos(lower(" + text + "), lower(?1)) > 0").setParameter(1, value)
                        .getSingleResult()).longValue();
                if (rows > 0) {
                    found.add(table + "." + column[1]);
                }
            }
            return found;
        }

        /** The database's refusal, or an empty string if the statement went through. */
        String tryUpdate(String sql) {
            try {
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .run(() -> em.createNativeQuery(sql).executeUpdate());
                return "";
            } catch (RuntimeException e) {
                StringBuilder messages = new StringBuilder();
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    messages.append(cause.getMessage()).append('\n');
                }
                return messages.toString();
            }
        }
    }
}
