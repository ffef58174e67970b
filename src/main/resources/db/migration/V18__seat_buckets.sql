-- A ticket type's seats split over several rows (buckets), so that concurrent buyers of one type do not all wait
-- on the same row lock. Each bucket keeps its own counters and cannot oversell; the buckets of a type together
-- hold exactly its capacity. Each ticket, and each waiting-list offer, records which buckets its seats are in, so
-- paying, giving back and lapsing move the right bucket's counters.
create table seat_bucket (
    ticket_type_id bigint   not null references ticket_type (id) on delete cascade,
    bucket         smallint not null check (bucket >= 0),
    capacity       integer  not null check (capacity >= 0),
    held           integer  not null default 0 check (held >= 0),
    sold           integer  not null default 0 check (sold >= 0),
    primary key (ticket_type_id, bucket),
    check (held + sold <= capacity)
);

-- Existing types: the same split as the service makes (at most 32 buckets, at least 8 seats each); the seats already
-- held or sold stay in bucket 0, which is where every existing ticket and offer is recorded below.
insert into seat_bucket (ticket_type_id, bucket, capacity, held, sold)
select t.id, g.b,
       (t.capacity - t.held - t.sold) / n.n
           + case when g.b < (t.capacity - t.held - t.sold) % n.n then 1 else 0 end
           + case when g.b = 0 then t.held + t.sold else 0 end,
       case when g.b = 0 then t.held else 0 end,
       case when g.b = 0 then t.sold else 0 end
from ticket_type t
cross join lateral (select greatest(1, least(32, t.capacity / 8)) as n) n
cross join lateral generate_series(0, n.n - 1) g(b);

alter table ticket add column seat_bucket smallint not null default 0 check (seat_bucket >= 0);
alter table ticket alter column seat_bucket drop default;

-- One bucket number per seat an offer holds.
alter table waitlist_entry add column seat_buckets smallint[];
update waitlist_entry set seat_buckets = array_fill(0::smallint, array[quantity]) where status = 'offered';
alter table waitlist_entry add constraint waitlist_entry_offer_holds_its_seats
    check ((status = 'offered') = (seat_buckets is not null)
           and (seat_buckets is null or cardinality(seat_buckets) = quantity));

-- The counters live in the buckets now; one copy only, so no reader can see a stale one.
alter table ticket_type drop column held, drop column sold;

-- What the admin, the public shop and the statistics read: the buckets summed per type, without locking any.
create view seat_count as
select t.id as ticket_type_id, t.event_id, t.code, t.capacity,
       coalesce(sum(b.held), 0)::integer as held,
       coalesce(sum(b.sold), 0)::integer as sold,
       (t.capacity - coalesce(sum(b.held), 0) - coalesce(sum(b.sold), 0))::integer as available,
       t.early_taken
from ticket_type t left join seat_bucket b on b.ticket_type_id = t.id
group by t.id;
