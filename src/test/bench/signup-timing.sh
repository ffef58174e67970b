#!/usr/bin/env bash
# Benchmark: does a sign-up's answer time reveal whether an address is new, pending or already active?
# Starts the packaged jar on a fresh schema, then interleaves sign-ups for the three kinds of address and
# prints the median and mean answer time of each, as a client measures them.
# Usage: src/test/bench/signup-timing.sh [rounds=300]. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-300}
port=18081
schema=frontdesk_bench_signup
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

psql -h 127.0.0.1 -U postgres -d postgres -qc "set client_min_messages = warning; drop schema if exists $schema cascade"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/postgres?currentSchema=$schema"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=19081 QUARKUS_MAILER_MOCK=true
export QUARKUS_LOG_CATEGORY__QUARKUS_MAILER__LEVEL=WARN
export FRONTDESK_NEWSLETTER_SIGNUPS_PER_MINUTE=100000000 FRONTDESK_OUTBOX_EVERY=1h
java -jar target/quarkus-app/quarkus-run.jar > target/bench-signup.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:19081/q/health/ready" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat target/bench-signup.log; exit 1; }
  sleep 0.2
done

signup() {
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"consent\":true}" "http://127.0.0.1:$port/api/newsletter/subscriptions"
}
signup pending@example.org >/dev/null
signup active@example.org >/dev/null
# Confirmation needs the emailed token; for the benchmark the row is switched directly.
psql -h 127.0.0.1 -U postgres -d postgres -qc "update $schema.newsletter_subscription s set status = 'active'
  from $schema.contact c where c.id = s.contact_id and c.email = 'active@example.org'"
for i in $(seq 1 100); do signup "warmup$i@example.org" >/dev/null; done

: > target/bench-signup.tsv
for i in $(seq 1 "$rounds"); do
  echo -e "new\t$(signup "new$i@example.org")" >> target/bench-signup.tsv
  echo -e "pending\t$(signup pending@example.org)" >> target/bench-signup.tsv
  echo -e "active\t$(signup active@example.org)" >> target/bench-signup.tsv
done
for kind in new pending active; do
  awk -F'\t' -v k="$kind" '$1 == k { print $2 * 1000 }' target/bench-signup.tsv | sort -n |
    awk -v k="$kind" '{ v[NR] = $1; s += $1 } END { printf "%-8s median %.2f ms  mean %.2f ms  (%d sign-ups)\n", k, v[int((NR + 1) / 2)], s / NR, NR }'
done
