#!/usr/bin/env bash
# Phishing benchmark on the production (PostgreSQL) JVM build, every figure beside its ceiling measured in the same
# run on the same machine with the shared perf tools (../shared/tools/perf; they start their own nginx, smtp-sink and
# throwaway PostgreSQL on free 127.0.0.1 ports and stop them by PID):
#  1. start-up: process start to /q/health/ready;
#  2. seed: an organization, then seed.py creates a sending profile (-> sink-smtp.sh), template, landing page,
#     TARGETS recipients in groups and the campaign through the Gophish-compatible API (the recipe of the perf tools'
#     seed-campaign.md, with a bare From address, which the product's validation requires); the mailer's rate at the sink;
#  3. events: seed-events.py drives opens, clicks, submissions and reports through the door (TARGETS x 3 events, so a
#     50,000-recipient campaign holds 200,000 with its "Email Sent" ones), then every event is checked in the database;
#  4. results: latency-get.sh on /api/campaigns/{id}/results and /summary, the service's resident memory sampled
#     every 50 ms during the results calls; ceiling-results.sh (PostgreSQL building the same JSON) for comparison;
#  5. pixel: GET /track?rid=<random real rid> with wrk, alternating A (alone), B (nginx empty_gif, the ceiling),
#     C (while a loop of results calls runs), D (while a loop of executive PDFs runs); afterwards the campaign's
#     "Email Opened" events in the database are compared with the hits wrk counted;
#  6. recording: wrk on /track and the landing page (one click in four) for REC_DURATION, the events written per
#     second until the door's queue is drained; ceiling-db.sh (event rows into PostgreSQL) for comparison;
#  7. peak resident memory (VmHWM) of the service over the whole run.
# Usage: bench/phishing/run.sh [TARGETS]   (default 10000). Needs PostgreSQL on 127.0.0.1:5432 (trust auth), root
# (ceiling scripts run initdb and smtp-sink as other users), curl, python3, wrk, nginx and postfix's smtp-sink
# (apt-get install -y wrk nginx-light postfix; stop their services). STEPS (default all) picks steps by name:
# events,results,ceiling-results,pixel,recording,ceiling-db. REPEAT_OPEN_WINDOW (default 0s: every hit recorded)
# is the service's repeat-open window. Prints RESULT lines. Run it alone on the machine: ../shared/tools/perf/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$(pwd)
targets=${1:-10000}
perf=$(cd "${PERF_TOOLS:-../shared/tools/perf}" 2>/dev/null && pwd) || { echo "perf tools not found (set PERF_TOOLS)" >&2; exit 1; }
steps=",${STEPS:-events,results,ceiling-results,pixel,recording,ceiling-db},"
api_port=${API_PORT:-3392}
phish_port=${PHISH_PORT:-8092}
db=${BENCH_DB:-tidewatch_bench_phishing}
key=be0c4b3e5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
run=$(mktemp -d /tmp/bench-phishing.XXXXXX)
log=$run/service.log
api="http://127.0.0.1:$api_port"
phish="http://127.0.0.1:$phish_port"
duration=${DURATION:-10s}
rounds=${ROUNDS:-2}
. "$perf/_lib.sh"
. bench/service.sh
step() { [[ "$steps" == *",$1,"* ]]; }
load() { echo "busy_before=$(perf_busy_pct)% load=$(awk '{print $1"/"$2"/"$3}' /proc/loadavg)"; }

build_service
for p in "$api_port" "$phish_port"; do perf_listening "$p" && { echo "port $p is taken; set API_PORT / PHISH_PORT" >&2; exit 1; }; done
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
echo "run directory $run; $(nproc) cores; $(load)"

