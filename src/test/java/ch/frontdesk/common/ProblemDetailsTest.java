package ch.frontdesk.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest extends FrontdeskTest {

    @Test
    void anUnknownPathIsA404Problem() {
        given().get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", notNullValue())
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", notNullValue());
    }

    @Test
    void aWrongMethodIsA405Problem() {
        given().delete("/api/newsletter/subscriptions").then().statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
        given().get("/api/newsletter/confirm").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsA413ProblemOnEveryPath() {
        given().contentType(ContentType.JSON).body("{\"token\":\"" + "t".repeat(65 * 1024) + "\"}")
                .post("/api/newsletter/confirm")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void noErrorRevealsClassNamesOrStackTraces() {
        given().contentType(ContentType.JSON).body("{\"email\": [1,2,3], \"consent\": true}")
                .post("/api/newsletter/subscriptions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("java.")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("at ch.frontdesk")))
                .body("errors[0].field", equalTo("email"));
    }
}
