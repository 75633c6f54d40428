# Sourced by the benchmarks: how they build and start the service under test.
# The production JVM options (see docs/performance.md; JAVA_OPTS overrides them) and the application class-data
# archive made by src/main/scripts/class-data-archive.sh (ARCHIVE=0: start without it).
java_opts=${JAVA_OPTS:--Xmx200m -XX:+UseSerialGC}

# Builds the PostgreSQL jar and its class-data archive (a training start against a scratch database), unless
# SKIP_BUILD=1, which reuses both.
build_service() {
  if [ "${SKIP_BUILD:-}" != "1" ]; then
    ./mvnw -B -q -ntp package -Ppostgresql -DskipTests
    make_archive
  fi
}

make_archive() {
  local scratch=tidewatch_bench_archive
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" -c "CREATE DATABASE $scratch"
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$scratch QUARKUS_DATASOURCE_USERNAME=postgres \
  TIDEWATCH_ENCRYPTION_KEY=YmVuY2gtb25seS1rZXktMDAwMDAwMDAwMDAwMDAwMDA= \
    src/main/scripts/class-data-archive.sh target/quarkus-app
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)"
}

# "yes" when run_service starts with the class-data archive.
archive_used() {
  if [ "${ARCHIVE:-1}" != "0" ] && [ -f target/quarkus-app/app-cds.jsa ]; then echo yes; else echo no; fi
}

# Replaces the calling (sub)shell with the service; its settings come from the environment.
run_service() {
  local archive
  archive=$(archive_used)
  cd target/quarkus-app
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
  if [ "$archive" = yes ]; then
    exec java $java_opts -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar
  fi
  exec java $java_opts -jar quarkus-run.jar
}
