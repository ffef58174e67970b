package ch.frontdesk.contact;

import static ch.frontdesk.testing.AdminApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactListTest extends FrontdeskTest {

    @Inject
    Seed seed;

    long ada;
    long bob;

    @BeforeEach
    void contacts() {
        ada = seed.contact("ada@example.org", "Ada Lovelace", Instant.parse("2026-01-01T10:00:00Z"));
        bob = seed.contact("bob@example.org", null, Instant.parse("2026-01-02T10:00:00Z"));
        seed.subscription(ada, "active", Instant.parse("2026-01-01T10:00:00Z"));
        seed.pledge(ada, seed.tier("reader-monthly", 500, "month"), "cancelled", 500, "CHF", "month",
                Instant.parse("2026-01-01T11:00:00Z"));
        long event = seed.event("summit-2027");
        seed.order(event, ada, "Ada", "confirmed", 0, Instant.parse("2026-01-03T10:00:00Z"), null);
        seed.order(event, ada, "Ada", "cancelled", 0, Instant.parse("2026-01-04T10:00:00Z"), null);
    }

    @Test
    void contactsShowWhatEachPersonHasWithUs() {
        admin().get("/api/admin/contacts").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.email", contains("bob@example.org", "ada@example.org"))
                .body("items[1].id", equalTo((int) ada))
                .body("items[1].name", equalTo("Ada Lovelace"))
                .body("items[1].createdAt", equalTo("2026-01-01T10:00:00Z"))
                .body("items[1].subscription", equalTo("active"))
                .body("items[1].hasPledges", equalTo(true))
                .body("items[1].orders", equalTo(2))
                .body("items[0].subscription", nullValue())
                .body("items[0].hasPledges", equalTo(false))
                .body("items[0].orders", equalTo(0));
    }

    @Test
    void contactsAreSearchedSortedAndPaged() {
        admin().queryParam("q", "LOVE").get("/api/admin/contacts").then()
                .body("total", equalTo(1)).body("items.email", contains("ada@example.org"));
        admin().queryParam("sort", "email").queryParam("size", 1).get("/api/admin/contacts").then()
                .body("total", equalTo(2)).body("items.email", contains("ada@example.org"));
        admin().queryParam("from", "2026-01-02").get("/api/admin/contacts").then()
                .body("items.email", contains("bob@example.org"));
        admin().queryParam("sort", "orders").get("/api/admin/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void theContactsCsvHasAHeaderAndOneRecordPerContact() {
        String csv = admin().queryParam("sort", "email").get("/api/admin/contacts.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        assertThat(csv).isEqualTo("id,email,name,created_at,subscription,has_pledges,orders\r\n"
                + ada + ",ada@example.org,Ada Lovelace,2026-01-01T10:00:00Z,active,true,2\r\n"
                + bob + ",bob@example.org,,2026-01-02T10:00:00Z,,false,0\r\n");
    }
}
