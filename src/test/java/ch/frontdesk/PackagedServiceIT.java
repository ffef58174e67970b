package ch.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in the prod profile, configured only as production would be: it migrates an empty database at
 * start, creates the first admin, and a person can subscribe, receive the email over SMTP, confirm, receive the
 * welcome email, and unsubscribe with one click.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class PackagedServiceIT {

    private static final long MAIL_WAIT_MILLIS = 15_000;

    @Test
    void aPersonSubscribesConfirmsAndUnsubscribesThroughTheRealService() throws Exception {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "name", "Ada", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202).body("status", equalTo("pending"));

        MimeMessage confirmation = awaitMessage(1);
        String confirmToken = token(body(confirmation), "/newsletter/confirm");
        given().get("/newsletter/confirm?token=" + confirmToken).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", confirmToken)).post("/api/newsletter/confirm")
                .then().statusCode(200).body("status", equalTo("active"));

        MimeMessage welcome = awaitMessage(2);
        assertThat(welcome.getSubject()).contains("Welcome");
        String listUnsubscribe = welcome.getHeader("List-Unsubscribe")[0];
        assertThat(welcome.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribeUrl = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
        assertThat(unsubscribeUrl).startsWith("http://localhost:8089/api/newsletter/unsubscribe?token=");

        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click")
                .post(unsubscribeUrl.replace("http://localhost:8089", ""))
                .then().statusCode(200).body("status", equalTo("unsubscribed"));
    }

    @Test
    void theFirstAdminComesFromTheEnvironment() {
        given().get("/api/admin/outbox").then().statusCode(401);
        given().auth().preemptive().basic("owner", "owner-password").get("/api/admin/outbox")
                .then().statusCode(200);
    }

    private static MimeMessage awaitMessage(int count) {
        assertThat(PackagedServiceResource.smtp.waitForIncomingEmail(MAIL_WAIT_MILLIS, count))
                .as("%d message(s) delivered by the outbox", count).isTrue();
        return PackagedServiceResource.smtp.getReceivedMessages()[count - 1];
    }

    private static String body(MimeMessage message) throws Exception {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
    }

    private static String token(String text, String path) {
        Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(text);
        assertThat(matcher.find()).as("a link to %s in the mail", path).isTrue();
        return matcher.group(1);
    }
}
