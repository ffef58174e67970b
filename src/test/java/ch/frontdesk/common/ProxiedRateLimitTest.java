package ch.frontdesk.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.BehindLocalProxy;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy (the test client's own 127.0.0.1), the client is the address in X-Forwarded-For. */
@QuarkusTest
@TestProfile(BehindLocalProxy.class)
class ProxiedRateLimitTest extends FrontdeskTest {

    private static int signUp(String email, String forwardedFor) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", forwardedFor)
                .body(Map.of("email", email, "consent", true))
                .post("/api/newsletter/subscriptions").statusCode();
    }

    @Test
    void theForwardedClientIsLimitedAndRecordedNotTheProxy() {
        assertThat(signUp("a1@example.org", "203.0.113.7")).isEqualTo(202);
        assertThat(signUp("a2@example.org", "198.51.100.1, 203.0.113.7")).isEqualTo(202);
        assertThat(signUp("a3@example.org", "203.0.113.7")).isEqualTo(429);
        // Another client behind the same proxy still has its own bucket.
        assertThat(signUp("b1@example.org", "203.0.113.8")).isEqualTo(202);

        applySignups();
        assertThat(database.single("select client_address from consent_record cr join contact c on c.id = cr.contact_id"
                + " where c.email = 'a2@example.org'")).isEqualTo("203.0.113.7");
    }

    @Test
    void twoIpv6AddressesInOneSlash64ShareALimitAndDifferentSlash64sDoNot() {
        assertThat(signUp("c1@example.org", "2001:db8:1:2::a")).isEqualTo(202);
        assertThat(signUp("c2@example.org", "2001:db8:1:2:ffff:ffff:ffff:b")).isEqualTo(202);
        assertThat(signUp("c3@example.org", "2001:db8:1:2::c")).isEqualTo(429);
        assertThat(signUp("d1@example.org", "2001:db8:1:3::a")).isEqualTo(202);

        applySignups();
        // The consent record keeps the full address; only the limit counts the network.
        assertThat(database.single("select client_address from consent_record cr join contact c on c.id = cr.contact_id"
                + " where c.email = 'c2@example.org'")).isEqualTo("2001:db8:1:2:ffff:ffff:ffff:b");
    }
}
