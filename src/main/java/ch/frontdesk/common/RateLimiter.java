package ch.frontdesk.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Per-client token buckets shared by every instance through PostgreSQL: each client may make {@code perMinute}
 * requests of a kind in a burst, refilled evenly over a minute (or {@code burst} over another window). A bucket is one row holding the instant it will be
 * full again (the generic cell rate algorithm), so a check is one upsert, one round trip, atomic under concurrency.
 * Clients are keyed by {@link ClientInfo#rateLimitKey(String)}: an IPv6 address counts with its whole /64.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    // Takes a token when the bucket, refilled up to now, still has one; otherwise leaves it as it was. Every SET
    // expression reads the row's old values, so last_granted and full_at decide on the same state.
    private static final String TAKE = """
            insert into rate_limit_bucket as b (kind, client, full_at, last_granted)
            values (?, ?, ?, true)
            on conflict (kind, client) do update set
                last_granted = greatest(b.full_at + ? * interval '1 microsecond', excluded.full_at) <= ?,
                full_at = case
                    when greatest(b.full_at + ? * interval '1 microsecond', excluded.full_at) <= ?
                    then greatest(b.full_at + ? * interval '1 microsecond', excluded.full_at)
                    else b.full_at end
            returning full_at, last_granted as granted""";

    private final Clock clock;
    private final AgroalDataSource dataSource;

    RateLimiter(Clock clock, AgroalDataSource dataSource) {
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /** Takes one request from the client's bucket for {@code kind}, or answers 429 with Retry-After. */
    public void check(String kind, String clientAddress, int perMinute) {
        check(kind, clientAddress, perMinute, WINDOW);
    }

    /**
     * Takes one request from the client's bucket for {@code kind}, which holds {@code burst} requests refilled
     * evenly over {@code window}, or answers 429 with Retry-After.
     */
    public void check(String kind, String clientAddress, int burst, Duration window) {
        take(kind, clientAddress, burst, window, null, List.of());
    }

    /**
     * Takes one request from the client's bucket for {@code kind} (refilled over a minute) and, only when it was
     * granted, runs {@code guarded} in the same statement: one round trip and one commit for the check and the work
     * it guards, where two separate ones would each wait for the disk. {@code guarded} is a data-modifying
     * statement that selects {@code from take where take.granted}, with its own {@code ?} parameters after ours,
     * e.g. {@code insert into t (a, b) select ?, ? from take where take.granted}. Answers 429 with Retry-After, and
     * runs nothing, when the bucket is empty; a null {@code guarded} only takes the token.
     */
    public void checkAndRun(String kind, String clientAddress, int perMinute, String guarded,
            List<Object> guardedParameters) {
        take(kind, clientAddress, perMinute, WINDOW, guarded, guardedParameters);
    }

    private void take(String kind, String clientAddress, int burst, Duration window, String guarded,
            List<Object> guardedParameters) {
        if (burst < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request a window: " + burst);
        }
        // The instances' clocks, not the database's, so tests can move time; a little skew only shifts a refill.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long intervalMicros = window.toNanos() / 1000 / burst;
        Instant horizon = now.plus(window);
        String sql = guarded == null ? TAKE
                : "with take as (" + TAKE + "), guarded as (" + guarded + ") select full_at, granted from take";
        Instant fullAt;
        boolean granted;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement take = connection.prepareStatement(sql)) {
            take.setString(1, kind);
            take.setString(2, ClientInfo.rateLimitKey(clientAddress));
            take.setObject(3, utc(now.plus(intervalMicros, ChronoUnit.MICROS)));
            take.setLong(4, intervalMicros);
            take.setObject(5, utc(horizon));
            take.setLong(6, intervalMicros);
            take.setObject(7, utc(horizon));
            take.setLong(8, intervalMicros);
            for (int i = 0; guarded != null && i < guardedParameters.size(); i++) {
                take.setObject(9 + i, guardedParameters.get(i));
            }
            try (ResultSet row = take.executeQuery()) {
                row.next();
                fullAt = row.getObject(1, OffsetDateTime.class).toInstant();
                granted = row.getBoolean(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit check failed", e);
        }
        if (!granted) {
            throw tooMany(now, fullAt, intervalMicros, window);
        }
    }

    /**
     * Answers 429 with Retry-After when the client's bucket for {@code kind} is empty, without taking anything: for
     * limits that {@link #check count} only failures, so a client out of tries is stopped before trying again.
     */
    public void requireRoom(String kind, String clientAddress, int burst, Duration window) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long intervalMicros = window.toNanos() / 1000 / burst;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(
                        "select full_at from rate_limit_bucket where kind = ? and client = ?")) {
            read.setString(1, kind);
            read.setString(2, ClientInfo.rateLimitKey(clientAddress));
            try (ResultSet row = read.executeQuery()) {
                if (row.next()) {
                    Instant fullAt = row.getObject(1, OffsetDateTime.class).toInstant();
                    // The same test as the upsert's: one more would leave the bucket full later than a window ahead.
                    if (fullAt.plus(intervalMicros, ChronoUnit.MICROS).isAfter(now.plus(window))) {
                        throw tooMany(now, fullAt, intervalMicros, window);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit check failed", e);
        }
    }

    private static ProblemException tooMany(Instant now, Instant fullAt, long intervalMicros, Duration window) {
        // The next token arrives when taking it would leave the bucket full no later than one window from then.
        long waitMillis = Duration.between(now, fullAt.plus(intervalMicros, ChronoUnit.MICROS).minus(window))
                .toMillis();
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return new ProblemException(429, "too-many-requests", "Too Many Requests",
                "Too many requests from your address. Try again in " + seconds + " seconds.",
                null, null, Map.of("Retry-After", Long.toString(seconds)));
    }

    @Scheduled(every = "5m", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleClientsEveryFewMinutes() {
        forgetIdleClients();
    }

    /** Forgets buckets that have refilled completely: they mean the same as no row at all. */
    public int forgetIdleClients() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(
                        "delete from rate_limit_bucket where full_at <= ?")) {
            forget.setObject(1, utc(clock.instant()));
            return forget.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("forgetting idle rate limit buckets failed", e);
        }
    }

    /** Forgets every bucket; for tests that move the clock backwards. */
    public void reset() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("truncate rate_limit_bucket");
        } catch (SQLException e) {
            throw new IllegalStateException("resetting rate limits failed", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
