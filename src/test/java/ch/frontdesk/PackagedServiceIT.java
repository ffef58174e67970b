package ch.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
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
        given().get("http://localhost:" + PackagedServiceResource.managementPort + "/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(404);
        given().get("http://localhost:" + PackagedServiceResource.managementPort + "/q/metrics").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        // Production describes its API but shows no Swagger UI unless FRONTDESK_SWAGGER_UI turns it on.
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(404);
        int before = PackagedServiceResource.smtp.getReceivedMessages().length;

        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "name", "Ada", "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202).body("status", equalTo("pending"));

        MimeMessage confirmation = awaitMessage(before + 1);
        String confirmToken = token(body(confirmation), "/newsletter/confirm");
        given().get("/newsletter/confirm?token=" + confirmToken).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", confirmToken)).post("/api/newsletter/confirm")
                .then().statusCode(200).body("status", equalTo("active"));

        MimeMessage welcome = awaitMessage(before + 2);
        assertThat(welcome.getSubject()).contains("Welcome");
        String listUnsubscribe = welcome.getHeader("List-Unsubscribe")[0];
        assertThat(welcome.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribeUrl = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
        assertThat(unsubscribeUrl).startsWith(PackagedServiceResource.PUBLIC_URL + "/api/newsletter/unsubscribe?token=");

        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("List-Unsubscribe", "One-Click")
                .post(unsubscribeUrl.replace(PackagedServiceResource.PUBLIC_URL, ""))
                .then().statusCode(200).body("status", equalTo("unsubscribed"));
    }

    @Test
    void anOrganiserSellsAnEarlyBirdTicketThatArrivesWithItsQrCodeAndChecksIn() throws Exception {
        var admin = given().auth().preemptive().basic("owner", "owner-password").contentType(ContentType.JSON);
        admin.body(Map.of("slug", "amld-2099", "name", "AMLD Intelligence Summit 2099", "startsOn", "2099-02-10",
                        "endsOn", "2099-02-12", "venue", "EPFL campus, Lausanne", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        given().auth().preemptive().basic("owner", "owner-password").contentType(ContentType.JSON)
                .body(Map.of("code", "conference", "name", "Conference pass", "capacity", 100,
                        "price", Map.of("amount", 59000, "currency", "CHF"),
                        "earlyBird", Map.of("amount", 39000, "endsAt", "2099-01-01T00:00:00Z", "quota", 50)))
                .post("/api/admin/events/amld-2099/ticket-types").then().statusCode(201);

        int before = PackagedServiceResource.smtp.getReceivedMessages().length;
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("buyer", Map.of("email", "grace@example.org", "name", "Grace"),
                        "tickets", List.of(Map.of("type", "conference",
                                "attendee", Map.of("name", "Grace Hopper", "email", "grace@example.org"))),
                        "consent", true))
                .post("/api/events/amld-2099/orders")
                .then().statusCode(201)
                .body("status", equalTo("pending_payment"))
                .body("tickets[0].priceLabel", equalTo("early-bird"))
                .body("total.amount", equalTo(39000))
                .extract().path("id");
        MimeMessage received = awaitMessage(before + 1);
        assertThat(body(received)).contains("IBAN");

        given().auth().preemptive().basic("owner", "owner-password").contentType(ContentType.JSON)
                .post("/api/admin/orders/" + id + "/mark-paid")
                .then().statusCode(200).body("status", equalTo("confirmed"));
        awaitMessage(before + 3);
        MimeMessage ticket = java.util.Arrays.stream(PackagedServiceResource.smtp.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Your ticket for")).findFirst().orElseThrow();
        String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(ticket);
        assertThat(raw).contains("image/png").contains("text/calendar").contains("Content-ID:");
        Matcher code = Pattern.compile("Ticket code: ([A-Za-z0-9_-]{32})").matcher(raw);
        assertThat(code.find()).isTrue();

        given().auth().preemptive().basic("owner", "owner-password").contentType(ContentType.JSON)
                .body(Map.of("code", code.group(1))).post("/api/admin/checkin")
                .then().statusCode(200).body("attendee", equalTo("Grace Hopper"));
        given().auth().preemptive().basic("owner", "owner-password").contentType(ContentType.JSON)
                .body(Map.of("code", code.group(1))).post("/api/admin/checkin")
                .then().statusCode(409);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFirstAdminComesFromTheEnvironment() {
        given().get("/api/admin/outbox").then().statusCode(401);
        given().auth().preemptive().basic("owner", "owner-password").get("/api/admin/outbox")
                .then().statusCode(200);
    }

    /** FrontdeskMain, not a flag on the command line, lets a broken escape through to the problem-detail answer. */
    @Test
    void aBrokenEscapeInTheAddressIsAProblemDetailInThePackagedService() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/events/summit%G0 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":400");
        }
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
