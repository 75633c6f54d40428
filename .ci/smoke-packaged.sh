#!/usr/bin/env bash
# Starts the packaged production (PostgreSQL) build with nothing but environment variables, on an empty database,
# and checks that it becomes ready, accepts the initial admin's key from the environment and creates a tenant; then
# makes its class-data archive and restarts with it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=3392
db=tidewatch_smoke
key=5e0c0ffee5e0c0ffee5e0c0ffee5e0c0ffee5e0c0ffee5e0c0ffee5e0c0ffee5
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
log=$(mktemp)
# Waits up to a minute for the service started as $pid to be ready; fails naming $1 if it dies or never gets there.
wait_ready() {
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return 0
    kill -0 $pid 2>/dev/null || { cat "$log"; echo "smoke: $1 died"; exit 1; }
    sleep 0.5
  done
  cat "$log"; echo "smoke: $1 never became ready"; exit 1
}
# Without an encryption key a PostgreSQL build must refuse to start, saying why.
if QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db \
    QUARKUS_DATASOURCE_USERNAME=postgres timeout 60 java -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1; then
  cat "$log"; echo "smoke: the build started without TIDEWATCH_ENCRYPTION_KEY"; exit 1
fi
grep -q 'TIDEWATCH_ENCRYPTION_KEY) is not set' "$log" || { cat "$log"; echo "smoke: no clear message without a key"; exit 1; }
[ "$(psql -Atq -h 127.0.0.1 -U postgres -d "$db" -c "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'tidewatch_control'")" = 0 ] \
  || { echo "smoke: the refused start migrated the database"; exit 1; }
QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
TIDEWATCH_INITIAL_ADMIN_PASSWORD=smoke-test-password TIDEWATCH_INITIAL_ADMIN_API_KEY=$key \
TIDEWATCH_ENCRYPTION_KEY=c21va2UtdGVzdC1lbmNyeXB0aW9uLWtleS0wMDAwMDA= \
  java -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
wait_ready "the packaged build"
grep -q '"level":"INFO".*PostgreSQL\|jdbc:postgresql' "$log" || true
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/organizations/" \
  -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d '{"name":"Smoke","slug":"smoke","seat_cap":5,"host":"smoke.sat.example.test"}')
[ "$status" = 201 ] || { cat "$log"; echo "smoke: organization creation answered $status"; exit 1; }
if grep -q 'smoke-test-password' "$log"; then echo "smoke: the password from the environment was logged"; exit 1; fi
echo "smoke: packaged PostgreSQL build started from environment variables only and created a tenant"
kill $pid; wait $pid 2>/dev/null || true

# The class-data archive: a training start against a database of its own, then a restart that must map the archive
# (-Xshare:on refuses to start otherwise) while Flight Recorder records, whose class-file hook made Java 17 crash on
# classes of multi-release jars loaded from an archive.
training=tidewatch_smoke_training
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $training WITH (FORCE)" -c "CREATE DATABASE $training"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$training QUARKUS_DATASOURCE_USERNAME=postgres \
TIDEWATCH_ENCRYPTION_KEY=c21va2UtdGVzdC1lbmNyeXB0aW9uLWtleS0wMDAwMDA= \
  timeout 300 src/main/scripts/class-data-archive.sh target/quarkus-app
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $training WITH (FORCE)"
[ "$(psql -qtA -h 127.0.0.1 -U postgres -d $db -c 'SELECT count(*) FROM tidewatch_control.organization')" = 1 ] \
  || { echo "smoke: the training start touched the service's database"; exit 1; }
# Pointed at the service's own database (it holds an organization), the training start refuses before migrating.
if QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
    TIDEWATCH_ENCRYPTION_KEY=c21va2UtdGVzdC1lbmNyeXB0aW9uLWtleS0wMDAwMDA= \
    timeout 300 src/main/scripts/class-data-archive.sh target/quarkus-app > "$log" 2>&1; then
  cat "$log"; echo "smoke: a training start ran on a database holding organizations"; exit 1
fi
grep -q 'needs an empty database of its own' "$log" || { cat "$log"; echo "smoke: no clear refusal"; exit 1; }
jfr=$(mktemp -d)
(cd target/quarkus-app && QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
  TIDEWATCH_ENCRYPTION_KEY=c21va2UtdGVzdC1lbmNyeXB0aW9uLWtleS0wMDAwMDA= \
  exec java -Xshare:on -XX:SharedArchiveFile=app-cds.jsa -XX:StartFlightRecording=filename=$jfr/start.jfr \
    -jar quarkus-run.jar) > "$log" 2>&1 &
pid=$!
wait_ready "the packaged build with its class-data archive"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/organizations/" -H "Authorization: Bearer $key")
[ "$status" = 200 ] || { cat "$log"; echo "smoke: with the class-data archive, listing organizations answered $status"; exit 1; }
echo "smoke: the class-data archive was made by a training start and served a restart under Flight Recorder"
kill $pid; wait $pid 2>/dev/null || true
rm -rf "$jfr"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
