#!/usr/bin/env bash
# Start-up benchmark of the production (PostgreSQL) JVM build: process start to the first 200 from /q/health/ready,
# RUNS times (default 5) on an empty database (migrations and the first admin included) and RUNS times restarting
# on the database the previous start made, with the class-data archive and, for comparison, without it. JVM options
# and the archive come from bench/service.sh (JAVA_OPTS overrides the options). Prints one RESULT line per start and
# a summary per case (median and slowest), plus the machine's load before each start.
# Usage: bench/startup/run.sh [RUNS]. Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and curl. SKIP_BUILD=1 reuses
# the build and archive. Run it alone on the machine: start-up is CPU-bound and moves with whatever else runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
port=${API_PORT:-3394}
phish_port=${PHISH_PORT:-8094}
db=${BENCH_DB:-tidewatch_bench_startup}
key=be0c4b3e5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
run=$(mktemp -d /tmp/bench-startup.XXXXXX)
. bench/service.sh
load() { echo "load=$(awk '{print $1}' /proc/loadavg)"; }
psql_postgres() { psql -q -h 127.0.0.1 -U postgres -c "$@"; }

build_service
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql_postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT

# Starts the service, prints the milliseconds from process start to ready, stops it.
start_once() {
  local t0 log=$run/service.log
  t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db TIDEWATCH_INITIAL_ADMIN_API_KEY=$key \
  TIDEWATCH_PHISH_PORT=$phish_port TIDEWATCH_PHISH_HOST=127.0.0.1 \
  TIDEWATCH_ENCRYPTION_KEY=YmVuY2gtb25seS1rZXktMDAwMDAwMDAwMDAwMDAwMDA= \
    run_service > "$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the service died" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
}

summary() { # name, then the figures
  local name=$1; shift
  sorted=$(printf '%s\n' "$@" | sort -n)
  echo "RESULT startup-summary case=$name runs=$# median_ms=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}') slowest_ms=$(echo "$sorted" | tail -1) java_opts='$java_opts'"
}

echo "run directory $run; $(nproc) cores; $(load)"
for archive in 1 0; do
  export ARCHIVE=$archive
  empty=() restart=()
  for i in $(seq 1 "$runs"); do
    psql_postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    before=$(load)
    ms=$(start_once); empty+=("$ms")
    echo "RESULT startup case=empty-database archive=$(archive_used) run=$i ready_ms=$ms $before"
    before=$(load)
    ms=$(start_once); restart+=("$ms")
    echo "RESULT startup case=restart archive=$(archive_used) run=$i ready_ms=$ms $before"
  done
  summary "empty-database,archive=$(archive_used)" "${empty[@]}"
  summary "restart,archive=$(archive_used)" "${restart[@]}"
done
