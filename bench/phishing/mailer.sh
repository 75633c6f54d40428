#!/usr/bin/env bash
# Mailer benchmark on the production (PostgreSQL) build, beside this machine's SMTP ceiling from the same run:
#  1. ceiling: postfix smtp-source -> smtp-sink, TARGETS messages over 16 reused sessions (../shared/tools/perf);
#  2. product: an organization, a sending profile pointing at a fresh smtp-sink, TARGETS recipients in groups and a
#     campaign created through the Gophish-compatible API; the sink's counter is sampled every 20 ms from the moment the
#     campaign is created, for the delay to the first message and the rate until the last; a second campaign to the
#     same recipients then measures the warm service (WARM=0 skips it).
# Usage: bench/phishing/mailer.sh [TARGETS]   (default 10000). Needs PostgreSQL on 127.0.0.1:5432 (trust auth),
# curl, python3 and postfix's smtp-sink / smtp-source. SKIP_BUILD=1 reuses target/quarkus-app.
# Prints RESULT lines and the load average (uptime) before and after. Absolute figures move with whatever else runs
# on the machine: compare the product's rate with the ceiling printed by the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=${1:-10000}
perf=${PERF_TOOLS:-../shared/tools/perf}
api_port=${API_PORT:-3394}
phish_port=${PHISH_PORT:-8094}
db=tidewatch_bench_mailer
key=be0c4b3e5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
run=$(mktemp -d /tmp/bench-mailer.XXXXXX)
log=$run/app.log

[ -d "$perf" ] || { echo "perf tools not found at $perf (set PERF_TOOLS)" >&2; exit 1; }
. "$perf/_lib.sh"
. bench/service.sh
build_service
echo "load before: $(uptime)"

cport=$(perf_free_port 2610)
PORT=$cport "$perf/ceiling-smtp.sh" "$targets" 16 5120 2>&1 | grep '^RESULT' || true

psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
QUARKUS_HTTP_PORT=$api_port QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
TIDEWATCH_INITIAL_ADMIN_API_KEY=$key TIDEWATCH_PHISH_PORT=$phish_port TIDEWATCH_PHISH_HOST=127.0.0.1 \
TIDEWATCH_OUTBOUND_ALLOW_PRIVATE=true \
TIDEWATCH_ENCRYPTION_KEY=${TIDEWATCH_ENCRYPTION_KEY:-YmVuY2gtb25seS1rZXktMDAwMDAwMDAwMDAwMDAwMDA=} \
  run_service > "$log" 2>&1 &
pid=$!
cleanup() {
  perf_sink_stop 2>/dev/null || true
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
}
trap cleanup EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$api_port/q/health/ready"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
api="http://127.0.0.1:$api_port"
curl -sf -o /dev/null -X POST "$api/api/organizations/" -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench mailer\",\"slug\":\"bench-mailer\",\"seat_cap\":$((targets + 10)),\"host\":\"mailer.sat.example.test\"}"

sport=$(perf_free_port 2620)
perf_sink_start "$sport"
perf_wait_port "$sport" 10
# Profile, template, page and groups through the API (a bare from_address, as Gophish requires since 2022); the
# campaign is created below, timed. The template is the shared seed's: about 5 KB of HTML and text per message.
python3 - "$api" "$key" "$targets" "${GROUP_SIZE:-5000}" "127.0.0.1:$sport" "http://127.0.0.1:$phish_port" \
  "$run/campaign-request.json" <<'PY'
