package ch.frontdesk.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Makes background work due now, the one thing packaged tests do behind the API's back: the instances run on the
 * real clock, so instead of waiting days for a hold or a paid period to end, the row's deadline is moved into the
 * past (or near) and the instances' own jobs find it. Every statement that knows a column name is here, so a schema
 * change touches this class only.
 */
final class DueNow {

    private final String url;

    DueNow(String schema) {
        this.url = "jdbc:postgresql://localhost:5432/postgres?currentSchema=" + schema;
    }

    /** The unpaid orders' holds ended a second ago. */
    void holdsEnded(List<String> orderIds) {
        update("update ticket_order set expires_at = now() - interval '1 second'"
                + " where status = 'pending_payment' and public_id = any(?)", orderIds);
    }

    /** The active pledges' paid periods ended a second ago. */
    void paidPeriodsEnded(List<String> pledgeIds) {
        update("update pledge set current_period_end = now() - interval '1 second'"
                + " where status = 'active' and public_id = any(?)", pledgeIds);
    }

    /** The unpaid pledges' first invoices fell due a second ago. */
    void firstInvoicesOverdue(List<String> pledgeIds) {
        update("update pledge set payment_due_at = now() - interval '1 second'"
                + " where status = 'pending_payment' and public_id = any(?)", pledgeIds);
    }

    /** The active pledges renew {@code in} from now. */
    void renewIn(Duration in, List<String> pledgeIds) {
        update("update pledge set current_period_end = now() + make_interval(secs => " + in.toSeconds() + ")"
                + " where status = 'active' and public_id = any(?)", pledgeIds);
    }

    private void update(String sql, List<String> publicIds) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    publicIds.stream().map(UUID::fromString).toArray()));
            int changed = statement.executeUpdate();
            if (changed != publicIds.size()) {
                throw new IllegalStateException("Made " + changed + " of " + publicIds.size() + " rows due: " + sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make rows due: " + sql, e);
        }
    }
}
