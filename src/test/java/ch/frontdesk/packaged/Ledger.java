package ch.frontdesk.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the fault tests check in the instance's schema, straight from PostgreSQL (not through the proxy the
 * instance may be using). The seat counters are read in {@link #seats()} only: if they move (say, to several rows per
 * ticket type), that method is the one to change.
 */
final class Ledger {

    private final String schema;

    Ledger(String schema) {
        this.schema = schema;
    }

    /** Orders and tickets as stored, and the seat counters beside them. */
    record Seats(long orders, long tickets, long pendingTickets, long confirmedTickets, long held, long sold) {

        /** Every order has its ticket, and the counters say what the tickets say: nothing half-written. */
        boolean agree() {
            return orders == tickets && held == pendingTickets && sold == confirmedTickets;
        }
    }

    Seats seats() {
        return query("""
                select (select count(*) from ticket_order),
                       (select count(*) from ticket),
                       (select count(*) from ticket t join ticket_order o on o.id = t.order_id
                         where o.status = 'pending_payment'),
                       (select count(*) from ticket t join ticket_order o on o.id = t.order_id
                         where o.status = 'confirmed'),
                       (select coalesce(sum(held), 0) from seat_count),
                       (select coalesce(sum(sold), 0) from seat_count)""",
                rows -> new Seats(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                        rows.getLong(6)));
    }

    /** Public ids of the stored orders and their status. */
    Map<String, String> orders() {
        return map("select public_id::text, status from ticket_order order by id");
    }

    /** Every outbox message by id, with its status. */
    Map<Long, String> outbox() {
        Map<Long, String> rows = new LinkedHashMap<>();
        map("select id::text, status from outbox_message order by id")
                .forEach((id, status) -> rows.put(Long.parseLong(id), status));
        return rows;
    }

    /** Ids of the outbox messages leased by a sender and not yet recorded as sent or failed. */
    Set<Long> sending() {
        Set<Long> ids = new HashSet<>();
        outbox().forEach((id, status) -> {
            if (status.equals("sending")) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The most attempts any outbox message has had. */
    long mostOutboxAttempts() {
        return query("select coalesce(max(attempts), 0) from outbox_message", rows -> rows.getLong(1));
    }

    /** Queue rows set aside as dead, in every queue. */
    long deadQueueRows() {
        return query("select count(*) from queue_failure where dead_at is not null", rows -> rows.getLong(1));
    }

    /** Sign-ups still waiting to be applied. */
    long unappliedSignups() {
        return query("select count(*) from newsletter_signup", rows -> rows.getLong(1));
    }

    long count(String sql) {
        return query(sql, rows -> rows.getLong(1));
    }

    /** Every row of {@code sql}, each as its column values. */
    java.util.List<Object[]> rows(String sql) {
        java.util.List<Object[]> result = new java.util.ArrayList<>();
        try (Connection connection = connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getObject(i + 1);
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private Map<String, String> map(String sql) {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection connection = connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T query(String sql, Row<T> row) {
        try (Connection connection = connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return row.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres?currentSchema=" + schema,
                "postgres", "postgres");
    }
}
