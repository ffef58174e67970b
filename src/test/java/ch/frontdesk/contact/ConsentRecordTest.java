package ch.frontdesk.contact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consent log is evidence: the database itself refuses to rewrite or delete it. */
@QuarkusTest
class ConsentRecordTest extends FrontdeskTest {

    @BeforeEach
    void oneConsent() {
        given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true, "source", "home"))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        applySignups();
    }

    @Test
    void theWordingAndOriginCannotBeChanged() {
        assertThatThrownBy(() -> database.count("update consent_record set source = 'forged' returning 1"))
                .hasStackTraceContaining("append-only");
        assertThat(database.single("select source from consent_record")).isEqualTo("home");
    }

    @Test
    void aConsentCannotBeDeleted() {
        assertThatThrownBy(() -> database.count("delete from consent_record returning 1"))
                .hasStackTraceContaining("append-only");
        assertThat(database.count("select count(*) from consent_record")).isEqualTo(1);
    }

    @Test
    void theConfirmationTimeIsSetOnceOnly() {
        database.count("update consent_record set confirmed_at = now() returning 1");
        assertThatThrownBy(() -> database.count("update consent_record set confirmed_at = now() + interval '1 day' returning 1"))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void anErasureMayForgetTheClientAndNothingElse() {
        database.count("update consent_record set client_address = null, user_agent = null returning 1");
        assertThat(database.single("select client_address is null and user_agent is null from consent_record"))
                .isEqualTo(true);

        assertThatThrownBy(() -> database.count("update consent_record set client_address = null, source = null returning 1"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> database.count("update consent_record set client_address = '10.1.1.1' returning 1"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> database.count(
                "update consent_record set user_agent = null, given_at = given_at - interval '1 day' returning 1"))
                .hasStackTraceContaining("append-only");
        assertThat(database.single("select source from consent_record")).isEqualTo("home");
    }

    @Test
    void forgettingOnlyTheUserAgentIsNotAnAnonymisation() {
        assertThatThrownBy(() -> database.count("update consent_record set user_agent = null returning 1"))
                .hasStackTraceContaining("append-only");
    }
}
