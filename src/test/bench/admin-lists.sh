#!/usr/bin/env bash
# Benchmark: the admin lists of the packaged jar with 100,000 rows in each table.
# Seeds contacts, subscriptions, pledges, orders, tickets and audit entries with SQL (generate_series), then prints,
# for each list, the median answer time over HTTP of its first page, of a q search and of a filtered page, next to
# the same SQL (count and page) run by pgbench directly; then exports /api/admin/tickets.csv (every row) and prints
# its time and the jar's resident memory before and after.
# Usage: src/test/bench/admin-lists.sh [rows=100000] [runs=9]
# Traffic goes to 127.0.0.1 only; the schema is dropped at the start and left for inspection at the end.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows=${1:-100000}
runs=${2:-9}
schema=${BENCH_SCHEMA:-frontdesk_bench_lists}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
management=$(free_port)
pg=(-h 127.0.0.1 -U postgres -d postgres)
export PGPASSWORD=${PGPASSWORD:-postgres}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

psql "${pg[@]}" -qc "set client_min_messages = warning; drop schema if exists $schema cascade"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/postgres?currentSchema=$schema"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management
export QUARKUS_MAILER_MOCK=true FRONTDESK_OUTBOX_EVERY=1h FRONTDESK_TICKETS_JOBS_EVERY=1h
export FRONTDESK_ADMIN_USER=bench FRONTDESK_ADMIN_PASSWORD=bench-password FRONTDESK_ADMIN_BCRYPT_COST=4

java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > target/bench-admin-lists.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$management/q/health/ready" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { cat target/bench-admin-lists.log; exit 1; }
  sleep 0.2
done
echo "service ready on port $port; seeding $rows rows per table"

seed_start=$(date +%s%N)
PGOPTIONS="-c search_path=$schema,public" psql "${pg[@]}" -q -v ON_ERROR_STOP=1 -v n="$rows" <<'SQL'
insert into contact (email, name, created_at, updated_at)
select 'user' || g || '@example.org',
       (array['Ada','Grace','Alan','Linus','Barbara','Edsger','Donald','Margaret'])[1 + g % 8] || ' '
         || (array['Lovelace','Hopper','Turing','Torvalds','Liskov','Dijkstra','Knuth','Hamilton'])[1 + (g / 8) % 8],
       timestamptz '2025-01-01' + g * interval '5 minutes', timestamptz '2025-01-01' + g * interval '5 minutes'
from generate_series(1, :n) g;
insert into newsletter_subscription (contact_id, status, created_at, updated_at, confirmed_at, unsubscribed_at)
select id, case when id % 10 < 7 then 'active' when id % 10 < 9 then 'pending' else 'unsubscribed' end,
       created_at, created_at, case when id % 10 < 7 then created_at end, case when id % 10 = 9 then created_at end
from contact;
insert into support_tier (code, name, amount, currency, billing_interval, created_at, updated_at) values
  ('reader-monthly', 'Reader', 500, 'CHF', 'month', now(), now()),
  ('patron-yearly', 'Patron', 10000, 'CHF', 'year', now(), now()),
  ('one-off', 'One-off', 5000, 'CHF', 'once', now(), now());
insert into pledge (public_id, contact_id, tier_id, payment_method, status, amount, currency, billing_interval,
                    payment_reference, created_at, updated_at)
select gen_random_uuid(), c.id, t.id, 'invoice',
       (array['active','active','pending_payment','cancelled','past_due'])[1 + c.id % 5], t.amount, t.currency,
       t.billing_interval, 'P-' || c.id, c.created_at, c.created_at
from contact c join support_tier t on t.id = 1 + c.id % 3;
insert into event (slug, name, starts_on, ends_on, venue, timezone, created_at, updated_at)
values ('bench', 'Bench Summit', date '2099-02-10', date '2099-02-12', 'EPFL', 'Europe/Zurich', now(), now());
insert into ticket_type (event_id, code, name, capacity, price_amount, created_at, updated_at)
select 1, code, code, 1000000, 50000, now(), now() from unnest(array['conference','workshop','student']) code;
insert into ticket_order (public_id, event_id, buyer_id, buyer_name, status, payment_method, total_amount, currency,
                          payment_reference, created_at, updated_at, confirmed_at)
select gen_random_uuid(), 1, c.id, c.name,
       case when c.id % 10 < 6 then 'confirmed' when c.id % 10 < 8 then 'pending_payment' else 'cancelled' end,
       'invoice', 50000, 'CHF', 'T-' || c.id, c.created_at, c.created_at,
       case when c.id % 10 < 6 then c.created_at + interval '1 day' end
from contact c;
insert into ticket (order_id, ticket_type_id, attendee_id, attendee_name, price_amount, price_label, early_bird_seat,
                    code, created_at)
