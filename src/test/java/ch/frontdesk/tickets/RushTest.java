package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sales open and everyone orders at the same minute: never a seat sold twice. */
@QuarkusTest
class RushTest extends FrontdeskTest {

    private static final int CAPACITY = 100;
    private static final int BUYERS = 16;
    private static final int ORDERS_PER_BUYER = 10;

    @Test
    void moreBuyersThanSeatsSellExactlyTheCapacityAndEveryoneElseGets409() throws Exception {
        createEvent();
        createType("conference", CAPACITY, 20);

        CyclicBarrier start = new CyclicBarrier(BUYERS);
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        List<Future<int[]>> results = new ArrayList<>();
        long began;
        try {
            for (int b = 0; b < BUYERS; b++) {
                int buyer = b;
                results.add(pool.submit(() -> {
                    start.await();
                    int[] outcome = new int[2];
                    for (int i = 0; i < ORDERS_PER_BUYER; i++) {
                        var answer = place(order("conference", 1, "buyer" + buyer + "-" + i + "@example.org"));
                        int status = answer.statusCode();
                        if (status == 201) {
                            outcome[0]++;
                        } else if (status == 409 && answer.jsonPath().getString("type").endsWith("/sold-out")) {
                            outcome[1]++;
                        } else {
                            throw new AssertionError("unexpected status " + status);
                        }
                    }
                    return outcome;
                }));
            }
            began = System.nanoTime();
            int created = 0;
            int soldOut = 0;
            for (Future<int[]> result : results) {
                int[] outcome = result.get();
                created += outcome[0];
                soldOut += outcome[1];
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("Rush: %d orders (%d placed, %d sold out) in %.2f s: %.0f orders/s%n",
                    created + soldOut, created, soldOut, seconds, (created + soldOut) / seconds);

            assertThat(created).isEqualTo(CAPACITY);
            assertThat(soldOut).isEqualTo(BUYERS * ORDERS_PER_BUYER - CAPACITY);
        } finally {
            pool.shutdownNow();
        }

        assertThat(seats("conference")).containsEntry("held", CAPACITY).containsEntry("sold", 0)
                .containsEntry("earlyBirdTaken", 20);
        assertThat(database.count("select count(*) from ticket_order")).isEqualTo(CAPACITY);
        assertThat(database.count("select count(*) from ticket")).isEqualTo(CAPACITY);
        assertThat(database.count("select count(*) from ticket where price_label = 'early-bird'")).isEqualTo(20);
        assertThat(database.count("select held from seat_count")).isEqualTo(database.count("""
                select count(*) from ticket t join ticket_order o on o.id = t.order_id
                where o.status = 'pending_payment'"""));
        assertThat(SeatAudit.mismatches(database)).isZero();
    }
}
