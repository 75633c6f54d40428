#!/usr/bin/env bash
# Makes the application class-data archive of a packaged build: APP_DIR/app-cds.jsa, which the JVM maps instead of
# reading, verifying and parsing the classes a start loads (a start almost 2 s faster on 2 cores; figures in
# docs/performance.md, "Start-up"). Start the service with it from the same directory:
#   cd target/quarkus-app && java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar
# The archive fits only the build and the java that made it, started from that directory; otherwise the JVM drops it
# without a word and the service logs a warning. Make it again after every build, with the java that runs the service.
#
# How: (1) a training start, with the JVM listing every class it loads; the service stops itself once started
# (tidewatch.exit-after-start), from a temporary directory, on free ports, with no scheduled jobs and no campaign
# e-mail; (2) the list is filtered (classes a multi-release jar replaces are left out: Java 17 crashes loading those
# from an archive under Flight Recorder or an agent); (3) the JVM writes the archive from the list. An archive already
# there is replaced only when the new one is complete.
#
# Usage: [environment] src/main/scripts/class-data-archive.sh [APP_DIR]   (default: this repository's target/quarkus-app)
# The training start needs a database of its own, empty: for the PostgreSQL build set QUARKUS_DATASOURCE_JDBC_URL
# (and credentials) to one, and TIDEWATCH_ENCRYPTION_KEY; a training start refuses a database that holds accounts or
# organizations. The
# quick-start (H2) build needs nothing: unless QUARKUS_DATASOURCE_JDBC_URL says otherwise, its training database is
# made in the temporary directory and removed with it.
set -euo pipefail
app=${1:-$(cd "$(dirname "$0")/../../.." && pwd)/target/quarkus-app}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$app/quarkus-run.jar" ] || { echo "class-data archive: no $app/quarkus-run.jar: build first (./mvnw package)" >&2; exit 1; }
app=$(cd "$app" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The database named without credentials, options or query (user:password@, ?password=, ;PASSWORD=).
database() {
  local url=${QUARKUS_DATASOURCE_JDBC_URL:-the default database of the build}
  url=${url%%[?;]*}
  case $url in *//*@*) url="${url%%//*}//${url##*@}" ;; esac
  echo "$url"
}
# Lines of the training start's log with the database URL and password blanked and without the line that prints the
# training admin's generated credentials.
redacted_log() {
  local line
  grep -v 'Created the initial MSSP admin' "$work/start.log" | while IFS= read -r line; do
    [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ] && line=${line//"$QUARKUS_DATASOURCE_JDBC_URL"/[database URL]}
    [ -n "${QUARKUS_DATASOURCE_PASSWORD:-}" ] && line=${line//"$QUARKUS_DATASOURCE_PASSWORD"/[password]}
    printf '%s\n' "$line"
  done
}

echo "class-data archive: training start against $(database)"
status=0
(cd "$work" && QUARKUS_HTTP_PORT=0 QUARKUS_HTTP_HOST=127.0.0.1 TIDEWATCH_PHISH_PORT=0 TIDEWATCH_PHISH_HOST=127.0.0.1 \
  TIDEWATCH_MAILER_ENABLED=false QUARKUS_SCHEDULER_ENABLED=false TIDEWATCH_EXIT_AFTER_START=true \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  "$java" -Xshare:off -XX:DumpLoadedClassList="$work/classes.lst" -jar "$app/quarkus-run.jar" > "$work/start.log" 2>&1) \
  || status=$?
if [ "$status" != 0 ]; then
  errors=$(redacted_log | grep -E 'ERROR|Caused by' | tail -15 || true)
  if [ -n "$errors" ]; then
    printf '%s\n' "$errors" >&2
  else
    redacted_log | tail -30 >&2 || true
  fi
  echo "class-data archive: the training start failed (exit status $status, its log above); no archive written" >&2
  exit 1
fi
grep -q 'exit-after-start' "$work/start.log" || {
  echo "class-data archive: the training start stopped before it had started; no archive written" >&2; exit 1; }

"$java" '-Djava.util.logging.SimpleFormatter.format=class-data archive: %5$s%n' -cp "$app/quarkus-run.jar" \
  io.tidewatch.platform.classdata.ClassListFilter "$app/quarkus-run.jar" "$work/classes.lst" "$work/archive.lst"

echo "class-data archive: writing app-cds.jsa"
# G1 while writing keeps the JDK's archived heap objects (module graph, strings); any collector can use the archive.
# The class path is written relative, as the service is started: from the application's directory.
if ! (cd "$app" && "$java" -XX:+UseG1GC -Xshare:dump -XX:SharedClassListFile="$work/archive.lst" \
    -XX:SharedArchiveFile="$work/app-cds.jsa" -cp quarkus-run.jar > "$work/dump.log" 2>&1); then
  tail -20 "$work/dump.log" >&2
  echo "class-data archive: the JVM could not write the archive" >&2
  exit 1
fi
mv -f "$work/app-cds.jsa" "$app/app-cds.jsa"
echo "class-data archive: $app/app-cds.jsa ($(( $(stat -c %s "$app/app-cds.jsa") / 1048576 )) MB)"
