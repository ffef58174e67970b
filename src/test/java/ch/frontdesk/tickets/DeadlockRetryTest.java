package ch.frontdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.tickets.OrderReservation.Reservation;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A reservation PostgreSQL rolled back as a deadlock victim is tried again; any other failure is not. */
class DeadlockRetryTest {

    private static RuntimeException failure(String sqlState) {
        return new IllegalStateException("could not execute statement",
                new SQLException("ERROR: deadlock detected", sqlState));
    }

    @Test
    void aDeadlockVictimIsTriedAgainAndSucceeds() {
        AtomicInteger tries = new AtomicInteger();
        Reservation placed = new Reservation(null, null, null);

        Reservation result = OrderService.reserveRetryingDeadlocks(() -> {
            if (tries.incrementAndGet() == 1) {
                throw failure("40P01");
            }
            return placed;
        });

        assertThat(result).isSameAs(placed);
        assertThat(tries).hasValue(2);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> OrderService.reserveRetryingDeadlocks(() -> {
            tries.incrementAndGet();
            throw failure("23505");
        })).hasRootCauseMessage("ERROR: deadlock detected");
        assertThat(tries).hasValue(1);
    }

    @Test
    void aDeadlockThatKeepsComingBackIsGivenUpAfterThreeTries() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> OrderService.reserveRetryingDeadlocks(() -> {
            tries.incrementAndGet();
            throw failure("40P01");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(3);
    }
}
