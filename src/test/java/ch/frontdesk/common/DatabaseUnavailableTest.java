package ch.frontdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is out of reach" (503, try again) rather than a failure of ours (500). */
class DatabaseUnavailableTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsTheDatabaseBeingAway() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailable.causes(new IllegalStateException(
                new jakarta.persistence.PersistenceException(new JDBCConnectionException("x", ioError))))).isTrue();
        assertThat(DatabaseUnavailable.causes(new RuntimeException(
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.reason(new RuntimeException(ioError)))
                .isEqualTo("08006: An I/O error occurred while sending to the backend.");
    }

    @Test
    void aServerShuttingDownOrStillStartingIsTheDatabaseBeingAway() {
        assertThat(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void noConnectionWithinTheAcquisitionTimeoutIsTheDatabaseBeingAway() {
        assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException(
                "Acquisition timeout while waiting for new connection", new java.util.concurrent.TimeoutException()))))
                .isTrue();
    }

    @Test
    void aFailedCommitThatSuppressedTheDriversErrorIsRecognisedToo() {
        RuntimeException rollback = new RuntimeException("commit failed");
        rollback.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertThat(DatabaseUnavailable.causes(rollback)).isTrue();
    }

    @Test
    void errorsOfTheRequestOrOfOurCodeAreNot() {
        assertThat(DatabaseUnavailable.causes(new ConstraintViolationException("dup",
                new SQLException("duplicate key", "23505"), "c"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new NullPointerException())).isFalse();
        RuntimeException loop = new RuntimeException();
        loop.initCause(new IllegalStateException(loop));
        assertThat(DatabaseUnavailable.causes(loop)).isFalse();
    }
}
