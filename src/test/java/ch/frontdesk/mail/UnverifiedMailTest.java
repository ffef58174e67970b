package ch.frontdesk.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mail sent on a stranger's say-so to an address nobody confirmed: capped per address and day, names cleaned. */
@QuarkusTest
class UnverifiedMailTest extends FrontdeskTest {

    /** Stands for any feature that mails an unconfirmed address (an order received, pledge instructions...). */
    @ApplicationScoped
    static class Feature {
        @Inject
        Outbox outbox;

        @Transactional
        Optional<Instant> mail(String to, String kind) {
            return outbox.enqueueToUnverified(to, () -> new OutgoingMail(kind, null, to, "About your request",
                    "text", null, Map.of()));
        }
    }

    @Inject
    Feature feature;

    private static void signUp(String email, String name) {
        given().contentType(ContentType.JSON).body(Map.of("email", email, "name", name, "consent", true))
                .post("/api/newsletter/subscriptions").then().statusCode(202);
    }

    @Test
    void theFourthMailToOneUnconfirmedAddressInADayIsNotSentWhateverItsKind() {
        signUp("ada@example.org", "Ada");
        assertThat(deliverTo("ada@example.org")).hasSize(1);
        assertThat(feature.mail("ADA@example.org", "tickets.order-received")).isEmpty();
        assertThat(feature.mail("ada@example.org", "support.instructions")).isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(feature.mail("ada@example.org", "tickets.waitlist-joined"))
                .contains(clock.instant().minus(Duration.ofHours(1)).plus(Duration.ofHours(24)));
        signUp("ada@example.org", "Ada");
        applySignups();
        assertThat(database.count("select count(*) from outbox_message where recipient ilike 'ada@example.org'"))
                .isEqualTo(3);
        assertThat(feature.mail("grace@example.org", "tickets.order-received")).as("another address").isEmpty();

        clock.advance(Duration.ofHours(23));
        assertThat(feature.mail("ada@example.org", "tickets.order-received")).as("a day later").isEmpty();
        assertThat(database.count("select count(*) from unverified_mail")).as("old counts are dropped").isEqualTo(2);
    }

    @Test
    void aNameTypedWithALinkComesOutShortenedAndStrippedInTheConfirmationMail() {
        signUp("ada@example.org", "Ada Lovelace see https://evil.example/prize and evil.example for your reward now!!");

        var mail = deliverTo("ada@example.org").get(0);

        assertThat(mail.getText()).startsWith("Hello Ada Lovelace see and for your reward now,\n")
                .doesNotContain("evil.example");
        assertThat(mail.getHtml()).doesNotContain("evil.example").contains("Ada Lovelace see and for your reward now").doesNotContain("now!");
    }
}
