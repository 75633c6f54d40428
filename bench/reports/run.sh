#!/usr/bin/env bash
# Executive report benchmark on the production (PostgreSQL) build. Seeds two organizations straight into their
# schemas (generate_series, so seeding takes seconds):
#  A. 10 campaigns of 5,000 recipients each (the same 5,000 people), launched over the last 30 days;
#  B. one campaign of 50,000 recipients;
# every recipient a member of one of ten groups, and each result with the timeline the engine would have written (sent, opened, clicked, submitted, reported, and a few
# bot-flagged clicks). Then measures GET /api/reports/executive warm: REQUESTS sequential requests per format after
# WARMUP unmeasured ones, p50/p95/max from curl's total time.
# Usage: bench/reports/run.sh [REQUESTS] (default 30). Needs PostgreSQL on 127.0.0.1:5432 (trust auth), curl, jq.
# BENCH_DB names the database (dropped and created; default tidewatch_bench_reports). Target: PDF p95 < 1 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-30}
warmup=${WARMUP:-5}
port=${PORT:-3417}
phish_port=${PHISH_PORT:-8417}
db=${BENCH_DB:-tidewatch_bench_reports}
key=be0c4b3e5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
log=$(mktemp)
jar=target/quarkus-app/quarkus-run.jar
api="http://127.0.0.1:$port"

busy() { # percentage of CPU busy over one second
  read -r _ a b c d e f g _ < /proc/stat; sleep 1; read -r _ a2 b2 c2 d2 e2 f2 g2 _ < /proc/stat
  total=$(( (a2+b2+c2+d2+e2+f2+g2) - (a+b+c+d+e+f+g) )); idle=$(( d2 - d ))
  echo $(( 100 * (total - idle) / total ))
}

if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -ntp package -Ppostgresql -DskipTests
fi
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
if curl -s -o /dev/null "$api/q/health/ready"; then
  echo "port $port is taken by another server; set PORT"; exit 1
fi

QUARKUS_HTTP_PORT=$port TIDEWATCH_PHISH_PORT=$phish_port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
TIDEWATCH_INITIAL_ADMIN_API_KEY=$key TIDEWATCH_ENCRYPTION_KEY=YmVuY2gtcmVwb3J0cy1rZXktMDAwMDAwMDAwMDAwMDA= \
  java -jar "$jar" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$api/q/health/ready"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done

org() { # $1 name, $2 slug → id
  curl -sf -X POST "$api/api/organizations/" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"slug\":\"$2\",\"seat_cap\":100000}" | jq -er .id
}

