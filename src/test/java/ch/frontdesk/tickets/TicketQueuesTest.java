package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import ch.frontdesk.testing.FrontdeskTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket jobs on the queue worker: an order or an offer that cannot be handled is given up on after five attempts
 * and shown to the admin, while the rows behind it are handled. The poison is a trigger that refuses any change to
 * one row, as a broken row or a bug would, installed by the test and dropped after it.
 */
@QuarkusTest
class TicketQueuesTest extends FrontdeskTest {

    private static final Duration INVOICE_HOLD = Duration.ofDays(5);
    private static final Duration OFFER_VALIDITY = Duration.ofHours(48);

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry metrics;

    private void ddl(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }

    /** Any change to the row {@code id} of {@code table} fails, and rolls back whatever went with it. */
    private void poison(String table, long id) {
        ddl("""
                create or replace function poisoned_row() returns trigger language plpgsql as $$
                begin raise exception 'poisoned row %', old.id; end $$""");
        ddl("create trigger poisoned_row before update on " + table + " for each row when (old.id = " + id
                + ") execute function poisoned_row()");
    }

    @AfterEach
    void dropPoison() {
        ddl("drop trigger if exists poisoned_row on ticket_order");
        ddl("drop trigger if exists poisoned_row on waitlist_entry");
        ddl("drop function if exists poisoned_row()");
    }

    private static OrderExpiry expiry() {
        return Arc.container().instance(OrderExpiry.class).get();
    }

    private static Waitlist waitlist() {
        return Arc.container().instance(Waitlist.class).get();
    }

    private long orderId(String publicId) {
        return database.count("select id from ticket_order where public_id = cast(?1 as uuid)", publicId);
    }

    private double failures(String queue) {
        return metrics.counter("frontdesk.queue.failures", "queue", queue).count();
    }