before_start=$(load)
t0=$(date +%s%N)
QUARKUS_HTTP_PORT=$api_port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
TIDEWATCH_INITIAL_ADMIN_API_KEY=$key TIDEWATCH_PHISH_PORT=$phish_port TIDEWATCH_PHISH_HOST=127.0.0.1 \
TIDEWATCH_ENCRYPTION_KEY=${TIDEWATCH_ENCRYPTION_KEY:-YmVuY2gtb25seS1rZXktMDAwMDAwMDAwMDAwMDAwMDA=} \
TIDEWATCH_PHISH_REPEAT_OPEN_WINDOW=${REPEAT_OPEN_WINDOW:-0s} TIDEWATCH_OUTBOUND_ALLOW_PRIVATE=true \
  run_service > "$log" 2>&1 &
pid=$!
loops=()
cleanup() {
  for l in "${loops[@]}"; do kill "$l" 2>/dev/null || true; done
  perf_nginx_stop
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT
until curl -sf -o /dev/null "$api/q/health/ready"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
started=$(grep -o 'started in [0-9.]*s' "$log" | head -1 | grep -o '[0-9.]*' || echo '?')
echo "RESULT startup ready_ms=$ready_ms quarkus_started_s=$started rss_mb=$(awk '/^VmRSS/{print int($2/1024)}' /proc/$pid/status) java_opts='$java_opts' archive=$(archive_used) $before_start"

# The MSSP admin creates the organization and becomes its only member, so seed.py (a bare API key) acts in it.
org=$(curl -sf -X POST "$api/api/organizations/" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench\",\"slug\":\"bench-phishing\",\"seat_cap\":$((targets + 10)),\"host\":\"bench.sat.example.test\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
schema=tenant_$org
sql() { psql -qtA -h 127.0.0.1 -U postgres -d "$db" -c "$1"; }

sport=$(perf_free_port 2600)
EXPECT=$targets IDLE=15 "$perf/sink-smtp.sh" "$sport" 1800 > "$run/sink.out" 2>&1 &
sink=$!
perf_wait_port "$sport" 10 || { echo "smtp-sink did not start" >&2; exit 1; }
echo "seed: $(load)"
mkdir -p "$run/seed"
python3 bench/phishing/seed.py "$api" "$key" "$targets" "127.0.0.1:$sport" "$phish" "$run/seed" "${GROUP_SIZE:-5000}" \
  2> "$run/seed.err" | tee "$run/seed.out" | grep '^RESULT' || { kill $sink; cat "$run/seed.err" >&2; }
wait $sink || true
grep '^RESULT' "$run/sink.out" || true
[ -s "$run/seed/rids.txt" ] || { echo "no rids: seeding failed (see $run)" >&2; tail -50 "$log" >&2; exit 2; }
cid=$(cat "$run/seed/campaign.id")
rids=$run/seed/rids.txt
events_of() { sql "SELECT count(*) FROM $schema.campaign_event WHERE campaign_id = $cid${1:+ AND message = '$1'}"; }
drained() { # waits until the campaign's event count has not moved for 2 s; prints "count epoch_ns_of_last_change"
  local last=-1 n t_last now
  t_last=$(date +%s%N)
  while :; do
    n=$(events_of "$1"); now=$(date +%s%N)
    if [ "$n" != "$last" ]; then last=$n; t_last=$now; elif [ $(( (now - t_last) / 1000000 )) -ge 2000 ]; then break; fi
    sleep 0.2
  done
  echo "$last $t_last"
}

if step events; then
  echo "events: $(load)"
  before=$(events_of)
  python3 "$perf/seed-events.py" "$phish" "$rids" --opened $((targets * 8 / 5)) --clicked $((targets * 9 / 10)) \
    --submitted $((targets * 2 / 5)) --reported $((targets / 10)) > "$run/events.out" 2>&1 || true
  grep '^RESULT' "$run/events.out" || tail -5 "$run/events.out"
  sent=$((targets * 8 / 5 + targets * 9 / 10 + targets * 2 / 5 + targets / 10))
  read -r after _ < <(drained "")
  echo "RESULT events-recorded driven=$sent written=$((after - before)) campaign_events=$after"
fi

rss() { awk '/^VmRSS/{print int($2/1024)}' /proc/$pid/status; }
if step results; then
  echo "results: $(load)"
  base=$(rss)
  ( peak=0; while kill -0 $pid 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && { peak=$r; echo "$peak" > "$run/rss.peak"; }; sleep 0.05; done ) &
  sampler=$!; loops+=("$sampler")
  HEADER="Authorization: Bearer $key" PID=$pid WARMUP=2 "$perf/latency-get.sh" "$api/api/campaigns/$cid/results" \
    "${RESULTS_N:-10}" 2>&1 | grep '^RESULT' || true
  kill $sampler 2>/dev/null || true
  echo "RESULT results-memory rss_before_mb=$base rss_peak_during_mb=$(cat "$run/rss.peak") extra_mb=$(( $(cat "$run/rss.peak") - base ))"
  HEADER="Authorization: Bearer $key" WARMUP=5 "$perf/latency-get.sh" "$api/api/campaigns/$cid/summary" \
    "${SUMMARY_N:-50}" 2>&1 | grep '^RESULT' || true
  # The summary's own query, timed by PostgreSQL (the service's count of results per status, as it runs it).
  for _ in 1 2 3; do
    sql "EXPLAIN (ANALYZE, BUFFERS) SELECT campaign_id$(for st in Scheduled Sending Retrying Error 'Email Sent' \
      'Email Opened' 'Clicked Link' 'Submitted Data'; do printf ", COUNT(*) FILTER (WHERE status = '%s')" "$st"; done),
      COUNT(*) FILTER (WHERE reported) FROM $schema.campaign_result WHERE campaign_id IN ($cid) GROUP BY campaign_id" \
      > "$run/summary.plan"
  done
  echo "RESULT summary-query execution_ms=$(awk '/Execution Time/{print $3}' "$run/summary.plan")" \
    "plan=\"$(grep -o -m1 -E '(Hash|Group)?Aggregate|Sort Method: [^ ]* [^ ]*' "$run/summary.plan" | head -1)\""
fi
if step ceiling-results; then
  RUNS=5 "$perf/ceiling-results.sh" "$targets" $((targets * 4)) 2>&1 | grep -E '^(RESULT|rows|pg-json|nginx)' || true
fi

if step pixel; then
  echo "pixel: $(load)"
  opens_before=$(events_of 'Email Opened')
  ngx_port=$(perf_free_port 18180)
  perf_nginx_start "$ngx_port"
  hits=0; a=(); b=(); c=(); d=(); bad=0; calls_c=0; calls_d=0
  product() { RIDS=$rids perf_wrk "$phish/track?rid=" "$1"; hits=$((hits + WRK_REQS - WRK_BAD)); bad=$((bad + WRK_BAD + WRK_SOCKERR)); }
  loop() { # $1 URL, $2 Accept, $3 counter file: sequential calls until killed
    local n=0 call=
    trap 'kill $call 2>/dev/null; exit 0' TERM
    while :; do
      curl -sf -o /dev/null -H "Authorization: Bearer $key" -H "Accept: $2" "$1" & call=$!
      wait $call && n=$((n + 1)); echo $n > "$3"
    done
  }
  stop_loop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }
  line() { # also sets OK_RPS: the rate of 2xx answers only (a fast 503 is not a pixel served)
    OK_RPS=$(perf_calc "$WRK_RPS * ($WRK_REQS - $WRK_BAD) / $WRK_REQS" 0)
    printf '%-3s %-34s %8.0f req/s  2xx %8.0f/s  p50 %6.2f ms  p99 %8.2f ms  non2xx %s  sockerr %s\n' "$1" "$2" \
      "$WRK_RPS" "$OK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_BAD" "$WRK_SOCKERR"; }
  product 5s; rm -f "$PERF_WRK_OUT"
  perf_wrk "http://127.0.0.1:$ngx_port/track?rid=warm" 2s; rm -f "$PERF_WRK_OUT"
  for i in $(seq 1 "$rounds"); do
    product "$duration"; line "A$i" "product alone" ; a+=("$OK_RPS"); rm -f "$PERF_WRK_OUT"
    perf_wrk "http://127.0.0.1:$ngx_port/track?rid=ceiling" "$duration"; line "B$i" "nginx empty_gif"; b+=("$WRK_RPS")
    rm -f "$PERF_WRK_OUT"
    loop "$api/api/campaigns/$cid/results" application/json "$run/calls.c" & l=$!; loops+=("$l"); sleep 1
    product "$duration"; stop_loop $l
    line "C$i" "product, results loop ($(cat "$run/calls.c" 2>/dev/null || echo 0) calls)"; c+=("$OK_RPS")
    calls_c=$((calls_c + $(cat "$run/calls.c" 2>/dev/null || echo 0))); rm -f "$PERF_WRK_OUT" "$run/calls.c"
    loop "$api/api/reports/executive?org_id=$org" application/pdf "$run/calls.d" & l=$!; loops+=("$l"); sleep 1
    product "$duration"; stop_loop $l
    line "D$i" "product, PDF loop ($(cat "$run/calls.d" 2>/dev/null || echo 0) PDFs)"; d+=("$OK_RPS")
    calls_d=$((calls_d + $(cat "$run/calls.d" 2>/dev/null || echo 0))); rm -f "$PERF_WRK_OUT" "$run/calls.d"
  done
  perf_nginx_stop
  ma=$(perf_median "${a[@]}"); mb=$(perf_median "${b[@]}"); mc=$(perf_median "${c[@]}"); md=$(perf_median "${d[@]}")
  # Rates count 2xx answers only; errors > 0 means the door refused hits (503: its event queue was full).
  echo "RESULT pixel targets=$targets product_rps=$(perf_calc "$ma" 0) nginx_rps=$(perf_calc "$mb" 0) ratio=$(perf_calc "$ma/$mb" 3) rounds=$rounds duration=$duration errors=$bad valid=$([ "$bad" = 0 ] && echo yes || echo no)"
  echo "RESULT pixel-under-load results_loop_rps=$(perf_calc "$mc" 0) ratio_to_solo=$(perf_calc "$mc/$ma" 3) results_calls=$calls_c pdf_loop_rps=$(perf_calc "$md" 0) ratio_to_solo=$(perf_calc "$md/$ma" 3) pdfs=$calls_d"
  read -r opens_after _ < <(drained 'Email Opened')
  echo "RESULT pixel-recorded 2xx_hits_counted_by_wrk=$hits opens_written=$((opens_after - opens_before)) difference=$((opens_after - opens_before - hits)) repeat_open_window=${REPEAT_OPEN_WINDOW:-0s} (wrk does not count requests in flight when it stops: up to 64 per run, $((1 + 3 * rounds)) runs)"
fi

if step recording; then
  echo "recording: $(load)"
  before=$(events_of); t_start=$(date +%s%N)
  wrk -t2 -c64 -d"${REC_DURATION:-30s}" --latency -s "$here/bench/phishing/mixed.lua" "$phish" -- "$rids" 4 > "$run/rec.out" 2>&1 || true
  t_end=$(date +%s%N)
  read -r after t_last < <(drained "")
  [ "$t_last" -lt "$t_end" ] && t_last=$t_end
  reqs=$(awk '/requests in/{print $1}' "$run/rec.out"); non2xx=$(awk -F': ' '/Non-2xx/{print $2}' "$run/rec.out")
  echo "RESULT recording requests=$reqs acknowledged_rps=$(awk '/^Requests\/sec:/{print $2}' "$run/rec.out") non2xx=${non2xx:-0} written=$((after - before)) events_per_s=$(perf_calc "($after-$before)/(($t_last-$t_start)/1e9)" 0) drain_s=$(perf_calc "($t_last-$t_end)/1e9" 1) campaign_events=$after"
fi
if step ceiling-db; then
  DURATION=10 "$perf/ceiling-db.sh" 2>&1 | grep -E '^RESULT' || true
fi

echo "RESULT memory peak_rss_mb=$(awk '/^VmHWM/{print int($2/1024)}' /proc/$pid/status) rss_mb=$(rss) org=$org campaign=$cid $(load)"
