#!/usr/bin/env bash
# Makes the application class-data archive of a packaged build: target/quarkus-app/app-cds.jsa, which the JVM maps
# instead of reading, verifying and parsing the classes a start loads (start-up about 1 s faster on 2 cores; figures in
# docs/performance.md). Start the service with it from the same directory:
#   java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar
# The archive fits only the build and the JVM that made it (the JVM ignores it otherwise, with a warning): make it
# again after every build, with the java that will run the service.
#
# How: (1) a training start, with the JVM listing every class it loads; the service stops itself once started
# (tidewatch.exit-after-start), on free ports, without sending campaign e-mail; (2) the list is filtered (classes a
# multi-release jar replaces are left out: Java 17 crashes loading those from an archive under Flight Recorder or an
# agent); (3) the JVM writes the archive from the list.
#
# Usage: [environment of a start] src/main/scripts/class-data-archive.sh [APP_DIR]   (default target/quarkus-app)
# The training start needs what any start needs: for the PostgreSQL build QUARKUS_DATASOURCE_JDBC_URL (and
# credentials) and TIDEWATCH_ENCRYPTION_KEY. Point it at an empty database of its own: it is migrated like on a first
# start, and nothing in it goes into the archive.
set -euo pipefail
app=${1:-target/quarkus-app}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$app/quarkus-run.jar" ] || { echo "no $app/quarkus-run.jar: build first (./mvnw package)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$app"
rm -f app-cds.jsa

echo "class-data archive: training start"
if ! QUARKUS_HTTP_PORT=0 TIDEWATCH_PHISH_PORT=0 TIDEWATCH_MAILER_ENABLED=false TIDEWATCH_EXIT_AFTER_START=true \
    "$java" -Xshare:off -XX:DumpLoadedClassList="$work/classes.lst" -jar quarkus-run.jar > "$work/start.log" 2>&1; then
  tail -40 "$work/start.log" >&2
  echo "class-data archive: the training start failed (its log above)" >&2
  exit 1
fi
grep -q 'exit-after-start' "$work/start.log" || { tail -40 "$work/start.log" >&2; echo "class-data archive: the training start stopped before it had started" >&2; exit 1; }

"$java" '-Djava.util.logging.SimpleFormatter.format=class-data archive: %5$s%n' -cp quarkus-run.jar \
  io.tidewatch.platform.classdata.ClassListFilter quarkus-run.jar "$work/classes.lst" "$work/archive.lst"

echo "class-data archive: writing app-cds.jsa"
# G1 while writing keeps the JDK's archived heap objects (module graph, strings); any collector can use the archive.
if ! "$java" -XX:+UseG1GC -Xshare:dump -XX:SharedClassListFile="$work/archive.lst" -XX:SharedArchiveFile=app-cds.jsa \
    -cp quarkus-run.jar > "$work/dump.log" 2>&1; then
  tail -40 "$work/dump.log" >&2
  echo "class-data archive: the JVM could not write the archive" >&2
  exit 1
fi
echo "class-data archive: $(pwd)/app-cds.jsa ($(( $(stat -c %s app-cds.jsa) / 1048576 )) MB)"
