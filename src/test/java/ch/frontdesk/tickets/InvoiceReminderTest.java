package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unpaid invoice orders hold their seats for days, and their buyers are reminded once before the hold lapses. */
@QuarkusTest
class InvoiceReminderTest extends FrontdeskTest {

    /** The default invoice hold, and the default time before its end when the reminder goes out. */
    private static final Duration HOLD = Duration.ofDays(5);
    private static final Duration REMINDER_BEFORE = Duration.ofDays(2);

    @Inject
    OrderExpiry expiry;

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 100, null);
    }

    private String placed(String buyer) {
        return place(order("conference", 2, buyer)).then().statusCode(201).extract().path("id");
    }

    private long reminders() {
        return database.count("select count(*) from outbox_message where kind = 'tickets.order-reminder'");
    }

    @Test
    void oneReminderGoesOutInsideTheWindowAndTheOrderStillExpiresWhenTheHoldLapses() {
        Instant placedAt = clock.instant();
        String id = placed("buyer@example.org");
        assertThat(admin().get("/api/admin/orders/" + id).then().extract().<String>path("expiresAt"))
                .isEqualTo(placedAt.plus(HOLD).toString());

        clock.set(placedAt.plus(HOLD).minus(REMINDER_BEFORE).minusSeconds(1));
        assertThat(expiry.remindDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(expiry.remindDue()).isEqualTo(1);
        assertThat(expiry.remindDue()).as("the next pass").isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(expiry.remindDue()).as("a day later").isZero();

        List<Mail> mails = deliverTo("buyer@example.org");
        assertThat(mails).hasSize(2);
        Mail reminder = mails.get(1);
        String reference = (String) database.single("select payment_reference from ticket_order");
        // 15 January 2026, 09:00 UTC plus five days, in the event's time zone.
        assertThat(reminder.getSubject()).contains("Reminder").contains("20 January 2026, 10:00 CET");
        for (String text : List.of(reminder.getText(), reminder.getHtml())) {
            assertThat(text).contains(reference, "CHF 600.00", "CH93 0076 2011 6238 5295 7",
                    "20 January 2026, 10:00 CET", "/orders/" + id + "?token=");
        }
        assertThat(tokenIn(reminder.getText(), "/orders/" + id))
                .isEqualTo(tokenIn(mails.get(0).getText(), "/orders/" + id));

        clock.set(placedAt.plus(HOLD).minusSeconds(1));
        assertThat(expiry.expireDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(expiry.expireDue()).isEqualTo(1);
        assertThat(database.single("select status from ticket_order")).isEqualTo("expired");
        assertThat(seats("conference")).containsEntry("held", 0);
        assertThat(expiry.remindDue()).isZero();
        assertThat(reminders()).isEqualTo(1);
    }

    @Test
    void paidAndCancelledOrdersGetNoReminder() {
        String paid = placed("paid@example.org");
        String cancelled = placed("cancelled@example.org");
        placed("unpaid@example.org");
        admin().post("/api/admin/orders/" + paid + "/mark-paid").then().statusCode(200);
        admin().post("/api/admin/orders/" + cancelled + "/cancel").then().statusCode(200);

        clock.advance(HOLD.minus(REMINDER_BEFORE));
        assertThat(expiry.remindDue()).isEqualTo(1);

        assertThat(database.count("""
                select count(*) from outbox_message m join contact c on c.id = m.contact_id
                where m.kind = 'tickets.order-reminder' and c.email = 'unpaid@example.org'""")).isEqualTo(1);
        assertThat(reminders()).isEqualTo(1);
    }

    @Test
    void twoInstancesRemindingAtOnceSendEachReminderExactlyOnce() throws Exception {
        for (int i = 0; i < 6; i++) {
            placed("buyer" + i + "@example.org");
        }
        clock.advance(HOLD.minus(REMINDER_BEFORE));

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = instances.submit(() -> {
                start.await();
                return expiry.remindDue();
            });
            Future<Integer> second = instances.submit(() -> {
                start.await();
                return expiry.remindDue();
            });
            assertThat(first.get() + second.get()).isEqualTo(6);
        } finally {
            instances.shutdownNow();
        }
        assertThat(reminders()).isEqualTo(6);
        assertThat(database.count("select count(*) from ticket_order where reminded_at is not null")).isEqualTo(6);
    }
}
