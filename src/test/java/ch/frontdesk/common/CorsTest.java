package ch.frontdesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only our own pages and the configured sites may post to the public API from a browser. */
@QuarkusTest
class CorsTest extends FrontdeskTest {

    @Test
    void ourOwnPagesMayPost() {
        given().header("Origin", "http://localhost:8080").contentType(ContentType.JSON)
                .body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions")
                .then().statusCode(202)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"));
    }

    @Test
    void anotherSiteIsRefusedAndNothingIsStored() {
        given().header("Origin", "https://elsewhere.example").contentType(ContentType.JSON)
                .body(Map.of("email", "ada@example.org", "consent", true))
                .post("/api/newsletter/subscriptions")
                .then().statusCode(403);
        applySignups();
        assertThat(database.count("select count(*) from contact")).isZero();
    }
}
