package ch.frontdesk.admin;

import ch.frontdesk.admin.DashboardChart.Day;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Sign-ups and tickets sold per UTC day for the overview chart, zero days included. The stats API computes a
 * longer series of its own; this one is the few rows the server-drawn chart needs, read in one query.
 */
@ApplicationScoped
public class DashboardSeries {

    static final int DAYS = 30;

    private final EntityManager em;
    private final Clock clock;

    DashboardSeries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Day> lastDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with days as (
                    select cast(d at time zone 'UTC' as date) as day, d as since, d + interval '24 hours' as until
                    from generate_series(cast(?1 as timestamp) at time zone 'UTC',
                                         cast(?2 as timestamp) at time zone 'UTC', interval '24 hours') d)
                select days.day,
                       (select count(*) from newsletter_subscription s
                         where s.created_at >= days.since and s.created_at < days.until),
                       (select count(*) from ticket t join ticket_order o on o.id = t.order_id
                         where o.status = 'confirmed' and o.confirmed_at >= days.since and o.confirmed_at < days.until)
                from days order by days.day""")
                .setParameter(1, first.atStartOfDay())
                .setParameter(2, today.atStartOfDay())
                .getResultList();
        return rows.stream().map(row -> new Day(toDate(row[0]), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue())).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
