package ch.frontdesk.support;

import static ch.frontdesk.testing.AdminApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PledgeListTest extends FrontdeskTest {

    @Inject
    Seed seed;

    UUID monthly;
    UUID yearly;
    UUID once;

    @BeforeEach
    void pledges() {
        long reader = seed.tier("reader-monthly", 500, "month");
        long patron = seed.tier("patron-yearly", 10000, "year");
        long gift = seed.tier("one-off", 5000, "once");
        long ada = seed.contact("ada@example.org", "Ada Lovelace", Instant.parse("2026-01-01T00:00:00Z"));
        long bob = seed.contact("bob@example.org", "Bob", Instant.parse("2026-01-01T00:00:00Z"));
        monthly = seed.pledge(ada, reader, "active", 500, "CHF", "month", Instant.parse("2026-01-02T10:00:00Z"));
        yearly = seed.pledge(bob, patron, "pending_payment", 10000, "CHF", "year", Instant.parse("2026-01-03T10:00:00Z"));
        once = seed.pledge(bob, gift, "active", 5000, "EUR", "once", Instant.parse("2026-01-04T10:00:00Z"));
    }

    @Test
    void pledgesShowTierAmountIntervalAndStatusNewestFirst() {
        admin().get("/api/admin/pledges").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(once.toString(), yearly.toString(), monthly.toString()))
                .body("items[2].email", equalTo("ada@example.org"))
                .body("items[2].name", equalTo("Ada Lovelace"))
                .body("items[2].tier", equalTo("reader-monthly"))
                .body("items[2].amount.amount", equalTo(500))
                .body("items[2].amount.currency", equalTo("CHF"))
                .body("items[2].interval", equalTo("month"))
                .body("items[2].paymentMethod", equalTo("invoice"))
                .body("items[2].status", equalTo("active"))
                .body("items[2].paymentReference", equalTo("P-" + monthly))
                .body("items[2].createdAt", equalTo("2026-01-02T10:00:00Z"));
    }

    @Test
    void pledgesFilterByStatusTierSearchAndDates() {
        admin().queryParam("status", "active").get("/api/admin/pledges").then()
                .body("total", equalTo(2)).body("items.id", contains(once.toString(), monthly.toString()));
        admin().queryParam("tier", "patron-yearly").get("/api/admin/pledges").then()
                .body("items.id", contains(yearly.toString()));
        admin().queryParam("q", "bob").queryParam("sort", "amount").get("/api/admin/pledges").then()
                .body("items.id", contains(once.toString(), yearly.toString()));
        admin().queryParam("from", "2026-01-03").queryParam("to", "2026-01-03").get("/api/admin/pledges").then()
                .body("items.id", contains(yearly.toString()));
        admin().queryParam("status", "paid").get("/api/admin/pledges").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("from", "03.01.2026").get("/api/admin/pledges").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theCsvListsAmountsAsDecimalsWithTheirCurrency() {
        String csv = admin().queryParam("status", "active").queryParam("sort", "createdAt")
                .get("/api/admin/pledges.csv").then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "id,email,name,tier,amount,currency,interval,payment_method,status,payment_reference,created_at,current_period_end",
                monthly + ",ada@example.org,Ada Lovelace,reader-monthly,5.00,CHF,month,invoice,active,P-" + monthly
                        + ",2026-01-02T10:00:00Z,",
                once + ",bob@example.org,Bob,one-off,50.00,EUR,once,invoice,active,P-" + once + ",2026-01-04T10:00:00Z,");
    }
}