    @Test
    void aPoisonedOrderIsGivenUpOnAfterFiveAttemptsWhileTheOrdersBehindItExpire() {
        createEvent();
        createType("conference", 10, null);
        long poisoned = orderId(place(order("conference", 1, "first@example.org")).then().statusCode(201)
                .extract().path("id"));
        place(order("conference", 2, "second@example.org")).then().statusCode(201);
        place(order("conference", 1, "third@example.org")).then().statusCode(201);
        outboxSender.sendDue();
        mailbox.clear();
        poison("ticket_order", poisoned);
        double failuresBefore = failures(OrderExpiry.EXPIRE_UNPAID);

        clock.advance(INVOICE_HOLD.plusSeconds(1));
        assertThat(expiry().expireDue()).as("the two orders behind the poisoned one").isEqualTo(2);
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofHours(1));
            assertThat(expiry().expireDue()).isZero();
        }
        clock.advance(Duration.ofDays(1));
        assertThat(expiry().expireDue()).as("dead, however often the job runs").isZero();

        assertThat(database.single("select status from ticket_order where id = ?1", poisoned))
                .isEqualTo("pending_payment");
        assertThat(seats("conference")).as("the poisoned order's seat, nothing half-released")
                .containsEntry("held", 1);
        assertThat(database.count("select count(*) from ticket_order where status = 'expired'")).isEqualTo(2);
        assertThat(deliverTo("second@example.org")).extracting(Mail::getSubject)
                .anyMatch(s -> s.contains("has expired"));
        assertThat(deliverTo("first@example.org")).isEmpty();
        assertThat(failures(OrderExpiry.EXPIRE_UNPAID) - failuresBefore).isEqualTo(5);
        admin().get("/api/admin/queues").then().statusCode(200)
                .body("queue", hasItems(OrderExpiry.EXPIRE_UNPAID, OrderExpiry.REMIND_INVOICE, Waitlist.LAPSE_OFFERS))
                .body("find { it.queue == 'tickets.expire-unpaid' }.dead", equalTo(1))
                .body("find { it.queue == 'tickets.expire-unpaid' }.waiting", equalTo(0));
        admin().get("/api/admin/queues/dead?queue=" + OrderExpiry.EXPIRE_UNPAID).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo((int) poisoned))
                .body("[0].attempts", equalTo(5))
                .body("[0].lastError", containsString("poisoned row"));

        dropPoison();
        admin().post("/api/admin/queues/" + OrderExpiry.EXPIRE_UNPAID + "/" + poisoned + "/retry").then()
                .statusCode(200);
        assertThat(expiry().expireDue()).isEqualTo(1);
        assertThat(seats("conference")).containsEntry("held", 0);
    }

    @Test
    void aReminderThatFailsIsRetriedWithBackoffWhileTheOtherBuyersAreReminded() {
        createEvent();
        createType("conference", 10, null);
        long poisoned = orderId(place(order("conference", 1, "first@example.org")).then().statusCode(201)
                .extract().path("id"));
        place(order("conference", 1, "second@example.org")).then().statusCode(201);
        poison("ticket_order", poisoned);

        clock.advance(INVOICE_HOLD.minus(Duration.ofDays(2)));
        assertThat(expiry().remindDue()).isEqualTo(1);
        assertThat(expiry().remindDue()).as("the failed one backs off").isZero();
        assertThat(database.count("select count(*) from outbox_message where kind = 'tickets.order-reminder'"))
                .as("no reminder queued with the failed attempt").isEqualTo(1);

        dropPoison();
        clock.advance(Duration.ofMinutes(1));
        assertThat(expiry().remindDue()).as("tried again after its backoff").isEqualTo(1);
        assertThat(database.count("select count(*) from queue_failure")).isZero();
    }

    private void joinAndConfirm(String email) {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Waiting", "type", "conference", "quantity", 1))
                .post("/api/events/" + TicketFixtures.EVENT + "/waitlist").then().statusCode(202);
        List<Mail> mails = deliverTo(email);
        given().contentType(ContentType.JSON)
                .body(Map.of("token", tokenIn(mails.get(mails.size() - 1).getText(), "/waitlist/confirm")))
                .post("/api/waitlist/confirm").then().statusCode(200);
    }

    @Test
    void aPoisonedLapsedOfferIsGivenUpOnWhileTheOtherOffersLapse() {
        createEvent();
        createType("conference", 2, null);
        String soldOut = place(order("conference", 2, "early@example.org")).then().statusCode(201)
                .extract().path("id");
        joinAndConfirm("first@example.org");
        joinAndConfirm("second@example.org");
        admin().post("/api/admin/orders/" + soldOut + "/cancel").then().statusCode(200);
        assertThat(database.count("select count(*) from waitlist_entry where status = 'offered'")).isEqualTo(2);
        long poisoned = database.count("select w.id from waitlist_entry w join contact c on c.id = w.contact_id"
                + " where c.email = 'first@example.org'");
        poison("waitlist_entry", poisoned);

        clock.advance(OFFER_VALIDITY);
        assertThat(waitlist().lapseDue()).as("the offer behind the poisoned one").isEqualTo(1);
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofHours(1));
            assertThat(waitlist().lapseDue()).isZero();
        }

        assertThat(database.single("select status from waitlist_entry where id = ?1", poisoned)).isEqualTo("offered");
        assertThat(database.count("select count(*) from waitlist_entry where status = 'lapsed'")).isEqualTo(1);
        assertThat(seats("conference")).as("the poisoned offer's seat only").containsEntry("held", 1);
        admin().get("/api/admin/queues").then().statusCode(200)
                .body("find { it.queue == 'tickets.lapse-offers' }.dead", equalTo(1))
                .body("find { it.queue == 'tickets.lapse-offers' }.waiting", equalTo(0));
        admin().get("/api/admin/queues/dead?queue=" + Waitlist.LAPSE_OFFERS).then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo((int) poisoned)).body("[0].attempts", equalTo(5));
    }
}
