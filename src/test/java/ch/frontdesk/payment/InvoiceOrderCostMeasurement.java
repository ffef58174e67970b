package ch.frontdesk.payment;

import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a measurement, run on demand ({@code -Dfrontdesk.measure=true -Dtest=InvoiceOrderCostMeasurement}), of
 * what placing an invoice order costs the server (CPU of the process less the test thread's, which is the client),
 * and what sending its mail costs the sender. It prints its figures and asserts nothing.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "frontdesk.measure", matches = "true")
class InvoiceOrderCostMeasurement extends FrontdeskTest {

    private static final int WARM_UP = 100;
    private static final int ORDERS = 300;

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

        long wall = System.nanoTime();
        long process = os.getProcessCpuTime();
        long client = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < ORDERS; i++) {
            place(order("conference", 1, "buyer" + i + "@example.org")).then().statusCode(201);
        }
        long wallNs = System.nanoTime() - wall;
        long serverCpuNs = (os.getProcessCpuTime() - process) - (threads.getCurrentThreadCpuTime() - client);

        long sendCpu = threads.getCurrentThreadCpuTime();
        long sendWall = System.nanoTime();
        int sent = outboxSender.sendDue();
        long sendCpuNs = threads.getCurrentThreadCpuTime() - sendCpu;
        long sendWallNs = System.nanoTime() - sendWall;

        System.out.printf("MEASURE orders=%d wall/order=%.2f ms server-cpu/order=%.2f ms | sent=%d"
                        + " sender-cpu/mail=%.2f ms sender-wall/mail=%.2f ms%n",
                ORDERS, wallNs / 1e6 / ORDERS, serverCpuNs / 1e6 / ORDERS, sent, sendCpuNs / 1e6 / Math.max(1, sent),
                sendWallNs / 1e6 / Math.max(1, sent));
    }
}
