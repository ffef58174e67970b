package ch.frontdesk.payment;

import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;

import ch.frontdesk.common.Language;
import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a measurement, run on demand ({@code -DmeasureOrderCost=true -Dtest=InvoiceOrderCostMeasurement}), of
 * what placing an invoice order costs the server (CPU of the process less the test thread's, which is the client;
 * JIT and GC threads included, so the figure is noisy: compare the best rounds), what sending its mail costs the
 * sender, and what rendering one invoice costs. It prints its figures and asserts nothing.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measureOrderCost", matches = "true")
class InvoiceOrderCostMeasurement extends FrontdeskTest {

    private static final int WARM_UP = 300;
    private static final int ROUNDS = 6;
    private static final int ORDERS = 300;

    @Inject
    InvoicePdf invoices;

    @Test
    void measure() {
        createEvent();
        createType("conference", 100_000, null);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        for (int i = 0; i < WARM_UP; i++) {
            place(order("conference", 1, "warm" + i + "@example.org")).then().statusCode(201);
        }
        outboxSender.sendDue();

        for (int round = 1; round <= ROUNDS; round++) {
            long wall = System.nanoTime();
            long process = os.getProcessCpuTime();
            long client = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ORDERS; i++) {
                place(order("conference", 1, "buyer" + round + "-" + i + "@example.org")).then().statusCode(201);
            }
            long wallNs = System.nanoTime() - wall;
            long serverCpuNs = (os.getProcessCpuTime() - process) - (threads.getCurrentThreadCpuTime() - client);

            long sendCpu = threads.getCurrentThreadCpuTime();
            long sendWall = System.nanoTime();
            int sent = outboxSender.sendDue();
            long sendCpuNs = threads.getCurrentThreadCpuTime() - sendCpu;
            long sendWallNs = System.nanoTime() - sendWall;

            System.out.printf("MEASURE round %d: orders=%d wall/order=%.2f ms server-cpu/order=%.2f ms | sent=%d"
                            + " sender-cpu/mail=%.2f ms sender-wall/mail=%.2f ms%n", round,
                    ORDERS, wallNs / 1e6 / ORDERS, serverCpuNs / 1e6 / ORDERS, sent,
                    sendCpuNs / 1e6 / Math.max(1, sent), sendWallNs / 1e6 / Math.max(1, sent));
        }

        var invoice = InvoicePdfTest.order(Language.EN, InvoicePdfTest.PLAIN, "Ada Lovelace",
                InvoicePdfTest.twoTickets());
        for (int i = 0; i < 100; i++) {
            invoices.render(invoice);
        }
        long render = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < ORDERS; i++) {
            invoices.render(invoice);
        }
        System.out.printf("MEASURE render-cpu/invoice=%.2f ms%n",
                (threads.getCurrentThreadCpuTime() - render) / 1e6 / ORDERS);
    }
}
