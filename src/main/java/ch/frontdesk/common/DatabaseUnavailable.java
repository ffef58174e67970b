package ch.frontdesk.common;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached", as opposed to a failure of the request: what a
 * client sees while PostgreSQL restarts or fails over. Such a failure is answered {@code 503} with
 * {@code Retry-After} (see {@link ProblemMapper}), since nothing was committed and the same request should work soon.
 */
public final class DatabaseUnavailable {

    /** Long enough for a restart or a failover to finish, short enough for a person who is waiting. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /**
     * In what Agroal throws when no connection could be had within {@code quarkus.datasource.jdbc.acquisition-timeout}
     * ("Sorry, acquisition timeout!", or "Acquisition timeout while waiting for new connection", by version).
     */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseUnavailable() {
    }

    /** Whether {@code error}, or anything it wraps or suppressed, says the database is out of reach. */
    public static boolean causes(Throwable error) {
        return first(error) != null;
    }

    /** The database's own words for it, for one line in the log (no SQL, no stack trace). */
    static String reason(Throwable error) {
        Throwable cause = first(error);
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState() + ": " + sql.getMessage();
        }
        return cause == null ? String.valueOf(error) : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable first(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(error);
        while (!next.isEmpty()) {
            Throwable at = next.poll();
            if (!seen.add(at)) {
                continue;
            }
            if (unreachable(at)) {
                return at;
            }
            if (at.getCause() != null) {
                next.add(at.getCause());
            }
            // A failed commit reports the driver's error as suppressed rather than as its cause.
            Collections.addAll(next, at.getSuppressed());
        }
        return null;
    }

    private static boolean unreachable(Throwable error) {
        if (error instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (!(error instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null) {
            // Class 08: connection exceptions. 57P01/57P02/57P03: the server is shutting down, crashed, or is still
            // starting up (admin_shutdown, crash_shutdown, cannot_connect_now).
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03");
        }
        return sql.getMessage() != null
                && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains(ACQUISITION_TIMEOUT);
    }
}
