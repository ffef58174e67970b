package ch.frontdesk.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as a native query returns them, whichever Java type the driver and Hibernate chose for the column. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column: Hibernate may hand back an Instant, an OffsetDateTime or a Timestamp. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Not a point in time: " + value.getClass());
    }
}
