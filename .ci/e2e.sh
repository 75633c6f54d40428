#!/usr/bin/env bash
# The main job end to end on the packaged production build, nothing mocked: PackagedEndToEndIT starts
# target/quarkus-app/quarkus-run.jar (built here with -Ppostgresql) from environment variables on an empty PostgreSQL
# database, a real SMTP server and Debian's headless Chromium, then runs two client organizations from onboarding to
# the monthly executive PDFs. Needs PostgreSQL on 127.0.0.1:5432, chromium and chromium-driver (see .ci/run).
# On failure it says which step failed and keeps the evidence under target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${TIDEWATCH_E2E_DB:-tidewatch_e2e}
start=$(date +%s)
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
rm -rf target/e2e target/failsafe-reports
# TIDEWATCH_E2E_REUSE_PACKAGE=true (set by .ci/run, whose PostgreSQL step has just built the package) runs the test
# against target/quarkus-app as it is, provided it is a PostgreSQL build; otherwise the package is built here first.
goals=(verify)
app=$(ls target/quarkus-app/app/*.jar 2>/dev/null | head -n 1 || true)
if [ "${TIDEWATCH_E2E_REUSE_PACKAGE:-false}" = true ] && [ -n "$app" ] \
    && python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$app" \
      META-INF/microprofile-config.properties | grep -q '^quarkus.datasource.db-kind=postgresql'; then
  echo "e2e: using the PostgreSQL package already in target/quarkus-app"
  goals=(test-compile failsafe:integration-test failsafe:verify)
fi
status=0
TIDEWATCH_E2E_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" TIDEWATCH_REQUIRE_REAL_COMPONENTS=true \
  ./mvnw -B -ntp "${goals[@]}" -Ppostgresql -DskipITs=false -Dit.test=PackagedEndToEndIT \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=true || status=$?
# Failsafe reports a test that did not run as zero tests; that must never pass for a run that exists to prove the flow.
report=target/failsafe-reports/TEST-io.tidewatch.e2e.PackagedEndToEndIT.xml
if [ "$status" -eq 0 ]; then
  if [ ! -f "$report" ] || grep -q 'skipped="[1-9]' "$report" || ! grep -q 'tests="1"' "$report"; then
    echo "e2e: FAILED - the end-to-end test did not run (or was skipped); see $report"
    status=1
  fi
fi
if [ "$status" -ne 0 ]; then
  echo "e2e: FAILED after $(( $(date +%s) - start )) s; the step that failed is named above (e2e: FAILED at step ...)."
  echo "e2e: evidence in target/e2e/ (service.log, received messages, PDFs, the browser's last page)."
  if [ -f target/e2e/service.log ]; then
    echo "---- last lines of the service log ----"
    tail -n 40 target/e2e/service.log
  fi
  exit "$status"
fi
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || echo "e2e: the test database $db is left behind"
echo "e2e: passed in $(( $(date +%s) - start )) s"