seed() { # $1 org id, $2 campaigns, $3 recipients per campaign
  psql -q -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 <<SQL
SET search_path TO tenant_$1;
INSERT INTO campaign (name, status, url, created_date, launch_date, template_id, page_id, profile_id, materials)
SELECT 'Bench campaign ' || c, 'Completed', 'http://phish.bench.test', now() - ((c * 2 + 1) || ' days')::interval,
       now() - ((c * 2 + 1) || ' days')::interval, 1, 1, 1, '{}'
FROM generate_series(1, $2) AS c;
INSERT INTO campaign_result (campaign_id, rid, email, first_name, last_name, job_position, status, status_rank,
    reported, ip, latitude, longitude, send_date, modified_date, send_state, next_attempt_at, attempts)
SELECT k.id, 'b' || lpad(to_hex(k.id) || '-' || i, 15, '0'), 'person' || i || '@bench.test', 'Zoë', 'Łódź ' || i,
       'Staff',
       CASE WHEN i % 100 < 40 THEN 'Email Sent' WHEN i % 100 < 65 THEN 'Email Opened'
            WHEN i % 100 < 80 THEN 'Clicked Link' WHEN i % 100 < 85 THEN 'Submitted Data'
            WHEN i % 100 < 90 THEN 'Error' ELSE 'Email Opened' END,
       CASE WHEN i % 100 < 40 THEN 1 WHEN i % 100 < 65 THEN 2 WHEN i % 100 < 80 THEN 3 WHEN i % 100 < 85 THEN 4
            WHEN i % 100 < 90 THEN 1 ELSE 2 END,
       i % 7 = 0 AND i % 100 NOT BETWEEN 85 AND 89, '', 0, 0, k.launch_date, k.launch_date, 'DONE', k.launch_date, 1
FROM campaign k CROSS JOIN generate_series(1, $3) AS i;
INSERT INTO campaign_event (campaign_id, result_id, email, event_time, message, details)
SELECT r.campaign_id, r.id, r.email, r.send_date, 'Email Sent', '' FROM campaign_result r WHERE r.status <> 'Error';
INSERT INTO campaign_event (campaign_id, result_id, email, event_time, message, details)
SELECT r.campaign_id, r.id, r.email, r.send_date + ((r.id % 3600) || ' seconds')::interval, 'Email Opened', '{}'
FROM campaign_result r WHERE r.status_rank >= 2;
INSERT INTO campaign_event (campaign_id, result_id, email, event_time, message, details)
SELECT r.campaign_id, r.id, r.email, r.send_date + ((600 + r.id % 7200) || ' seconds')::interval, 'Clicked Link', '{}'
FROM campaign_result r WHERE r.status_rank >= 3;
INSERT INTO campaign_event (campaign_id, result_id, email, event_time, message, details)
SELECT r.campaign_id, r.id, r.email, r.send_date + interval '2 seconds', 'Clicked Link',
       '{"flagged_as_bot":"within 5 s of delivery"}'
FROM campaign_result r WHERE r.id % 50 = 1;
INSERT INTO campaign_event (campaign_id, result_id, email, event_time, message, details)
SELECT r.campaign_id, r.id, r.email, r.send_date + ((900 + r.id % 7200) || ' seconds')::interval, 'Submitted Data', '{}'
FROM campaign_result r WHERE r.status_rank >= 4;
INSERT INTO campaign_event (campaign_id, result_id, email, event_time, message, details)
SELECT r.campaign_id, r.id, r.email, r.send_date + ((300 + r.id % 86400) || ' seconds')::interval, 'Email Reported', '{}'
FROM campaign_result r WHERE r.reported;
INSERT INTO recipient_group (name, modified_date) SELECT 'Department ' || g, now() FROM generate_series(0, 9) AS g;
INSERT INTO group_target (group_id, email, email_key, first_name, last_name, job_position)
SELECT g.id, 'person' || i || '@bench.test', 'person' || i || '@bench.test', 'Zoë', 'Łódź ' || i, 'Staff'
FROM generate_series(1, $3) AS i JOIN recipient_group g ON g.name = 'Department ' || (i % 10);
ANALYZE campaign; ANALYZE campaign_result; ANALYZE campaign_event; ANALYZE recipient_group; ANALYZE group_target;
SQL
  psql -qtA -h 127.0.0.1 -U postgres -d "$db" -c "SELECT 'seeded tenant_$1: ' || (SELECT COUNT(*) FROM tenant_$1.campaign)
    || ' campaigns, ' || (SELECT COUNT(*) FROM tenant_$1.campaign_result) || ' results, '
    || (SELECT COUNT(*) FROM tenant_$1.campaign_event) || ' events'"
}

measure() { # $1 label, $2 org id, $3 Accept
  local out times; out=$(mktemp); times=$(mktemp)
  for _ in $(seq 1 "$warmup"); do
    curl -sf -o "$out" -H "Authorization: Bearer $key" -H "Accept: $3" "$api/api/reports/executive?org_id=$2"
  done
  for _ in $(seq 1 "$requests"); do
    curl -sf -o "$out" -w '%{time_total}\n' -H "Authorization: Bearer $key" -H "Accept: $3" \
      "$api/api/reports/executive?org_id=$2" >> "$times"
  done
  sort -n "$times" | awk -v label="$1" -v bytes="$(wc -c < "$out")" '{a[NR]=$1*1000} END {
    i95 = int(NR*0.95 + 0.999); printf "RESULT %s count=%d p50_ms=%.0f p95_ms=%.0f max_ms=%.0f bytes=%d\n",
    label, NR, a[int(NR*0.5 + 0.5)], a[i95], a[NR], bytes}'
}

a=$(org "Bench Łódź Ten" "bench-ten-$$")
b=$(org "Bench Zoë Fifty" "bench-fifty-$$")
t0=$(date +%s)
seed "$a" 10 5000
seed "$b" 1 50000
echo "seeding took $(( $(date +%s) - t0 )) s"
echo "busy_before=$(busy)%"
measure "10x5000 pdf" "$a" application/pdf
measure "10x5000 json" "$a" application/json
measure "1x50000 pdf" "$b" application/pdf
measure "1x50000 json" "$b" application/json
curl -sf -H "Authorization: Bearer $key" -H "Accept: application/json" "$api/api/reports/executive?org_id=$a" \
  | jq -c '{campaigns: .summary.campaigns, sent: .summary.emails_sent, click_rate: .summary.click_rate,
            repeat_clickers: .repeat_clickers.count, bot_flagged_clicks: .summary.bot_flagged_clicks,
            groups: (.groups.rows | length), median_to_click_s: .summary.median_seconds_to_click}'
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
