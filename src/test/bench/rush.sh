#!/usr/bin/env bash
# Benchmark: the packaged jar under a ticket rush on this machine's PostgreSQL.
# Prints the jar's start-up time, then wrk's throughput and latency for orders of one ticket each
# (one ticket type, more buyers than seats), and the seat counters afterwards.
# Usage: src/test/bench/rush.sh [connections=16] [seconds=15] [capacity=100000]
# Traffic goes to 127.0.0.1 only; the run is bounded by its duration.
set -euo pipefail
cd "$(dirname "$0")/../../.."
connections=${1:-16}
seconds=${2:-15}
capacity=${3:-100000}
port=18080
threads=$(( connections < 2 ? connections : 2 ))
schema=frontdesk_bench
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

psql -h 127.0.0.1 -U postgres -d postgres -qc "set client_min_messages = warning; drop schema if exists $schema cascade"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/postgres?currentSchema=$schema"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=19080 QUARKUS_MAILER_MOCK=true
export QUARKUS_LOG_CATEGORY__QUARKUS_MAILER__LEVEL=WARN
export FRONTDESK_ADMIN_USER=bench FRONTDESK_ADMIN_PASSWORD=bench-password FRONTDESK_ADMIN_BCRYPT_COST=10
export FRONTDESK_TICKETS_ORDERS_PER_MINUTE=100000000 FRONTDESK_OUTBOX_EVERY=1h

start=$(date +%s%N)
java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > target/bench-rush.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:19080/q/health/ready" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat target/bench-rush.log; exit 1; }
  sleep 0.1
done
ready=$(date +%s%N)
echo "start-up until ready: $(( (ready - start) / 1000000 )) ms ($(grep -o 'started in [0-9.]*s' target/bench-rush.log))"

admin=(-fsS -u bench:bench-password -H 'Content-Type: application/json')
curl "${admin[@]}" -o /dev/null "http://127.0.0.1:$port/api/admin/events" -d '{"slug":"bench","name":"Bench Summit",
  "startsOn":"2099-02-10","endsOn":"2099-02-12","venue":"EPFL campus, Lausanne","timezone":"Europe/Zurich"}'
curl "${admin[@]}" -o /dev/null "http://127.0.0.1:$port/api/admin/events/bench/ticket-types" -d '{"code":"conference",
  "name":"Conference","capacity":'"$capacity"',"price":{"amount":50000,"currency":"CHF"},
  "earlyBird":{"amount":30000,"endsAt":"2099-01-01T00:00:00Z","quota":100},"maxPerOrder":10}'

echo "warm-up: 5 s"
wrk -t"$threads" -c"$connections" -d5s -s src/test/bench/rush.lua "http://127.0.0.1:$port" >/dev/null
echo "rush: $connections connections, ${seconds} s"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s src/test/bench/rush.lua "http://127.0.0.1:$port"
psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 'seats: capacity ' || capacity || ', held ' || held
  || ', sold ' || sold || ', early-bird ' || early_taken || '; orders ' ||
  (select count(*) from $schema.ticket_order) || ', tickets ' || (select count(*) from $schema.ticket)
  from $schema.ticket_type"
echo "memory (RSS) of the service: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
