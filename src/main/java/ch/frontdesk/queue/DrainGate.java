package ch.frontdesk.queue;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lets queue drains run until the service shuts down, then lets the rows in hand finish. A drain claims no new row
 * once the gate is closed (when the shutdown delay starts, or at the latest when shutdown begins), and shutdown waits
 * for the drains still running, before the database pool and the mailer close under them: a mail being sent when
 * {@code SIGTERM} arrives is sent and recorded as sent, not left leased for another instance to send again.
 */
@ApplicationScoped
public class DrainGate {

    private static final Logger LOG = Logger.getLogger(DrainGate.class);

    /** Beyond the longest a row can be in hand (one SMTP send, bounded by the mailer's timeout). */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final Duration longestWait;
    private boolean closed;
    private int running;

    DrainGate(@ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s") Duration mailerTimeout) {
        this.longestWait = mailerTimeout.plus(MARGIN);
    }

    /** Runs {@code drain} unless the gate is closed (then 0): shutdown waits for it to return. */
    int run(IntSupplier drain) {
        synchronized (this) {
            if (closed) {
                return 0;
            }
            running++;
        }
        try {
            return drain.getAsInt();
        } finally {
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /** Whether a drain may claim another row. */
    synchronized boolean open() {
        return !closed;
    }

    /** The instance leaves the load balancer: other instances take the queues over from now on. */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent delay) {
        close();
    }

    /** Runs before every other shutdown observer, while the database and the mailer are still there. */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        close();
        awaitDrains();
    }

    synchronized void close() {
        closed = true;
    }

    private synchronized void awaitDrains() {
        if (running == 0) {
            return;
        }
        long deadline = System.nanoTime() + longestWait.toNanos();
        LOG.infof("Waiting for %d queue drain(s) to finish the row in hand", running);
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // The row stays leased and another instance takes it over when its lease runs out.
                LOG.warnf("%d queue drain(s) still running after %s; shutting down anyway", running, longestWait);
                return;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("Queue drains stopped");
    }
}
