package ch.frontdesk.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NewsletterSubscribeTest extends FrontdeskTest {

    /** Posts a sign-up and lets the background worker apply it. */
    static Response subscribe(Object body) {
        Response answer = given().contentType(ContentType.JSON).body(body).post("/api/newsletter/subscriptions");
        applySignups();
        return answer;
    }

    static void subscribeOk(String email) {
        subscribe(Map.of("email", email, "consent", true)).then().statusCode(202).body("status", equalTo("pending"));
    }

    @Test
    void aNewAddressIsPendingAndReceivesAConfirmationEmail() {
        subscribe(Map.of("email", "ada@example.org", "name", "Ada Lovelace", "consent", true, "source", "homepage"))
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .body("status", equalTo("pending"));

        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("pending");
        var mails = deliverTo("ada@example.org");
        assertThat(mails).hasSize(1);
        var mail = mails.get(0);
        assertThat(mail.getSubject()).contains("confirm");
        assertThat(mail.getText()).contains("Hello Ada Lovelace").contains("/newsletter/confirm?token=");
        assertThat(mail.getHtml()).contains("/newsletter/confirm?token=");
        assertThat(tokenIn(mail.getText(), "/newsletter/confirm")).hasSizeGreaterThanOrEqualTo(22);
    }

    @Test
    void theAnswerIsTheSameWhateverTheAddressIsKnownAs() {
        String fresh = subscribe(Map.of("email", "new@example.org", "consent", true)).then().statusCode(202)
                .extract().asString();

        subscribeOk("pending@example.org");
        String pending = subscribe(Map.of("email", "pending@example.org", "consent", true)).then().statusCode(202)
                .extract().asString();

        subscribeOk("active@example.org");
        String confirmToken = tokenIn(deliverTo("active@example.org").get(0).getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", confirmToken))
                .post("/api/newsletter/confirm").then().statusCode(200);
        String active = subscribe(Map.of("email", "active@example.org", "consent", true)).then().statusCode(202)
                .extract().asString();

        assertThat(pending).isEqualTo(fresh);
        assertThat(active).isEqualTo(fresh);
    }

    @Test
    void addressesAreTrimmedAndCompareWithoutCase() {
        subscribeOk("  Grace.Hopper@Example.ORG ");
        subscribeOk("grace.hopper@example.org");

        assertThat(database.count("select count(*) from contact")).isEqualTo(1);
        assertThat(database.single("select email from contact")).isEqualTo("Grace.Hopper@Example.ORG");
        assertThat(database.count("select count(*) from newsletter_subscription")).isEqualTo(1);
    }

    @Test
    void theRequestOnlyQueuesTheSignUpWhateverTheAddress() {
        subscribeOk("pending@example.org");
        subscribeOk("active@example.org");
        String token = tokenIn(deliverTo("active@example.org").get(0).getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/newsletter/confirm")
                .then().statusCode(200);
        long contacts = database.count("select count(*) from contact");
        long consents = database.count("select count(*) from consent_record");
        long mails = database.count("select count(*) from outbox_message");

        for (String email : new String[] {"new@example.org", "pending@example.org", "active@example.org"}) {
            given().contentType(ContentType.JSON).body(Map.of("email", email, "consent", true))
                    .post("/api/newsletter/subscriptions").then().statusCode(202);
        }

        assertThat(database.count("select count(*) from newsletter_signup")).isEqualTo(3);
        assertThat(database.count("select count(*) from contact")).isEqualTo(contacts);
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(consents);
        assertThat(database.count("select count(*) from outbox_message")).isEqualTo(mails);
        assertThat(applySignups()).isEqualTo(3);
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(consents + 3);
    }

    @Test
    void addressesCompareWithoutCaseTheWayTheDatabaseLowerCasesThem() {
        // Java and PostgreSQL lower-case a final sigma differently; the contact must be found all the same.
        subscribeOk("ΟΔΥΣΣΕΑΣ@example.org");
        subscribeOk("οδυσσεασ@example.org");
        assertThat(database.count("select count(*) from contact")).isEqualTo(1);
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
    }

    @Test
    void everySignUpIsRecordedAsConsentWithItsOriginUntilConfirmed() {
        java.time.Instant received = clock.instant();
        given().contentType(ContentType.JSON).header("User-Agent", "FormTester/1.0")
                .body(Map.of("email", "ada@example.org", "consent", true, "source", "summit-page"))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        clock.advance(java.time.Duration.ofSeconds(1));
        applySignups();

        assertThat(database.count("""
                select count(*) from consent_record where purpose = 'newsletter' and source = 'summit-page'
                and user_agent = 'FormTester/1.0' and client_address is not null and wording like '%Engineering Prompts%'
                and wording_version is not null and given_at = ?1 and confirmed_at is null""",
                received)).isEqualTo(1);
    }

    @Test
    void aFilledHoneypotGetsTheSameAnswerAndLeavesNoTrace() {
        subscribe(Map.of("email", "bot@example.org", "consent", true, "website", "http://spam.example"))
                .then().statusCode(202).body("status", equalTo("pending"));

        assertThat(database.count("select count(*) from contact")).isZero();
        assertThat(database.count("select count(*) from outbox_message")).isZero();
        assertThat(deliverTo("bot@example.org")).isEmpty();
    }

    @Test
    void aPendingAddressGetsAFreshLinkAtMostThreeTimesADay() {
        for (int i = 0; i < 5; i++) {
            subscribeOk("eager@example.org");
        }
        var mails = deliverTo("eager@example.org");
        assertThat(mails).hasSize(3);
        assertThat(mails.stream().map(m -> tokenIn(m.getText(), "/newsletter/confirm")).distinct()).hasSize(3);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        subscribeOk("eager@example.org");
        assertThat(deliverTo("eager@example.org")).hasSize(4);
    }

    @Test
    void anActiveSubscriberIsNotSentAnotherConfirmation() {
        subscribeOk("reader@example.org");
        String token = tokenIn(deliverTo("reader@example.org").get(0).getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/newsletter/confirm")
                .then().statusCode(200);
        assertThat(deliverTo("reader@example.org")).hasSize(2);
        mailbox.clear();

        subscribeOk("reader@example.org");

        assertThat(deliverTo("reader@example.org")).isEmpty();
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("active");
    }

    @Test
    void aPlainHtmlFormIsRedirectedToAThankYouPage() {
        given().redirects().follow(false)
                .contentType(ContentType.URLENC)
                .formParam("email", "form@example.org")
                .formParam("consent", "on")
                .formParam("website", "")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(303)
                .header("Location", endsWith("/newsletter/thanks?lang=en"));

        assertThat(deliverTo("form@example.org")).hasSize(1);
        given().get("/newsletter/thanks").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Check your inbox"));
    }

    @Test
    void aFormWithoutConsentIsRefusedNamingTheField() {
        given().contentType(ContentType.URLENC).formParam("email", "form@example.org")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("consent"));
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void aFormWithoutAnEmailGetsTheSameProblemAsJsonNamingEmail() {
        var json = subscribe(Map.of("consent", true, "name", "Ada")).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        var form = given().contentType(ContentType.URLENC).formParam("consent", "on").formParam("name", "Ada")
                .post("/api/newsletter/subscriptions").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();

        assertThat(form.getList("errors.field")).contains("email");
        assertThat(form.getList("errors")).isEqualTo(json.getList("errors"));
        assertThat(form.getString("type")).isEqualTo(json.getString("type"));
        assertThat(database.count("select count(*) from newsletter_signup")).isZero();
    }

    @Test
    void aTickedCheckboxIsConsentWhicheverWayTheFormSpellsIt() {
        String[] ticked = {"on", "true", "yes", "1", "ON"};
        for (int i = 0; i < ticked.length; i++) {
            given().redirects().follow(false).contentType(ContentType.URLENC)
                    .formParam("email", "box" + i + "@example.org").formParam("consent", ticked[i])
                    .post("/api/newsletter/subscriptions").then().statusCode(303);
        }
        for (String unticked : new String[] {"off", "no", "0", ""}) {
            given().contentType(ContentType.URLENC).formParam("email", "no@example.org").formParam("consent", unticked)
                    .post("/api/newsletter/subscriptions").then().statusCode(400)
                    .body("errors.field", hasItem("consent"));
        }
        assertThat(database.count("select count(*) from newsletter_signup")).isEqualTo(ticked.length);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheAnswerAndSendsNothingMore() {
        var body = Map.of("email", "retry@example.org", "consent", true);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", "key-1").body(body)
                    .post("/api/newsletter/subscriptions")
                    .then().statusCode(202).body("status", equalTo("pending"));
        }

        assertThat(deliverTo("retry@example.org")).hasSize(1);
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "key-2")
                .body(Map.of("email", "one@example.org", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);

        given().contentType(ContentType.JSON).header("Idempotency-Key", "key-2")
                .body(Map.of("email", "two@example.org", "consent", true))
                .post("/api/newsletter/subscriptions")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("idempotency-key-reused"));
        applySignups();

        assertThat(database.count("select count(*) from contact where email = 'two@example.org'")).isZero();
    }

    @Test
    void anIdempotencyKeyLongerThan255CharactersIsRefused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256))
                .body(Map.of("email", "one@example.org", "consent", true))
                .post("/api/newsletter/subscriptions")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        applySignups();
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void anInvalidEmailIsRefusedNamingTheField() {
        for (String email : new String[] {"not-an-email", "a@b", "two words@example.org", "", "x".repeat(250) + "@example.org"}) {
            subscribe(Map.of("email", email, "consent", true))
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("type", endsWith("/validation"))
                    .body("errors.field", hasItem("email"));
        }
        assertThat(database.count("select count(*) from contact")).isZero();
        assertThat(database.count("select count(*) from outbox_message")).isZero();
    }

    @Test
    void missingOrFalseConsentIsRefused() {
        subscribe(Map.of("email", "ada@example.org")).then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("consent"));
        subscribe(Map.of("email", "ada@example.org", "consent", false)).then().statusCode(400)
                .body("errors[0].field", equalTo("consent"))
                .body("errors[0].message", equalTo("must be true"));
        subscribe(Map.of("email", "ada@example.org", "consent", "maybe")).then().statusCode(400)
                .body("errors[0].field", equalTo("consent"));
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() {
        given().contentType(ContentType.JSON).body("{\"email\": \"ada@example.org\", ")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
        given().contentType(ContentType.JSON).post("/api/newsletter/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(database.count("select count(*) from contact")).isZero();
    }

    @Test
    void aWrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("email=ada@example.org")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void aBodyOver64KibIs413AndStoresNothing() {
        String name = "n".repeat(70 * 1024);
        subscribe(Map.of("email", "big@example.org", "consent", true, "name", name))
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors", nullValue());
        assertThat(database.count("select count(*) from contact")).isZero();
    }
}
