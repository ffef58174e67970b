package ch.frontdesk.newsletter;

import static ch.frontdesk.newsletter.NewsletterSubscribeTest.subscribeOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NewsletterConfirmTest extends FrontdeskTest {

    private static Response confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/newsletter/confirm");
    }

    private String signUpAndGetConfirmToken(String email) {
        subscribeOk(email);
        var mails = deliverTo(email);
        return tokenIn(mails.get(mails.size() - 1).getText(), "/newsletter/confirm");
    }

    @Test
    void confirmingActivatesTheSubscriptionAndSendsAWelcomeEmail() {
        String token = signUpAndGetConfirmToken("ada@example.org");
        mailbox.clear();

        confirm(token).then().statusCode(200).body("status", equalTo("active"));

        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("active");
        var welcome = deliverTo("ada@example.org");
        assertThat(welcome).hasSize(1);
        assertThat(welcome.get(0).getSubject()).contains("Welcome");
        assertThat(welcome.get(0).getText()).contains("/newsletter/unsubscribe?token=");
    }

    @Test
    void confirmingMarksTheConsentAsConfirmed() {
        String token = signUpAndGetConfirmToken("ada@example.org");
        clock.advance(Duration.ofMinutes(5));

        confirm(token).then().statusCode(200);

        assertThat(database.count("select count(*) from consent_record where confirmed_at = ?1", clock.instant()))
                .isEqualTo(1);
    }

    @Test
    void everyNewsletterEmailCarriesOneClickUnsubscribeHeaders() {
        String token = signUpAndGetConfirmToken("ada@example.org");
        var confirmation = mailbox.getMailsSentTo("ada@example.org").get(0);
        confirm(token).then().statusCode(200);
        var welcome = deliverTo("ada@example.org").get(1);

        for (var mail : new io.quarkus.mailer.Mail[] {confirmation, welcome}) {
            String listUnsubscribe = mail.getHeaders().get("List-Unsubscribe").get(0);
            assertThat(listUnsubscribe).matches("<http://localhost:8080/api/newsletter/unsubscribe\\?token=[A-Za-z0-9_-]{22,}>");
            assertThat(mail.getHeaders().get("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(mail.getText()).isNotBlank();
        }
    }

    @Test
    void confirmingTwiceIsFine() {
        String token = signUpAndGetConfirmToken("ada@example.org");
        confirm(token).then().statusCode(200);
        confirm(token).then().statusCode(200).body("status", equalTo("active"));
        assertThat(database.count("select count(*) from outbox_message where kind = 'newsletter.welcome'")).isEqualTo(1);
    }

    @Test
    void anUnknownTokenIs404() {
        confirm("this-is-not-a-token-we-issued").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void aMissingTokenIs400NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/newsletter/confirm")
                .then().statusCode(400).body("errors[0].field", equalTo("token"));
    }

    @Test
    void aTokenIsValidFor48Hours() {
        String token = signUpAndGetConfirmToken("late@example.org");
        clock.advance(Duration.ofHours(48).minusSeconds(1));
        confirm(token).then().statusCode(200);

        String expired = signUpAndGetConfirmToken("later@example.org");
        clock.advance(Duration.ofHours(48));
        confirm(expired).then().statusCode(410)
                .contentType("application/problem+json")
                .body("detail", containsString("expired"));
        assertThat(database.single("""
                select s.status from newsletter_subscription s join contact c on c.id = s.contact_id
                where c.email = 'later@example.org'""")).isEqualTo("pending");
    }

    @Test
    void anUnsubscribeTokenCannotConfirm() {
        subscribeOk("ada@example.org");
        String unsubscribeToken = tokenIn(deliverTo("ada@example.org").get(0).getText(), "/newsletter/unsubscribe");
        confirm(unsubscribeToken).then().statusCode(404);
    }

    @Test
    void theConfirmationPageShowsAButtonAndChangesNothing() {
        String token = signUpAndGetConfirmToken("ada@example.org");

        for (int i = 0; i < 3; i++) {
            given().get("/newsletter/confirm?token=" + token)
                    .then().statusCode(200)
                    .contentType(ContentType.HTML)
                    .body(containsString("<form method=\"post\" action=\"/api/newsletter/confirm\">"))
                    .body(containsString("value=\"" + token + "\""));
        }
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("pending");
        assertThat(database.count("select count(*) from access_token where used_at is not null")).isZero();
    }

    @Test
    void theConfirmationPageSaysWhenTheLinkIsUnknownOrExpired() {
        given().get("/newsletter/confirm?token=nope").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("not valid"));
        String token = signUpAndGetConfirmToken("ada@example.org");
        clock.advance(Duration.ofHours(49));
        given().get("/newsletter/confirm?token=" + token).then().statusCode(410).contentType(ContentType.HTML)
                .body(containsString("expired"));
    }

    @Test
    void thePageButtonConfirmsAndRedirectsToAThankYouPage() {
        String token = signUpAndGetConfirmToken("ada@example.org");

        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("token", token)
                .post("/api/newsletter/confirm")
                .then().statusCode(303).header("Location", endsWith("/newsletter/confirmed?lang=en"));

        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("active");
        given().get("/newsletter/confirmed").then().statusCode(200).body(containsString("You are subscribed"));
    }

    @Test
    void subscribingAgainAfterUnsubscribingNeedsANewConfirmation() {
        String firstToken = signUpAndGetConfirmToken("back@example.org");
        confirm(firstToken).then().statusCode(200);
        String unsubscribe = tokenIn(deliverTo("back@example.org").get(1).getText(), "/newsletter/unsubscribe");
        given().post("/api/newsletter/unsubscribe?token=" + unsubscribe).then().statusCode(200);
        mailbox.clear();

        subscribeOk("back@example.org");

        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("pending");
        var mails = deliverTo("back@example.org");
        assertThat(mails).hasSize(1);
        String secondToken = tokenIn(mails.get(0).getText(), "/newsletter/confirm");
        assertThat(secondToken).isNotEqualTo(firstToken);
        confirm(secondToken).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void unsubscribingRevokesConfirmationLinksStillInTheInbox() {
        subscribeOk("ada@example.org");
        var mail = deliverTo("ada@example.org").get(0);
        String confirmToken = tokenIn(mail.getText(), "/newsletter/confirm");
        String unsubscribeToken = tokenIn(mail.getText(), "/newsletter/unsubscribe");

        given().post("/api/newsletter/unsubscribe?token=" + unsubscribeToken).then().statusCode(200);

        confirm(confirmToken).then().statusCode(410);
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("unsubscribed");
    }
}
