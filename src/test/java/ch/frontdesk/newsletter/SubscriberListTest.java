package ch.frontdesk.newsletter;

import static ch.frontdesk.testing.AdminApi.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubscriberListTest extends FrontdeskTest {

    @Inject
    Seed seed;

    @BeforeEach
    void subscribers() {
        long tier = seed.tier("reader-monthly", 500, "month");
        long ada = subscriber("ada@example.org", "Ada Lovelace", "active", "2026-01-10T08:00:00Z");
        seed.pledge(ada, tier, "active", 500, "CHF", "month", Instant.parse("2026-01-10T08:00:00Z"));
        long bob = subscriber("bob@example.org", "Bob Builder", "pending", "2026-01-11T08:00:00Z");
        seed.pledge(bob, tier, "cancelled", 500, "CHF", "month", Instant.parse("2026-01-11T08:00:00Z"));
        subscriber("carol@example.net", "Carol ADA Smith", "unsubscribed", "2026-01-12T08:00:00Z");
        subscriber("dave@example.org", null, "active", "2026-01-13T23:30:00Z");
    }

    private long subscriber(String email, String name, String status, String at) {
        long contact = seed.contact(email, name, Instant.parse(at));
        seed.subscription(contact, status, Instant.parse(at));
        return contact;
    }

    @Test
    void theListShowsNewestFirstWithStatusAndPlan() {
        admin().get("/api/admin/subscribers").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items.email", contains("dave@example.org", "carol@example.net", "bob@example.org", "ada@example.org"))
                .body("items[3].name", equalTo("Ada Lovelace"))
                .body("items[3].status", equalTo("active"))
                .body("items[3].plan", equalTo("paid"))
                .body("items[3].createdAt", equalTo("2026-01-10T08:00:00Z"))
                .body("items[3].confirmedAt", equalTo("2026-01-10T08:00:00Z"))
                .body("items[2].plan", equalTo("free"))
                .body("items[2].confirmedAt", nullValue())
                .body("items[1].unsubscribedAt", equalTo("2026-01-12T08:00:00Z"));
    }

    @Test
    void statusAndPlanFilterTheListAndTheTotal() {
        admin().queryParam("status", "active").get("/api/admin/subscribers").then().statusCode(200)
                .body("total", equalTo(2)).body("items.email", contains("dave@example.org", "ada@example.org"));
        admin().queryParam("plan", "paid").get("/api/admin/subscribers").then().statusCode(200)
                .body("total", equalTo(1)).body("items.email", contains("ada@example.org"));
        // A cancelled pledge does not make Bob a paying subscriber.
        admin().queryParam("plan", "free").queryParam("status", "pending").get("/api/admin/subscribers").then()
                .body("total", equalTo(1)).body("items.email", contains("bob@example.org"));
    }

    @Test
    void qFindsACaseInsensitiveSubstringOfTheNameOrTheAddress() {
        admin().queryParam("q", "ada").get("/api/admin/subscribers").then().statusCode(200)
                .body("total", equalTo(2)).body("items.email", contains("carol@example.net", "ada@example.org"));
        admin().queryParam("q", "EXAMPLE.NET").get("/api/admin/subscribers").then()
                .body("items.email", contains("carol@example.net"));
        // LIKE wildcards typed by the admin are literal characters.
        admin().queryParam("q", "%").get("/api/admin/subscribers").then().body("total", equalTo(0));
    }

    @Test
    void fromAndToAreInclusiveUtcDaysOfTheSubscription() {
        admin().queryParam("from", "2026-01-11").queryParam("to", "2026-01-13").get("/api/admin/subscribers").then()
                .statusCode(200).body("total", equalTo(3))
                .body("items.email", contains("dave@example.org", "carol@example.net", "bob@example.org"));
        admin().queryParam("to", "2026-01-10").get("/api/admin/subscribers").then()
                .body("items.email", contains("ada@example.org"));
    }

    @Test
    void sortAcceptsWhitelistedFieldsInBothDirectionsAndPagesSplitTheResult() {
        admin().queryParam("sort", "email").queryParam("size", 2).queryParam("page", 1)
                .get("/api/admin/subscribers").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.email", contains("carol@example.net", "dave@example.org"));
        admin().queryParam("sort", "-email").queryParam("size", 2).get("/api/admin/subscribers").then()
                .body("items.email", contains("dave@example.org", "carol@example.net"));
        admin().queryParam("sort", "createdAt").queryParam("page", 9).get("/api/admin/subscribers").then()
                .body("total", equalTo(4)).body("items", hasSize(0));
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        expectInvalid("sort", "password");
        expectInvalid("sort", "-created_at");
        expectInvalid("status", "gone");
        expectInvalid("plan", "gold");
        expectInvalid("from", "2026-13-01");
        expectInvalid("to", "yesterday");
        expectInvalid("size", "501");
        expectInvalid("size", "0");
        expectInvalid("page", "-1");
        expectInvalid("page", "two");
    }

    private static void expectInvalid(String parameter, String value) {
        admin().queryParam(parameter, value).get("/api/admin/subscribers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void theCsvHasTheSameFilteredRowsWithAHeader() {
        String csv = admin().queryParam("status", "active").get("/api/admin/subscribers.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", containsString("attachment; filename=\"subscribers-2026-01-15.csv\""))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).isEqualTo(
                "email,name,status,plan,created_at,confirmed_at,unsubscribed_at\r\n"
                        + "dave@example.org,,active,free,2026-01-13T23:30:00Z,2026-01-13T23:30:00Z,\r\n"
                        + "ada@example.org,Ada Lovelace,active,paid,2026-01-10T08:00:00Z,2026-01-10T08:00:00Z,\r\n");
        admin().queryParam("sort", "nope").get("/api/admin/subscribers.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void theListsAreForAdminsOnly() {
        given().get("/api/admin/subscribers").then().statusCode(401);
        given().get("/api/admin/subscribers.csv").then().statusCode(401);
    }
}
