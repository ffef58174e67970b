package ch.frontdesk.admin;

import ch.frontdesk.admin.Stats.Day;
import ch.frontdesk.admin.Stats.EarlyBirdSeats;
import ch.frontdesk.admin.Stats.PledgeCount;
import ch.frontdesk.admin.Stats.Revenue;
import ch.frontdesk.admin.Stats.Subscribers;
import ch.frontdesk.admin.Stats.TicketCount;
import ch.frontdesk.common.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes {@link Stats} with SQL aggregates: nothing is loaded row by row. */
@ApplicationScoped
public class StatsService {

    /** How many days, today included, the daily series covers. */
    static final int DAYS = 60;

    private final AgroalDataSource dataSource;
    private final Clock clock;

    StatsService(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Stats stats() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection()) {
            // One snapshot, so the numbers add up with each other.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return new Stats(now, subscribers(connection), pledges(connection), recurring(connection),
                        tickets(connection), earlyBird(connection, now), revenue(connection),
                        days(connection, today));
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Computing the statistics failed", e);
        }
    }

    private static Subscribers subscribers(Connection connection) throws SQLException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of("pending", "active", "unsubscribed")) {
            byStatus.put(status, 0L);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select status, count(*) from newsletter_subscription group by status");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                byStatus.put(row.getString(1), row.getLong(2));
            }
        }
        Map<String, Long> byPlan = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) filter (where paying.contact_id is null), count(*) filter (where paying.contact_id is not null)
                from newsletter_subscription s
                left join (select distinct contact_id from pledge where status = 'active') paying
                       on paying.contact_id = s.contact_id
                where s.status = 'active'""");
                ResultSet row = statement.executeQuery()) {
            row.next();
            byPlan.put("free", row.getLong(1));
            byPlan.put("paid", row.getLong(2));
        }
        return new Subscribers(byStatus, byPlan);
    }

    private static List<PledgeCount> pledges(Connection connection) throws SQLException {
        List<PledgeCount> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select t.code, p.status, count(*) from pledge p join support_tier t on t.id = p.tier_id
                group by t.code, p.status order by t.code, p.status""");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                counts.add(new PledgeCount(row.getString(1), row.getString(2), row.getLong(3)));
            }
        }
        return counts;
    }

    private static List<Money> recurring(Connection connection) throws SQLException {
        // A twelfth rounded half-up in integers: (amount + 6) / 12, per pledge, as each one is billed on its own.
        return money(connection, """
                select currency, sum(case billing_interval when 'month' then amount else (amount + 6) / 12 end)
                from pledge where status = 'active' and billing_interval in ('month', 'year')
                group by currency order by currency""");
    }

    private static List<TicketCount> tickets(Connection connection) throws SQLException {
        List<TicketCount> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select e.slug, tt.code, o.status, count(*)
                from ticket t join ticket_order o on o.id = t.order_id join ticket_type tt on tt.id = t.ticket_type_id
                     join event e on e.id = tt.event_id
                group by e.slug, tt.code, o.status order by e.slug, tt.code, o.status""");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                counts.add(new TicketCount(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)));
            }
        }
        return counts;
    }

    private static List<EarlyBirdSeats> earlyBird(Connection connection, Instant now) throws SQLException {
        List<EarlyBirdSeats> seats = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select e.slug, tt.code, tt.early_quota - tt.early_taken, tt.early_ends_at
                from ticket_type tt join event e on e.id = tt.event_id
                where tt.early_ends_at > ? order by e.slug, tt.code""")) {
            statement.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Integer left = row.getObject(3, Integer.class);
                    seats.add(new EarlyBirdSeats(row.getString(1), row.getString(2), left,
                            Rows.instant(row, "early_ends_at")));
                }
            }
        }
        return seats;
    }

    private static Revenue revenue(Connection connection) throws SQLException {
        List<Money> tickets = money(connection,
                "select currency, sum(total_amount) from ticket_order where status = 'confirmed' "
                        + "group by currency order by currency");
        List<Money> pledges = money(connection,
                "select currency, sum(amount) from pledge_payment group by currency order by currency");
        Map<String, Long> total = new TreeMap<>();
        for (Money money : tickets) {
            total.merge(money.currency(), money.amount(), Long::sum);
        }
        for (Money money : pledges) {
            total.merge(money.currency(), money.amount(), Long::sum);
        }
        return new Revenue(tickets, pledges,
                total.entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList());
    }

    private static List<Day> days(Connection connection, LocalDate today) throws SQLException {
        LocalDate first = today.minusDays(DAYS - 1);
        // Every day appears, zero or not, so a chart has all its points; each count reads only its window. The series
        // is of integers, whose row count the planner knows: a series of timestamps is estimated at 1000 rows, which
        // multiplies through the joins into millions and makes PostgreSQL spend a second compiling the query (JIT).
        try (PreparedStatement statement = connection.prepareStatement("""
                select d.day,
                       coalesce(s.n, 0), coalesce(p.n, 0), coalesce(t.n, 0)
                from (select ?::date + i as day from generate_series(0, ?) i) d
                left join (select (created_at at time zone 'UTC')::date as day, count(*) as n
                           from newsletter_subscription where created_at >= ? group by 1) s on s.day = d.day
                left join (select (created_at at time zone 'UTC')::date as day, count(*) as n
                           from pledge where created_at >= ? group by 1) p on p.day = d.day
                left join (select (o.confirmed_at at time zone 'UTC')::date as day, count(*) as n
                           from ticket t join ticket_order o on o.id = t.order_id
                           where o.status = 'confirmed' and o.confirmed_at >= ? group by 1) t on t.day = d.day
                order by d.day""")) {
            OffsetDateTime since = first.atStartOfDay().atOffset(ZoneOffset.UTC);
            statement.setObject(1, first);
            statement.setInt(2, DAYS - 1);
            statement.setObject(3, since);
            statement.setObject(4, since);
            statement.setObject(5, since);
            List<Day> days = new ArrayList<>(DAYS);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    days.add(new Day(row.getObject(1, LocalDate.class), row.getLong(2), row.getLong(3), row.getLong(4)));
                }
            }
            return days;
        }
    }

    private static List<Money> money(Connection connection, String sql) throws SQLException {
        List<Money> sums = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                sums.add(Money.of(row.getLong(2), row.getString(1)));
            }
        }
        return sums;
    }
}
