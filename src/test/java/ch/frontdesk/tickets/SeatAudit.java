package ch.frontdesk.tickets;

import ch.frontdesk.testing.Database;

/**
 * Checks seat counters against what they count: in every bucket, {@code held} equals the tickets of unpaid orders
 * recorded in it plus the seats offers hold in it, and {@code sold} the tickets of confirmed orders; the buckets of a
 * type add up to its capacity and never hold more than their own.
 */
final class SeatAudit {

    /** Buckets whose counters differ from their tickets and offers. */
    static final String BUCKETS_OFF = """
            with counted as (
                select t.ticket_type_id, t.seat_bucket as bucket,
                       count(*) filter (where o.status = 'pending_payment') as held,
                       count(*) filter (where o.status = 'confirmed') as sold
                from ticket t join ticket_order o on o.id = t.order_id group by 1, 2
                union all
                select e.ticket_type_id, b, count(*), 0
                from waitlist_entry e cross join unnest(e.seat_buckets) b where e.status = 'offered' group by 1, 2),
            summed as (select ticket_type_id, bucket, sum(held) as held, sum(sold) as sold from counted group by 1, 2)
            select count(*) from seat_bucket sb full join summed s using (ticket_type_id, bucket)
            where coalesce(sb.held, 0) <> coalesce(s.held, 0) or coalesce(sb.sold, 0) <> coalesce(s.sold, 0)
               or sb.held + sb.sold > sb.capacity""";

    /** Types whose buckets do not add up to their capacity. */
    static final String CAPACITY_OFF = """
            select count(*) from ticket_type t
            where t.capacity <> (select coalesce(sum(b.capacity), 0) from seat_bucket b where b.ticket_type_id = t.id)""";

    private SeatAudit() {
    }

    /** How many buckets or types are off; 0 when every counter agrees with the orders. */
    static long mismatches(Database database) {
        return database.count(BUCKETS_OFF) + database.count(CAPACITY_OFF);
    }
}
