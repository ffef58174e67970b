package ch.frontdesk.newsletter;

import static ch.frontdesk.newsletter.NewsletterSubscribeTest.subscribeOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResendConfirmationTest extends FrontdeskTest {

    private static Response resend(String email) {
        return given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON)
                .body(Map.of()).post("/api/admin/subscribers/" + email + "/resend-confirmation");
    }

    private static Response confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/newsletter/confirm");
    }

    private String lastConfirmToken(List<Mail> mails) {
        return tokenIn(mails.get(mails.size() - 1).getText(), "/newsletter/confirm");
    }

    @Test
    void aPendingSubscriberGetsAFreshConfirmationWhoseLinkWorks() {
        subscribeOk("ada@example.org");
        String first = lastConfirmToken(deliverTo("ada@example.org"));
        clock.advance(Duration.ofHours(1));

        resend("Ada@Example.org").then().statusCode(202).body("status", equalTo("pending"));
        List<Mail> mails = deliverTo("ada@example.org");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).contains("confirm");
        String fresh = lastConfirmToken(mails);
        assertThat(fresh).isNotEqualTo(first);

        confirm(fresh).then().statusCode(200).body("status", equalTo("active"));
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("active");
    }

    @Test
    void anActiveSubscriberIs409AndAnUnknownAddress404() {
        subscribeOk("ada@example.org");
        confirm(lastConfirmToken(deliverTo("ada@example.org"))).then().statusCode(200);
        assertThat(deliverTo("ada@example.org").get(1).getSubject()).contains("Welcome");
        mailbox.clear();

        resend("ada@example.org").then().statusCode(409).body("type", endsWith("not-pending"));
        resend("nobody@example.org").then().statusCode(404);
        assertThat(deliverTo("ada@example.org")).isEmpty();
        assertThat(database.count("select count(*) from contact where email = 'nobody@example.org'")).isZero();
    }

    @Test
    void theDailyCapStillAppliesAndSaysWhenToRetry() {
        subscribeOk("ada@example.org");
        applySignups();
        clock.advance(Duration.ofHours(1));
        resend("ada@example.org").then().statusCode(202);
        clock.advance(Duration.ofHours(1));
        resend("ada@example.org").then().statusCode(202);
        clock.advance(Duration.ofHours(1));

        // Three confirmations in 24 hours; the first was sent three hours ago, so the cap lifts in 21 hours.
        resend("ada@example.org").then().statusCode(429)
                .header("Retry-After", equalTo(String.valueOf(Duration.ofHours(21).toSeconds())));
        assertThat(deliverTo("ada@example.org")).hasSize(3);

        clock.advance(Duration.ofHours(21));
        resend("ada@example.org").then().statusCode(202);
        assertThat(deliverTo("ada@example.org")).hasSize(4);
    }
}
