package ch.frontdesk.newsletter;

import static ch.frontdesk.newsletter.NewsletterSubscribeTest.subscribeOk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NewsletterUnsubscribeTest extends FrontdeskTest {

    /** Signs up, confirms, and returns the token from the welcome email's List-Unsubscribe header. */
    private String activeSubscriberUnsubscribeToken(String email) {
        subscribeOk(email);
        String confirmToken = tokenIn(deliverTo(email).get(0).getText(), "/newsletter/confirm");
        given().contentType(ContentType.JSON).body(Map.of("token", confirmToken)).post("/api/newsletter/confirm")
                .then().statusCode(200);
        var welcome = deliverTo(email).get(1);
        return anyToken(welcome.getHeaders().get("List-Unsubscribe").get(0));
    }

    @Test
    void theOneClickPostUnsubscribesWithoutRedirect() {
        String token = activeSubscriberUnsubscribeToken("ada@example.org");

        given().redirects().follow(false)
                .contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post("/api/newsletter/unsubscribe?token=" + token)
                .then().statusCode(200)
                .body("status", equalTo("unsubscribed"));

        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("unsubscribed");
        assertThat(database.count("select count(*) from newsletter_subscription where unsubscribed_at = ?1",
                clock.instant())).isEqualTo(1);
    }

    @Test
    void aPostWithoutBodyAlsoUnsubscribes() {
        String token = activeSubscriberUnsubscribeToken("ada@example.org");
        given().redirects().follow(false).post("/api/newsletter/unsubscribe?token=" + token)
                .then().statusCode(200);
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("unsubscribed");
    }

    @Test
    void unsubscribingTwiceIsFine() {
        String token = activeSubscriberUnsubscribeToken("ada@example.org");
        given().post("/api/newsletter/unsubscribe?token=" + token).then().statusCode(200);
        given().post("/api/newsletter/unsubscribe?token=" + token).then().statusCode(200)
                .body("status", equalTo("unsubscribed"));
    }

    @Test
    void aBrowserGetsAnHtmlPage() {
        String token = activeSubscriberUnsubscribeToken("ada@example.org");
        given().redirects().follow(false).accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post("/api/newsletter/unsubscribe?token=" + token)
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("You are unsubscribed"));
    }

    @Test
    void theLinkInTheEmailShowsAButtonAndChangesNothing() {
        String token = activeSubscriberUnsubscribeToken("ada@example.org");

        given().get("/newsletter/unsubscribe?token=" + token)
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("action=\"/api/newsletter/unsubscribe?token=" + token + "&amp;lang=en\""))
                .body(containsString("<button"));

        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("active");
    }

    @Test
    void theUnsubscribeLinkInTheConfirmationEmailWorksWhilePending() {
        subscribeOk("ada@example.org");
        String token = tokenIn(deliverTo("ada@example.org").get(0).getText(), "/newsletter/unsubscribe");
        given().post("/api/newsletter/unsubscribe?token=" + token).then().statusCode(200);
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("unsubscribed");
    }

    @Test
    void anUnknownTokenIs404AndAMissingOne400() {
        given().post("/api/newsletter/unsubscribe?token=unknown").then().statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/newsletter/unsubscribe").then().statusCode(400)
                .body("errors[0].field", equalTo("token"));
        given().get("/newsletter/unsubscribe?token=unknown").then().statusCode(404).contentType(ContentType.HTML);
    }

    @Test
    void aConfirmationTokenCannotUnsubscribe() {
        subscribeOk("ada@example.org");
        String confirmToken = tokenIn(deliverTo("ada@example.org").get(0).getText(), "/newsletter/confirm");
        given().post("/api/newsletter/unsubscribe?token=" + confirmToken).then().statusCode(404);
        assertThat(database.single("select status from newsletter_subscription")).isEqualTo("pending");
    }
}
