package ch.frontdesk.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes rows straight into the tables, for tests that need a known dataset (lists, statistics) rather than the
 * path through the API that other tests already cover.
 */
@ApplicationScoped
public class Seed {

    private final AgroalDataSource dataSource;

    Seed(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long contact(String email, String name, Instant createdAt) {
        return id("insert into contact (email, name, created_at, updated_at) values (?, ?, ?, ?) returning id",
                email, name, createdAt, createdAt);
    }

    public long subscription(long contact, String status, Instant createdAt) {
        return id("""
                insert into newsletter_subscription (contact_id, status, created_at, updated_at, confirmed_at, unsubscribed_at)
                values (?, ?, ?, ?, ?, ?) returning id""", contact, status, createdAt, createdAt,
                status.equals("pending") ? null : createdAt, status.equals("unsubscribed") ? createdAt : null);
    }

    public long tier(String code, long amount, String interval) {
        return id("""
                insert into support_tier (code, name, amount, currency, billing_interval, created_at, updated_at)
                values (?, ?, ?, 'CHF', ?, now(), now()) returning id""", code, "Tier " + code, amount, interval);
    }

    public UUID pledge(long contact, long tier, String status, long amount, String currency, String interval,
            Instant createdAt) {
        UUID id = UUID.randomUUID();
        id("""
                insert into pledge (public_id, contact_id, tier_id, payment_method, status, amount, currency,
                                    billing_interval, payment_reference, created_at, updated_at)
                values (?, ?, ?, 'invoice', ?, ?, ?, ?, ?, ?, ?) returning id""",
                id, contact, tier, status, amount, currency, interval, "P-" + id, createdAt, createdAt);
        return id;
    }

    public void pledgePayment(UUID pledge, long amount, String currency, Instant paidAt) {
        id("""
                insert into pledge_payment (pledge_id, amount, currency, method, paid_at)
                select id, ?, ?, 'invoice', ? from pledge where public_id = ? returning id""",
                amount, currency, paidAt, pledge);
    }

    public long event(String slug) {
        return id("""
                insert into event (slug, name, starts_on, ends_on, venue, timezone, created_at, updated_at)
                values (?, ?, date '2027-02-09', date '2027-02-11', 'EPFL', 'Europe/Zurich', now(), now()) returning id""",
                slug, "Event " + slug);
    }

    /**
     * A type with 1000 seats at CHF 500, early-bird CHF 300 until {@code earlyEndsAt} (none when null), its seats in
     * one bucket, where its {@code earlyTaken} early-bird seats count as sold.
     */
    public long ticketType(long event, String code, Instant earlyEndsAt, Integer earlyQuota, int earlyTaken) {
        long type = id("""
                insert into ticket_type (event_id, code, name, capacity, price_amount, early_amount, early_ends_at,
                                         early_quota, early_taken, created_at, updated_at)
                values (?, ?, ?, 1000, 50000, ?, ?, ?, ?, now(), now()) returning id""",
                event, code, "Type " + code, earlyEndsAt == null ? null : 30000L, earlyEndsAt, earlyQuota, earlyTaken);
        execute("insert into seat_bucket (ticket_type_id, bucket, capacity, sold) values (?, 0, 1000, ?)", type,
                earlyTaken);
        return type;
    }

    public record Order(long id, UUID publicId) {
    }

    public Order order(long event, long buyer, String buyerName, String status, long total, Instant createdAt,
            Instant confirmedAt) {
        UUID publicId = UUID.randomUUID();
        long id = id("""
                insert into ticket_order (public_id, event_id, buyer_id, buyer_name, status, payment_method,
                                          total_amount, currency, payment_reference, created_at, updated_at, confirmed_at)
                values (?, ?, ?, ?, ?, 'invoice', ?, 'CHF', ?, ?, ?, ?) returning id""",
                publicId, event, buyer, buyerName, status, total, "T-" + publicId, createdAt, createdAt, confirmedAt);
        return new Order(id, publicId);
    }

    public long ticket(Order order, long type, long attendee, String attendeeName, long price, String code,
            Instant createdAt) {
        return id("""
                insert into ticket (order_id, ticket_type_id, attendee_id, attendee_name, price_amount, price_label,
                                    early_bird_seat, code, seat_bucket, created_at)
                values (?, ?, ?, ?, ?, 'regular', false, ?, 0, ?) returning id""",
                order.id(), type, attendee, attendeeName, price, code, createdAt);
    }

    public void audit(Instant at, String actor, String action, String target) {
        id("insert into audit_entry (at, actor, action, target, client_address) values (?, ?, ?, ?, '127.0.0.1') returning id",
                at, actor, action, target);
    }

    /** Runs any statement, e.g. one {@code insert ... select ... from generate_series(...)}. */
    public void execute(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, values)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long id(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, values);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
        return statement;
    }
}
