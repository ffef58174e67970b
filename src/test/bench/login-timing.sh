#!/usr/bin/env bash
# Benchmark: does a failed login tell whether the username exists? Starts the packaged jar (production bcrypt
# cost) on a fresh schema, then interleaves wrong passwords for a known and an unknown username, through the
# dashboard's form and through HTTP Basic, and prints the median and mean answer time of each.
# Usage: src/test/bench/login-timing.sh [rounds=40]. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-40}
port=18082
management=19082
schema=frontdesk_bench_login
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

psql -h 127.0.0.1 -U postgres -d postgres -qc "set client_min_messages = warning; drop schema if exists $schema cascade"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/postgres?currentSchema=$schema"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export QUARKUS_FLYWAY_SCHEMAS=$schema QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management QUARKUS_MAILER_MOCK=true
export FRONTDESK_ADMIN_USER=owner FRONTDESK_ADMIN_PASSWORD=owner-password-for-the-bench
# The throttle would lock both names after five tries; the benchmark measures the password check itself.
export FRONTDESK_ADMIN_LOCK_AFTER_FAILURES=100000000 FRONTDESK_ADMIN_SESSION_FAILURES_PER_ADDRESS=100000000
java -jar target/quarkus-app/quarkus-run.jar > target/bench-login.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$management/q/health/ready" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat target/bench-login.log; exit 1; }
  sleep 0.2
done

form() {
  curl -s -o /dev/null -w '%{time_total}\n' --data-urlencode "username=$1" --data-urlencode "password=wrong-password" \
    "http://127.0.0.1:$port/admin/login"
}
basic() {
  curl -s -o /dev/null -w '%{time_total}\n' -u "$1:wrong-password" "http://127.0.0.1:$port/api/admin/outbox"
}
for i in $(seq 1 10); do form owner >/dev/null; form ghost >/dev/null; done

: > target/bench-login.tsv
for i in $(seq 1 "$rounds"); do
  echo -e "form-known\t$(form owner)" >> target/bench-login.tsv
  echo -e "form-unknown\t$(form ghost$i)" >> target/bench-login.tsv
  echo -e "basic-known\t$(basic owner)" >> target/bench-login.tsv
  echo -e "basic-unknown\t$(basic ghost$i)" >> target/bench-login.tsv
done
for kind in form-known form-unknown basic-known basic-unknown; do
  awk -F'\t' -v k="$kind" '$1 == k { print $2 * 1000 }' target/bench-login.tsv | sort -n |
    awk -v k="$kind" '{ v[NR] = $1; s += $1 } END { printf "%-14s median %.1f ms  mean %.1f ms  (%d failed logins)\n", k, v[int((NR + 1) / 2)], s / NR, NR }'
done
