package ch.frontdesk.tickets;

import static ch.frontdesk.testing.AdminApi.admin;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import ch.frontdesk.testing.Seed;
import ch.frontdesk.testing.Seed.Order;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketsCsvExportTest extends FrontdeskTest {

    static final int TICKETS = 100_000;

    @Inject
    Seed seed;

    @Test
    void anExportOfAHundredThousandTicketsAnswersEveryRow() throws Exception {
        long event = seed.event("summit-2027");
        long type = seed.ticketType(event, "conference", null, null, 0);
        long buyer = seed.contact("buyer@example.org", "Buyer", Instant.parse("2026-01-01T00:00:00Z"));
        Order order = seed.order(event, buyer, "Buyer", "confirmed", 0, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
        seed.execute("""
                insert into ticket (order_id, ticket_type_id, attendee_id, attendee_name, price_amount, price_label,
                                    early_bird_seat, code, seat_bucket, created_at)
                select ?, ?, ?, 'Attendee ' || g, 50000, 'regular', false, 'CODE-' || g, 0,
                       timestamptz '2026-01-01 00:00:00Z' + g * interval '1 second'
                from generate_series(1, ?) g""", order.id(), type, buyer, TICKETS);

        int lines = 0;
        String first = null;
        String last = null;
        try (InputStream body = admin().get("/api/admin/tickets.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                // Written as it is read: an answer built in memory first would carry a Content-Length.
                .header("Transfer-Encoding", "chunked")
                .header("Content-Length", org.hamcrest.Matchers.nullValue())
                .extract().asInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines == 1) {
                    first = line;
                }
                last = line;
                lines++;
            }
        }
        assertThat(lines).isEqualTo(TICKETS + 1);
        // Newest first: the last ticket inserted leads, the first one closes the file.
        assertThat(first).contains(",Attendee 100000,").endsWith(",confirmed,CODE-100000,");
        assertThat(last).contains(",Attendee 1,").endsWith(",confirmed,CODE-1,");
    }
}
