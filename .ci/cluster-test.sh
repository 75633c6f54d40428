#!/usr/bin/env bash
# Three instances of the packaged production build on one PostgreSQL and one SMTP server: a 3,000-recipient
# campaign launched through one of them must reach every recipient exactly once, whichever instance sends. Midway one
# sending instance is killed (SIGKILL) and started again: no recipient may get two messages, and a recipient whose
# message's fate died with that instance must be marked (Error, outcome unknown), not lost and not resent.
# Needs: target/quarkus-app built with -Ppostgresql, PostgreSQL on 127.0.0.1:5432, python3, curl, jq.
set -euo pipefail
cd "$(dirname "$0")/.."
recipients=${RECIPIENTS:-3000}
db=tidewatch_cluster
key=c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5c1a5
smtp_port=2526
work=$(mktemp -d)
pids=()
declare -A instance_pid
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
python3 bench/tools/smtp_sink.py $smtp_port "$work/counts.json" & pids+=($!)

start_instance() { # $1: index 1..3
  local i=$1
  QUARKUS_HTTP_PORT=$((3400 + i)) QUARKUS_HTTP_HOST=127.0.0.1 TIDEWATCH_PHISH_PORT=$((8400 + i)) \
  TIDEWATCH_PHISH_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
  TIDEWATCH_INITIAL_ADMIN_API_KEY=$key TIDEWATCH_OUTBOUND_ALLOW_PRIVATE=true TIDEWATCH_MAILER_LEASE=15s \
  TIDEWATCH_ENCRYPTION_KEY=$(printf 'cluster-test-encryption-key-32b!' | base64) \
  TIDEWATCH_TOKEN_KEY=$(printf 'cluster-test-token-key-of-32-byt' | base64) \
    java -Xmx384m -jar target/quarkus-app/quarkus-run.jar >> "$work/instance-$i.log" 2>&1 &
  pids+=($!)
  instance_pid[$i]=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$((3400 + i))/q/health/ready" && return 0
    sleep 0.5
  done
  cat "$work/instance-$i.log"; echo "cluster: instance $i never became ready"; exit 1
}
start_instance 1
start_instance 2
start_instance 3

api() { # method path [json]
  curl -sS -X "$1" "http://127.0.0.1:3401$2" -H "Authorization: Bearer $key" -H "X-Org-Id: ${org:-0}" \
    -H 'Content-Type: application/json' ${3:+-d "$3"}
}
org=$(api POST /api/organizations/ "{\"name\":\"Cluster\",\"slug\":\"cluster\",\"seat_cap\":$((recipients + 10))}" | jq -r .id)
api POST /api/smtp/ "{\"name\":\"sink\",\"interface_type\":\"SMTP\",\"host\":\"127.0.0.1:$smtp_port\",\"from_address\":\"it@cluster.example.test\"}" >/dev/null
api POST /api/templates/ '{"name":"t","subject":"Hello {{.FirstName}}","text":"Hi {{.FirstName}} {{.URL}}","html":"<p>Hi {{.FirstName}} {{.Tracker}}</p>"}' >/dev/null
api POST /api/pages/ '{"name":"p","html":"<html><body><form method=\"post\"><input name=\"user\"></form></body></html>"}' >/dev/null
python3 -c "
import json
targets=[{'email':'r%05d@cluster.example.test'%i,'first_name':'R%d'%i,'last_name':'L','position':'p'} for i in range($recipients)]
print(json.dumps({'name':'everyone','targets':targets}))" > "$work/group.json"
curl -sS -o /dev/null -w 'group %{http_code}\n' -X POST "http://127.0.0.1:3401/api/groups/" -H "Authorization: Bearer $key" \
  -H "X-Org-Id: $org" -H 'Content-Type: application/json' --data-binary "@$work/group.json"
launched=$(date +%s)
campaign=$(api POST /api/campaigns/ '{"name":"c","template":{"name":"t"},"page":{"name":"p"},"smtp":{"name":"sink"},"url":"http://127.0.0.1:8401","groups":[{"name":"everyone"}]}' | jq -r .id)
echo "cluster: campaign $campaign launched in organization $org"

messages() { jq -r .messages "$work/counts.json" 2>/dev/null || echo 0; }
for _ in $(seq 1 600); do
  [ "$(messages)" -ge $((recipients / 5)) ] && break
  sleep 0.1
done
killed_at=$(messages)
kill -9 "${instance_pid[2]}"
echo "cluster: instance 2 killed (SIGKILL) after $killed_at messages; starting it again"
start_instance 2

# Done when no result is still waiting to be sent (claims of the killed instance settle after the 15 s lease).
for _ in $(seq 1 300); do
  pending=$(api GET "/api/campaigns/$campaign/results" \
    | jq '[.results[] | select(.status == "Scheduled" or .status == "Sending" or .status == "Retrying"
                                or .status == "Queued")] | length')
  [ "$pending" = 0 ] && break
  sleep 1
done
sleep 5   # any duplicate would arrive now
api GET "/api/campaigns/$campaign/results" > "$work/results.json"
python3 - "$work/counts.json" "$recipients" "$work/results.json" <<'PY'
import json, sys
counts = json.load(open(sys.argv[1]))
expected = int(sys.argv[2])
results = {r["email"].lower(): r for r in json.load(open(sys.argv[3]))["results"]}
per = counts["per_recipient"]
twice = {k: v for k, v in per.items() if v != 1}
unmarked = [e for e, r in results.items() if e not in per and r["status"] != "Error"]
pending = [e for e, r in results.items() if r["status"] in ("Scheduled", "Sending", "Retrying", "Queued")]
marked = [e for e, r in results.items() if r["status"] == "Error"]
print("cluster: %d messages, %d distinct recipients, %d received more than one, %d marked Error (outcome unknown),"
      " %d neither received nor marked, %d still pending" % (counts["messages"], len(per), len(twice), len(marked),
                                                            len(unmarked), len(pending)))
if len(results) != expected or twice or unmarked or pending or len(per) + len(marked) < expected:
    sys.exit("cluster: FAILED - every recipient must get at most one message, and one not received must be marked")
if len(per) < expected - 16 * 50:
    sys.exit("cluster: FAILED - more recipients lost than one instance can have claimed")
PY
for i in 1 2 3; do
  n=$(grep -c 'sent' "$work/instance-$i.log" || true)
  echo "cluster: instance $i log lines mentioning sends: $n"
done
echo "cluster: $recipients recipients settled in $(( $(date +%s) - launched )) s with one instance killed midway"
cleanup
trap - EXIT
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || echo "cluster: the test database is left behind"