select o.id, 1 + o.id % 3, o.buyer_id, o.buyer_name, 50000, 'regular', false, 'CODE-' || o.id, o.created_at
from ticket_order o;
insert into audit_entry (at, actor, action, target, client_address)
select timestamptz '2025-01-01' + g * interval '5 minutes', (array['admin','door','lead'])[1 + g % 3],
       'POST /api/admin/orders/{id}/mark-paid', 'order:' || g, '127.0.0.1'
from generate_series(1, :n) g;
analyze;
SQL
echo "seeded in $(( ($(date +%s%N) - seed_start) / 1000000 )) ms"

base="http://127.0.0.1:$port"
auth=(-u bench:bench-password)
median_http() { # path -> median milliseconds of $runs requests, after 3 unmeasured ones
  for _ in 1 2 3; do curl -fsS "${auth[@]}" -o /dev/null "$base$1"; done
  for _ in $(seq "$runs"); do curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$base$1"; done \
    | sort -n | awk '{ t[NR] = $1 } END { printf "%7.1f", t[int((NR + 1) / 2)] * 1000 }'
}
mean_sql() { # SQL -> pgbench's average latency in milliseconds over $runs transactions
  local file; file=$(mktemp); printf '%s\n' "$1" > "$file"
  PGOPTIONS="-c search_path=$schema,public" pgbench -n -h 127.0.0.1 -U postgres -t "$runs" -f "$file" postgres 2>/dev/null \
    | awk '/latency average/ { printf "%7.1f", $4 }'
  rm -f "$file"
}
# The SQL below is what the list definitions (SubscriberList, PledgeList, OrderList, ContactList, AuditLog) send,
# with the bind values written in: one count (on the main table alone while no condition reads a joined one) and one
# page.
case_() { # label, path, count from, from, where, select, order
  local label=$1 path=$2 count_from=$3 from=$4 where=$5 select=$6 order=$7
  local sql="select count(*) from $count_from $where; select $select from $from $where order by $order limit 50 offset 0;"
  printf '%-34s http %s ms   sql %s ms\n' "$label" "$(median_http "$path")" "$(mean_sql "$sql")"
}

contact_q="(c.email || ' ' || coalesce(c.name, '')) ilike"
plan="exists (select 1 from pledge p where p.contact_id = s.contact_id and p.status = 'active')"
echo
echo "median of $runs runs over HTTP (curl), mean of $runs runs of the same SQL (pgbench), 50 rows a page"
s_from="newsletter_subscription s join contact c on c.id = s.contact_id"
s_select="c.email, c.name, s.status, case when exists (select 1 from pledge p where p.contact_id = s.contact_id and p.status = 'active' offset 0) then 'paid' else 'free' end as plan, s.created_at, s.confirmed_at, s.unsubscribed_at"
case_ "subscribers, first page" "/api/admin/subscribers" "newsletter_subscription s" "$s_from" "" "$s_select" "s.created_at desc, s.id desc"
case_ "subscribers, q=user4242" "/api/admin/subscribers?q=user4242" "$s_from" "$s_from" "where ($contact_q '%user4242%')" "$s_select" "s.created_at desc, s.id desc"
case_ "subscribers, q=lovelace (1/8)" "/api/admin/subscribers?q=lovelace" "$s_from" "$s_from" "where ($contact_q '%lovelace%')" "$s_select" "s.created_at desc, s.id desc"
case_ "subscribers, status=pending" "/api/admin/subscribers?status=pending" "newsletter_subscription s" "$s_from" "where s.status = 'pending'" "$s_select" "s.created_at desc, s.id desc"
case_ "subscribers, plan=paid" "/api/admin/subscribers?plan=paid" "newsletter_subscription s" "$s_from" "where $plan" "$s_select" "s.created_at desc, s.id desc"

p_from="pledge p join contact c on c.id = p.contact_id join support_tier t on t.id = p.tier_id"
p_select="p.public_id, c.email, c.name, t.code as tier, p.amount, p.currency, p.billing_interval, p.payment_method, p.status, p.payment_reference, p.created_at, p.current_period_end"
case_ "pledges, first page" "/api/admin/pledges" "pledge p" "$p_from" "" "$p_select" "p.created_at desc, p.id desc"
case_ "pledges, q=user4242" "/api/admin/pledges?q=user4242" "$p_from" "$p_from" "where ($contact_q '%user4242%')" "$p_select" "p.created_at desc, p.id desc"
case_ "pledges, status=past_due" "/api/admin/pledges?status=past_due" "pledge p" "$p_from" "where p.status = 'past_due'" "$p_select" "p.created_at desc, p.id desc"

