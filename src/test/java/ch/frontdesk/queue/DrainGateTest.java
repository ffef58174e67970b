package ch.frontdesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DrainGateTest {

    private final DrainGate gate = new DrainGate(Duration.ofSeconds(30));

    @Test
    void aDrainRunsWhileTheServiceRuns() {
        assertThat(gate.open()).isTrue();
        assertThat(gate.run(() -> 7)).isEqualTo(7);
    }

    @Test
    void onceTheShutdownDelayStartsNoDrainBeginsAndNoFurtherRowIsClaimed() {
        gate.onShutdownDelay(new ShutdownDelayInitiatedEvent());

        AtomicBoolean ran = new AtomicBoolean();
        assertThat(gate.run(() -> {
            ran.set(true);
            return 1;
        })).isZero();
        assertThat(ran).isFalse();
        assertThat(gate.open()).as("a drain in progress checks this before each row").isFalse();
    }

    @Test
    void shutdownWaitsForTheDrainThatHoldsARow() throws Exception {
        CountDownLatch rowInHand = new CountDownLatch(1);
        CountDownLatch finishRow = new CountDownLatch(1);
        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            rowInHand.countDown();
            await(finishRow);
            return 1;
        }));
        assertThat(rowInHand.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> gate.onShutdown(new ShutdownEvent()));
        // Shutdown is blocked for as long as the row is in hand; a short look is enough to see it has not returned.
        assertThat(shutdown).failsWithin(Duration.ofMillis(300)).withThrowableOfType(
                java.util.concurrent.TimeoutException.class);
        finishRow.countDown();

        shutdown.get(10, TimeUnit.SECONDS);
        assertThat(drain.get()).as("the row in hand was finished").isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
