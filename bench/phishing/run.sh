#!/usr/bin/env bash
# Phishing benchmark on the production (PostgreSQL) build, measured against this machine's ceilings with the shared
# perf tools (../shared/tools/perf, which start their own nginx / smtp-sink on 127.0.0.1 and stop them by PID):
#  1. seed: an organization, then seed-campaign.sh creates a sending profile (-> sink-smtp.sh), template, landing page,
#     TARGETS recipients in groups and the campaign through the Gophish-compatible API; the mailer's rate at the sink;
#  2. pixel: ratio-pixel.sh, GET /track?rid=<random real rid> on the phishing door vs nginx's empty_gif;
#  3. optionally (EVENTS=1) seed-events.py: opens, clicks, submissions and reports through the door.
# Usage: bench/phishing/run.sh [TARGETS]   (default 10000). Needs PostgreSQL on 127.0.0.1:5432 (trust auth), curl,
# python3, wrk, nginx and postfix's smtp-sink (apt-get install -y wrk nginx-light postfix; stop their services).
# Needs the template, landing page, sending profile and group capabilities (seed-campaign.sh creates them).
# Prints the perf tools' RESULT lines. Run it alone on the machine: see ../shared/tools/perf/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=${1:-10000}
perf=${PERF_TOOLS:-../shared/tools/perf}
api_port=${API_PORT:-3392}
phish_port=${PHISH_PORT:-8092}
db=tidewatch_bench_phishing
key=be0c4b3e5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
log=$(mktemp)
run=$(mktemp -d /tmp/bench-phishing.XXXXXX)
jar=target/quarkus-app/quarkus-run.jar

[ -d "$perf" ] || { echo "perf tools not found at $perf (set PERF_TOOLS)" >&2; exit 1; }
if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -ntp package -Ppostgresql -DskipTests
fi
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

QUARKUS_HTTP_PORT=$api_port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
TIDEWATCH_INITIAL_ADMIN_API_KEY=$key TIDEWATCH_PHISH_PORT=$phish_port TIDEWATCH_PHISH_HOST=127.0.0.1 \
TIDEWATCH_ENCRYPTION_KEY=${TIDEWATCH_ENCRYPTION_KEY:-YmVuY2gtb25seS1rZXktMDAwMDAwMDAwMDAwMDAwMDA=} \
TIDEWATCH_PHISH_REPEAT_OPEN_WINDOW=${REPEAT_OPEN_WINDOW:-60s} \
  java ${JAVA_OPTS:--Xmx512m} -jar "$jar" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$api_port/q/health/ready"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done

# The MSSP admin creates the organization and becomes its only member, so seed-campaign.sh (a bare API key) acts in it.
org=$(curl -sf -X POST "http://127.0.0.1:$api_port/api/organizations/" -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench\",\"slug\":\"bench-phishing\",\"seat_cap\":$((targets + 10)),\"host\":\"bench.sat.example.test\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api="http://127.0.0.1:$api_port"

sport=$(. "$perf/_lib.sh"; perf_free_port 2600)
EXPECT=$targets IDLE=15 "$perf/sink-smtp.sh" "$sport" 1800 > "$run/sink.out" 2>&1 &
sink=$!
(. "$perf/_lib.sh"; perf_wait_port "$sport" 10) || { echo "smtp-sink did not start" >&2; exit 1; }
NAME=bench SMTP_HOST=127.0.0.1:$sport PHISH_URL=http://127.0.0.1:$phish_port OUT=$run/seed WAIT=1800 \
  "$perf/seed-campaign.sh" "$api" "$key" "$targets" "${GROUP_SIZE:-5000}" | tee "$run/seed.out" | grep '^RESULT' || true
wait $sink || true
grep '^RESULT' "$run/sink.out" || true
[ -s "$run/seed/rids.txt" ] || { echo "no rids: seeding failed (see $run)" >&2; tail -50 "$log" >&2; exit 2; }

if [ "${EVENTS:-0}" = 1 ]; then
  python3 "$perf/seed-events.py" "http://127.0.0.1:$phish_port" "$run/seed/rids.txt" --opened "$targets" \
    --clicked $((targets / 2)) --submitted $((targets / 5)) --reported $((targets / 10)) | grep '^RESULT' || true
fi
RIDS=$run/seed/rids.txt "$perf/ratio-pixel.sh" "http://127.0.0.1:$phish_port/track?rid=" "${ROUNDS:-3}" \
  | grep -E '^(A|B|RESULT)' || true
echo "RESULT phishing-memory peak_rss_mb=$(awk '/^VmHWM/{print int($2/1024)}' /proc/$pid/status) org=$org"