import json, sys, urllib.request
api, key, n, gs, smtp, url, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
def post(path, body):
    req = urllib.request.Request(api + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
post("/api/smtp/", {"name": "mailer-smtp", "interface_type": "SMTP", "from_address": "it@example.test", "host": smtp,
                    "username": "", "password": "", "ignore_cert_errors": True, "headers": []})
post("/api/templates/", {"name": "mailer-template", "subject": "Action required: password expiry for {{.FirstName}}",
                         "text": "Hello {{.FirstName}}, visit {{.URL}}",
                         "html": "<html><body><p>Hello {{.FirstName}} {{.LastName}},</p><p>Your password expires today. "
                                 "<a href=\"{{.URL}}\">Keep my password</a></p><p>" + "Lorem ipsum dolor sit amet. " * 120
                                 + "</p>{{.Tracker}}</body></html>", "attachments": []})
post("/api/pages/", {"name": "mailer-page", "html": "<html><body><form method=\"post\"><input name=\"username\">"
                     "<input type=\"submit\"></form></body></html>", "capture_credentials": True,
                     "capture_passwords": False, "redirect_url": ""})
groups = []
for g in range((n + gs - 1) // gs):
    lo, hi = g * gs + 1, min(n, (g + 1) * gs)
    name = f"mailer-group-{g + 1:03d}"
    post("/api/groups/", {"name": name, "targets": [{"first_name": f"First{i}", "last_name": f"Last{i}",
                          "email": f"user{i}@example.test", "position": "Staff"} for i in range(lo, hi + 1)]})
    groups.append({"name": name})
json.dump({"name": "mailer-campaign", "template": {"name": "mailer-template"}, "page": {"name": "mailer-page"},
           "smtp": {"name": "mailer-smtp"}, "url": url, "groups": groups}, open(out, "w"))
PY

# One process samples the sink's counter every 10 ms (forking per sample would itself be slowed by a busy machine).
python3 - "$api" "$key" "$targets" "$run/campaign-request.json" "$PERF_SINK_OUT" "${WAIT:-900}" <<'PY'
import json, os, re, sys, threading, time, urllib.request
api, key, n, body, sink, wait = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], float(sys.argv[6])
def count():
    with open(sink, "rb") as f:
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 200))
        found = re.findall(rb"mesg=(\d+)", f.read())
    return int(found[-1]) if found else 0
def post(path, data):
    return urllib.request.Request(api + path, data=data, method="POST",
                                  headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
# First, a 10-recipient campaign: the delay from the create request to its first message at the sink, with a create
# request that is quick (a large campaign's request writes every result row before the mailer may start).
campaign = json.load(open(body))
urllib.request.urlopen(post("/api/groups/", json.dumps({"name": "mailer-small", "targets": [
    {"first_name": "S", "last_name": str(i), "email": f"small{i}@example.test", "position": ""} for i in range(10)]})
    .encode())).read()
small = dict(campaign, name="mailer-small-campaign", groups=[{"name": "mailer-small"}])
before = count()
s0 = time.monotonic()
urllib.request.urlopen(post("/api/campaigns/", json.dumps(small).encode())).read()
s1 = time.monotonic()
while count() == before and time.monotonic() - s0 < 60:
    time.sleep(0.005)
s2 = time.monotonic()
while count() < before + 10 and time.monotonic() - s0 < 60:
    time.sleep(0.005)
print(f"RESULT mailer-first-message small_campaign=10 create_ms={(s1 - s0) * 1000:.0f}"
      f" first_message_s_after_create_request={s2 - s0:.3f} all_10_s={time.monotonic() - s0:.3f}")
def run(name):
    """Creates a campaign of every group; returns (create seconds, first message s, rate, count, window)."""
    base = count()
    samples = []
    def sample():
        while time.monotonic() - t0 < wait:
            c = count()
            samples.append((time.monotonic(), c))
            if c >= base + n:
                return
            time.sleep(0.01)
    sampler = threading.Thread(target=sample)
    t0 = time.monotonic()
    sampler.start()
    urllib.request.urlopen(post("/api/campaigns/", json.dumps(dict(campaign, name=name)).encode())).read()
    t1 = time.monotonic()
    sampler.join()
    arrived = [(t, c - base) for t, c in samples if c > base]
    if not arrived:
        sys.exit("no message arrived")
    (first_t, first_n), (last_t, last_n) = arrived[0], arrived[-1]
    return t1 - t0, first_t - t0, (last_n - first_n) / max(1e-9, last_t - first_t), last_n, last_t - first_t
# The first large campaign after start-up runs on a cold JVM (the JIT compiler busy beside the senders); a service
# that has been up for a while sends the way the second one does. Both are printed.
create_s, first_s, rate, sent, window = run("mailer-campaign")
# The create request writes every recipient's result row: no message can leave before it commits.
print(f"RESULT mailer-create recipients={n} ms={create_s * 1000:.0f}")
print(f"RESULT mailer-large first_message_s_after_create_request={first_s:.2f} create_response_s={create_s:.2f}")
print(f"RESULT mailer-cold messages={sent} msgs_per_s={rate:.0f} window_s={window:.2f} (first large campaign after start-up)")
if os.environ.get("WARM", "1") != "0":
    create_s, first_s, rate, sent, window = run("mailer-campaign-2")
    print(f"RESULT mailer messages={sent} msgs_per_s={rate:.0f} window_s={window:.2f} first_message_s={first_s:.2f}"
          f" (second campaign to the same {n} recipients: a warm service)")
PY
grep -E 'Mailer pass' "$log" | tail -3 || true
echo "load after: $(uptime)"
