#!/usr/bin/env bash
# Tenancy benchmark on the production (PostgreSQL) build:
#  1. organization creation (schema + migrations) through the API, p50/p95 over every creation;
#  2. start-up with N tenant schemas, all current (checked only);
#  3. start-up with N tenant schemas and one pending tenant migration each (checked and migrated).
# Usage: bench/tenancy/run.sh [TENANTS]   (default 1000). Needs PostgreSQL on 127.0.0.1:5432 (trust auth), curl, jq.
# JVM options and the class-data archive as in bench/service.sh (SKIP_BUILD=1 reuses the build and the archive).
# Prints RESULT lines; targets: creation < 200 ms, start-up with 1,000 tenants checked and migrated < 30 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
tenants=${1:-1000}
port=${PORT:-3391}
db=tidewatch_bench
key=be0c4b3e5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
log=$(mktemp)
. bench/service.sh

busy() { # percentage of CPU busy over one second
  read -r _ a b c d e f g _ < /proc/stat; sleep 1; read -r _ a2 b2 c2 d2 e2 f2 g2 _ < /proc/stat
  total=$(( (a2+b2+c2+d2+e2+f2+g2) - (a+b+c+d+e+f+g) )); idle=$(( d2 - d ))
  echo $(( 100 * (total - idle) / total ))
}

build_service
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"

start_service() { # $1: extra tenant migration locations, or empty
  local locations="classpath:db/tenant${1:+,$1}"
  local t0; t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
  TIDEWATCH_INITIAL_ADMIN_API_KEY=$key TIDEWATCH_TENANT_MIGRATION_LOCATIONS="$locations" \
  TIDEWATCH_ENCRYPTION_KEY=YmVuY2gtb25seS1rZXktMDAwMDAwMDAwMDAwMDAwMDA= \
    run_service > "$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.1
  done
  startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_service() { kill $pid; wait $pid 2>/dev/null || true; }

echo "busy_before=$(busy)%"
start_service ""
times=$(mktemp)
for i in $(seq 1 "$tenants"); do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$port/api/organizations/" \
    -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench $i\",\"slug\":\"bench-$i\",\"seat_cap\":100,\"host\":\"bench-$i.sat.example.test\"}" >> "$times"
done
sort -n "$times" | awk '{a[NR]=$1*1000} END {printf "RESULT org-create count=%d p50_ms=%.0f p95_ms=%.0f max_ms=%.0f\n", NR, a[int(NR*0.5)], a[int(NR*0.95)], a[NR]}'
stop_service

start_service ""
grep -o 'Tenant schemas: .*' "$log" | sed 's/^/  /'
echo "RESULT startup-current tenants=$tenants ready_ms=$startup_ms"
stop_service

start_service "filesystem:$(pwd)/bench/tenancy/extra-migration"
grep -o 'Tenant schemas: .*' "$log" | sed 's/^/  /'
echo "RESULT startup-migrating tenants=$tenants ready_ms=$startup_ms"
stop_service
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