o_from="ticket_order o join event e on e.id = o.event_id join contact c on c.id = o.buyer_id"
o_select="o.public_id, e.slug, c.email, o.buyer_name, o.status, o.payment_method, o.total_amount, o.currency, o.payment_reference, (select count(*) from ticket t where t.order_id = o.id) as tickets, o.created_at, o.confirmed_at"
o_q="o.id in (select id from ticket_order where buyer_name ilike '%user4242%' union select b.id from ticket_order b join contact bc on bc.id = b.buyer_id where (bc.email || ' ' || coalesce(bc.name, '')) ilike '%user4242%')"
case_ "orders, first page" "/api/admin/orders" "ticket_order o" "$o_from" "" "$o_select" "o.created_at desc, o.id desc"
case_ "orders, q=user4242" "/api/admin/orders?q=user4242" "ticket_order o" "$o_from" "where ($o_q)" "$o_select" "o.created_at desc, o.id desc"
case_ "orders, status=pending_payment" "/api/admin/orders?status=pending_payment" "ticket_order o" "$o_from" "where o.status = 'pending_payment'" "$o_select" "o.created_at desc, o.id desc"

t_from="ticket t join ticket_order o on o.id = t.order_id join ticket_type tt on tt.id = t.ticket_type_id join event e on e.id = tt.event_id join contact c on c.id = t.attendee_id"
t_select="o.public_id, e.slug, tt.code as type, t.attendee_name, c.email, t.price_amount, o.currency, t.price_label, o.status, case when o.status = 'confirmed' then t.code end as code, t.checked_in_at"
t_q="t.id in (select id from ticket where attendee_name ilike '%user4242%' union select a.id from ticket a join contact ac on ac.id = a.attendee_id where (ac.email || ' ' || coalesce(ac.name, '')) ilike '%user4242%')"
case_ "tickets, first page" "/api/admin/tickets" "ticket t" "$t_from" "" "$t_select" "t.created_at desc, t.id desc"
case_ "tickets, q=user4242" "/api/admin/tickets?q=user4242" "ticket t" "$t_from" "where ($t_q)" "$t_select" "t.created_at desc, t.id desc"
case_ "tickets, event=bench&type=workshop" "/api/admin/tickets?event=bench&type=workshop" "ticket t" "$t_from" "where t.ticket_type_id in (select x.id from ticket_type x join event xe on xe.id = x.event_id where xe.slug = 'bench') and t.ticket_type_id in (select x.id from ticket_type x where x.code = 'workshop')" "$t_select" "t.created_at desc, t.id desc"

c_from="contact c left join newsletter_subscription s on s.contact_id = c.id"
c_select="c.id, c.email, c.name, c.created_at, s.status, exists (select 1 from pledge p where p.contact_id = c.id offset 0) as has_pledges, (select count(*) from ticket_order o where o.buyer_id = c.id) as orders"
case_ "contacts, first page" "/api/admin/contacts" "contact c" "$c_from" "" "$c_select" "c.created_at desc, c.id desc"
case_ "contacts, q=user4242" "/api/admin/contacts?q=user4242" "contact c" "$c_from" "where ($contact_q '%user4242%')" "$c_select" "c.created_at desc, c.id desc"
case_ "contacts, from=2025-06-01&to=..." "/api/admin/contacts?from=2025-06-01&to=2025-06-30" "contact c" "$c_from" "where c.created_at >= '2025-06-01Z' and c.created_at < '2025-07-01Z'" "$c_select" "c.created_at desc, c.id desc"

a_q="(a.actor || ' ' || a.action || ' ' || coalesce(a.target, '')) ilike"
case_ "audit, first page" "/api/admin/audit" "audit_entry a" "audit_entry a" "" "a.at, a.actor, a.action, a.target, a.client_address" "a.at desc, a.id desc"
case_ "audit, q=order:4242" "/api/admin/audit?q=order:4242" "audit_entry a" "audit_entry a" "where ($a_q '%order:4242%')" "a.at, a.actor, a.action, a.target, a.client_address" "a.at desc, a.id desc"
printf '%-34s http %s ms\n' "stats" "$(median_http /api/admin/stats)"

echo
rss() { awk '/VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$pid/status"; }
echo "memory (RSS) before the export: $(rss)"
for round in 1 2; do
  # The first byte comes long before the last when the body is streamed rather than built in memory first.
  timing=$(curl -fsS "${auth[@]}" -o target/bench-tickets.csv -w '%{time_starttransfer} %{time_total}' "$base/api/admin/tickets.csv")
  read -r first_byte total <<< "$timing"
  printf 'tickets.csv, export %d: %d lines (header included), %d MiB, first byte after %.0f ms, all after %.0f ms; RSS now %s\n' \
    "$round" "$(wc -l < target/bench-tickets.csv)" "$(( $(stat -c %s target/bench-tickets.csv) / 1048576 ))" \
    "$(echo "$first_byte * 1000" | bc)" "$(echo "$total * 1000" | bc)" "$(rss)"
done
rm -f target/bench-tickets.csv
