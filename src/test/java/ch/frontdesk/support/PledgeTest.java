package ch.frontdesk.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PledgeTest extends FrontdeskTest {

    @Inject
    PledgeService pledges;
    @Inject
    SupportJobs jobs;

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON);
    }

    private static void tier(String code, long amount, String interval) {
        admin().body(Map.of("code", code, "name", "Tier " + code, "description", "Support",
                        "price", Map.of("amount", amount, "currency", "CHF"), "interval", interval))
                .post("/api/admin/support/tiers").then().statusCode(201);
    }

    private static Map<String, Object> pledge(String tier, String email) {
        return new HashMap<>(Map.of("tier", tier, "email", email, "name", "Ada", "consent", true));
    }

    private static String pledgeOk(String tier, String email) {
        return given().contentType(ContentType.JSON).body(pledge(tier, email)).post("/api/support/pledges")
                .then().statusCode(201).extract().path("id");
    }

    private int calendar() {
        return jobs.runCalendar();
    }

    @BeforeEach
    void tiers() {
        tier("reader", 500, "month");
        tier("patron", 10000, "year");
        tier("gift", 5000, "once");
    }

    @Test
    void tiersAndEventsInACurrencyWithoutTwoDecimalsAreRefused() {
        for (String currency : new String[] {"JPY", "KWD", "BHD", "XXQ", "chf"}) {
            admin().body(Map.of("code", "odd", "name", "Odd", "price", Map.of("amount", 500, "currency", currency),
                            "interval", "month"))
                    .post("/api/admin/support/tiers").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("price.currency"));
            admin().body(Map.of("slug", "summit", "name", "Summit", "startsOn", "2027-02-09", "endsOn", "2027-02-11",
                            "venue", "EPFL", "timezone", "Europe/Zurich", "currency", currency))
                    .post("/api/admin/events").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("currency"));
        }
        assertThat(database.count("select count(*) from support_tier where code = 'odd'")).isZero();
        assertThat(database.count("select count(*) from event")).isZero();

        admin().body(Map.of("code", "euro", "name", "Euro", "price", Map.of("amount", 500, "currency", "EUR"),
                "interval", "month")).post("/api/admin/support/tiers").then().statusCode(201);
    }

    @Test
    void theTiersOnOfferArePublic() {
        admin().delete("/api/admin/support/tiers/gift").then().statusCode(204);
        given().get("/api/support/tiers").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].code", equalTo("reader"))
                .body("[0].amount", equalTo(500))
                .body("[0].currency", equalTo("CHF"))
                .body("[0].interval", equalTo("month"))
                .body("[1].interval", equalTo("year"));
    }

    @Test
    void theAdminListsEveryTierRetiredOnesIncluded() {
        pledgeOk("patron", "ada@example.org");
        admin().delete("/api/admin/support/tiers/patron").then().statusCode(204);
        admin().delete("/api/admin/support/tiers/gift").then().statusCode(204);

        admin().get("/api/admin/support/tiers").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.contains("reader", "patron"))
                .body("[0].active", equalTo(true))
                .body("[0].amount", equalTo(500))
                .body("[1].active", equalTo(false))
                .body("[1].interval", equalTo("year"));
        given().auth().preemptive().basic("admin", "wrong").get("/api/admin/support/tiers").then().statusCode(401);
    }

    @Test
    void anInvoicePledgeWaitsForTheTransferThenBecomesActiveWithAReceipt() {
        var created = given().contentType(ContentType.JSON).body(pledge("reader", "ada@example.org"))
                .post("/api/support/pledges");
        created.then().statusCode(201)
                .body("status", equalTo("pending_payment"))
                .body("paymentMethod", equalTo("invoice"))
                .body("checkoutUrl", nullValue());
        String id = created.path("id");
        String reference = created.path("paymentReference");

        var invoice = deliverTo("ada@example.org").get(0);
        assertThat(invoice.getText()).contains("CHF 5.00").contains("IBAN").contains(reference)
                .contains("/support/cancel?token=");
        assertThat(pledges.isPaidSupporter(contactId("ada@example.org"))).isFalse();

        admin().post("/api/admin/pledges/" + id + "/mark-paid").then().statusCode(200)
                .body("status", equalTo("active"))
                .body("currentPeriodEnd", equalTo("2026-02-15T09:00:00Z"));
        var receipt = deliverTo("ada@example.org").get(1);
        assertThat(receipt.getSubject()).contains("Receipt");
        assertThat(receipt.getText()).contains("CHF 5.00").contains("15 February 2026").contains("/support/cancel?token=");
        assertThat(pledges.isPaidSupporter(contactId("ada@example.org"))).isTrue();
        assertThat(database.count("select count(*) from pledge_payment")).isEqualTo(1);
    }

    @Test
    void anUnpaidRenewalFallsPastDueThenEndsAndAPaidOneContinuesThePeriod() {
        String id = pledgeOk("reader", "ada@example.org");
        admin().post("/api/admin/pledges/" + id + "/mark-paid").then().statusCode(200);
        clock.set(Instant.parse("2026-02-15T09:00:00Z"));

        assertThat(calendar()).isEqualTo(1);
        assertThat(database.single("select status from pledge")).isEqualTo("past_due");
        var mails = deliverTo("ada@example.org");
        assertThat(mails.get(mails.size() - 1).getSubject()).contains("Renewing");

        admin().post("/api/admin/pledges/" + id + "/mark-paid").then().statusCode(200)
                .body("status", equalTo("active"))
                .body("currentPeriodEnd", equalTo("2026-03-15T09:00:00Z"));

        clock.set(Instant.parse("2026-03-15T09:00:00Z"));
        calendar();
        clock.advance(Duration.ofDays(14));
        calendar();
        assertThat(database.single("select status from pledge")).isEqualTo("cancelled");
        assertThat(pledges.isPaidSupporter(contactId("ada@example.org"))).isFalse();
    }

    @Test
    void aMonthlyPledgeStartedOnJanuaryThirtyFirstRenewsOnEachMonthsLastDay() {
        clock.set(Instant.parse("2026-01-31T10:00:00Z"));
        String id = pledgeOk("reader", "ada@example.org");
        admin().post("/api/admin/pledges/" + id + "/mark-paid").then().statusCode(200)
                .body("currentPeriodEnd", equalTo("2026-02-28T10:00:00Z"));
        for (String end : new String[] {"2026-03-31T10:00:00Z", "2026-04-30T10:00:00Z"}) {
            admin().post("/api/admin/pledges/" + id + "/mark-paid").then().statusCode(200)
                    .body("currentPeriodEnd", equalTo(end));
        }
        assertThat(database.single("select to_char(period_anchor at time zone 'UTC', 'YYYY-MM-DD') from pledge"))
                .isEqualTo("2026-01-31");
    }

    @Test
    void yearlySupportersAreRemindedOnceAWeekBeforeTheRenewal() {
        String id = pledgeOk("patron", "ada@example.org");
        admin().post("/api/admin/pledges/" + id + "/mark-paid").then().statusCode(200);
        deliverTo("ada@example.org");
        mailbox.clear();

        clock.set(Instant.parse("2027-01-08T09:00:00Z").minusSeconds(1));
        calendar();
        assertThat(deliverTo("ada@example.org")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        calendar();
        calendar();
        var reminders = deliverTo("ada@example.org");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).getSubject()).contains("renews on 15 January 2027");
        assertThat(reminders.get(0).getText()).contains("/support/cancel?token=");
    }

    @Test
    void theOneClickCancelEndsSupportWithThePaidPeriod() {
        String id = pledgeOk("reader", "ada@example.org");
        admin().post("/api/admin/pledges/" + id + "/mark-paid").then().statusCode(200);
        String token = tokenIn(deliverTo("ada@example.org").get(1).getText(), "/support/cancel");

        given().get("/support/cancel?token=" + token).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("action=\"/api/support/pledges/cancel?token=" + token + "&amp;lang=en\""));
        assertThat(database.count("select count(*) from pledge where cancel_at_period_end")).isZero();

        given().post("/api/support/pledges/cancel?token=" + token).then().statusCode(200)
                .body("status", equalTo("active"))
                .body("cancelAtPeriodEnd", equalTo(true));
        given().post("/api/support/pledges/cancel?token=" + token).then().statusCode(200);
        var mails = deliverTo("ada@example.org");
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).getText()).contains("cancelled").contains("15 February 2026");

        clock.set(Instant.parse("2026-02-15T09:00:00Z"));
        calendar();
        assertThat(database.single("select status from pledge")).isEqualTo("cancelled");
        assertThat(deliverTo("ada@example.org")).hasSize(3);
        given().post("/api/support/pledges/cancel?token=unknown").then().statusCode(404);
    }

    @Test
    void anUnpaidPledgeExpiresAndAOneOffGiftLastsAYear() {
        pledgeOk("reader", "late@example.org");
        String gift = pledgeOk("gift", "giver@example.org");
        admin().post("/api/admin/pledges/" + gift + "/mark-paid").then().statusCode(200)
                .body("currentPeriodEnd", equalTo("2027-01-15T09:00:00Z"));
        assertThat(deliverTo("giver@example.org").get(1).getText()).doesNotContain("/support/cancel");

        clock.advance(Duration.ofDays(14));
        calendar();
        assertThat(database.single("""
                select p.status from pledge p join contact c on c.id = p.contact_id where c.email = 'late@example.org'"""))
                .isEqualTo("expired");
        clock.set(Instant.parse("2027-01-15T09:00:00Z"));
        calendar();
        assertThat(database.single("""
                select p.status from pledge p join contact c on c.id = p.contact_id where c.email = 'giver@example.org'"""))
                .isEqualTo("expired");
    }

    @Test
    void badPledgesAreRefusedAndStoreNothing() {
        admin().delete("/api/admin/support/tiers/gift").then().statusCode(204);
        given().contentType(ContentType.JSON).body(pledge("nope", "ada@example.org")).post("/api/support/pledges")
                .then().statusCode(400).body("errors[0].field", equalTo("tier"));
        var noConsent = pledge("reader", "ada@example.org");
        noConsent.put("consent", false);
        given().contentType(ContentType.JSON).body(noConsent).post("/api/support/pledges")
                .then().statusCode(400).body("errors[0].field", equalTo("consent"));
        given().contentType(ContentType.JSON).body(pledge("reader", "not-an-email")).post("/api/support/pledges")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        var card = pledge("reader", "ada@example.org");
        card.put("paymentMethod", "card");
        given().contentType(ContentType.JSON).body(card).post("/api/support/pledges")
                .then().statusCode(422).body("type", endsWith("payment-method-unavailable"));
        assertThat(database.count("select count(*) from pledge")).isZero();
        assertThat(database.count("select count(*) from outbox_message")).isZero();
    }

    @Test
    void aTierWithPledgesIsRetiredNotDeletedAndTakesNoNewPledges() {
        pledgeOk("gift", "ada@example.org");
        admin().delete("/api/admin/support/tiers/gift").then().statusCode(204);
        assertThat(database.count("select count(*) from support_tier where code = 'gift' and not active")).isEqualTo(1);
        given().contentType(ContentType.JSON).body(pledge("gift", "bob@example.org")).post("/api/support/pledges")
                .then().statusCode(400);
        admin().body(Map.of("code", "bad", "name", "Bad", "price", Map.of("amount", 0, "currency", "CHF"),
                "interval", "week")).post("/api/admin/support/tiers").then().statusCode(400);
    }

    @Test
    void aPlainFormPledgeIsRedirectedAndTheSameKeyNeverPledgesTwice() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("tier", "reader").formParam("email", "form@example.org").formParam("consent", "on")
                .post("/api/support/pledges").then().statusCode(303);
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", "pledge-1")
                    .body(pledge("patron", "ada@example.org")).post("/api/support/pledges").then().statusCode(201);
        }
        assertThat(database.count("select count(*) from pledge")).isEqualTo(2);
    }

    @Test
    void aFormPledgeWithoutAnEmailGetsTheSameProblemAsJsonNamingEmail() {
        var body = pledge("reader", "x@example.org");
        body.remove("email");
        var json = given().contentType(ContentType.JSON).body(body).post("/api/support/pledges").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        var form = given().contentType(ContentType.URLENC).formParam("tier", "reader").formParam("name", "Ada")
                .formParam("consent", "yes").post("/api/support/pledges").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();

        assertThat(form.getList("errors.field")).containsExactly("email");
        assertThat(form.getList("errors")).isEqualTo(json.getList("errors"));
        given().contentType(ContentType.URLENC).formParam("tier", "reader").formParam("email", "ada@example.org")
                .formParam("consent", "off").post("/api/support/pledges").then().statusCode(400)
                .body("errors[0].field", equalTo("consent"));
        assertThat(database.count("select count(*) from pledge")).isZero();
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void theFourthMailToAnUnconfirmedAddressInADayIsNotSentWhetherConfirmationOrPledgeInstructions() {
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                    .post("/api/newsletter/subscriptions").then().statusCode(202);
            applySignups();
        }
        pledgeOk("reader", "ada@example.org");

        given().contentType(ContentType.JSON).header("Idempotency-Key", "fourth").body(pledge("patron", "ada@example.org"))
                .post("/api/support/pledges").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo(Long.toString(Duration.ofDays(1).toSeconds())));
        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);

        var mails = deliverTo("ada@example.org");
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).getText()).contains("IBAN");
        assertThat(database.count("select count(*) from pledge")).isEqualTo(1);
        assertThat(database.count("select count(*) from consent_record where purpose = 'support'")).isEqualTo(1);

        // A day later the address may be mailed again, and the refused key was not kept for a refused pledge.
        clock.advance(Duration.ofDays(1));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "fourth").body(pledge("patron", "ada@example.org"))
                .post("/api/support/pledges").then().statusCode(201);
        assertThat(deliverTo("ada@example.org")).hasSize(4);
    }

    @Test
    void pledgeInstructionsShowTheTypedNameWithoutItsLinks() {
        var body = pledge("reader", "ada@example.org");
        body.put("name", "Ada https://evil.example/win www.prize.example");
        given().contentType(ContentType.JSON).body(body).post("/api/support/pledges").then().statusCode(201);

        var instructions = deliverTo("ada@example.org").get(0);
        assertThat(instructions.getText()).contains("Hello Ada,").doesNotContain("evil.example")
                .doesNotContain("prize.example");
        assertThat(instructions.getHtml()).doesNotContain("evil.example");
    }

    private long contactId(String email) {
        return database.count("select id from contact where email = ?1", email);
    }
}
