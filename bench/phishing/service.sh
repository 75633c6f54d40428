# Sourced by the phishing benchmarks: how they build and start the service under test.
# The production JVM options (see docs/performance.md; JAVA_OPTS overrides them) and the application class-data
# archive, used when the build made one; the archive must be run from target/quarkus-app, where it was recorded.
java_opts=${JAVA_OPTS:--Xmx200m -XX:+UseSerialGC}

# Builds the PostgreSQL jar with its class-data archive (start-up reads the classes ready-parsed), unless SKIP_BUILD=1.
build_service() {
  if [ "${SKIP_BUILD:-}" != "1" ]; then
    ./mvnw -B -q -ntp package -Ppostgresql -DskipTests -Dquarkus.package.jar.appcds.enabled=true
  fi
}

# Replaces the calling (sub)shell with the service; its settings come from the environment.
run_service() {
  cd target/quarkus-app
  export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
  if [ -f app-cds.jsa ]; then
    exec java $java_opts -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar
  fi
  exec java $java_opts -jar quarkus-run.jar
}
