#!/usr/bin/env python3
"""Seeds one campaign through the Gophish-compatible API and waits until every message is sent.

usage: seed.py API KEY TARGETS SMTP_HOST PHISH_URL OUT_DIR [GROUP_SIZE]
Creates a sending profile (-> SMTP_HOST), a ~4 KB template with {{.URL}} and {{.Tracker}}, a landing page with a
form, TARGETS recipients in groups of GROUP_SIZE (default 5000) and the campaign; writes OUT_DIR/campaign.id and
OUT_DIR/rids.txt (one rid per line, from /results) and prints RESULT lines. Loopback only.
"""
import json
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse

api, key, targets, smtp, phish, out = sys.argv[1:7]
targets = int(targets)
group_size = int(sys.argv[7]) if len(sys.argv) > 7 else 5000
if urlparse(api).hostname not in ("127.0.0.1", "localhost"):
    sys.exit("refusing to seed anything but loopback")


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(api + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.exit("%s %s answered %d: %s" % (method, path, e.code, e.read().decode(errors="replace")[:500]))


call("POST", "/api/smtp/", {"name": "bench-smtp", "interface_type": "SMTP", "host": smtp,
                            "from_address": "it@example.test", "username": "", "password": "",
                            "ignore_cert_errors": True, "headers": []})
call("POST", "/api/templates/", {
    "name": "bench-template", "subject": "Action required: password expiry for {{.FirstName}}",
    "text": "Hello {{.FirstName}}, visit {{.URL}}",
    "html": "<html><body><p>Hello {{.FirstName}} {{.LastName}},</p><p>Your password expires today. "
            "<a href=\"{{.URL}}\">Keep my password</a></p><p>" + "Lorem ipsum dolor sit amet. " * 120
            + "</p>{{.Tracker}}</body></html>", "attachments": []})
call("POST", "/api/pages/", {"name": "bench-page", "html": "<html><body><form method=\"post\"><input name=\"username\">"
                             "<input name=\"password\" type=\"password\"><input type=\"submit\"></form></body></html>",
                             "capture_credentials": True, "capture_passwords": False, "redirect_url": ""})
t0 = time.time()
groups = []
for g in range((targets + group_size - 1) // group_size):
    lo, hi = g * group_size + 1, min(targets, (g + 1) * group_size)
    name = "bench-group-%03d" % (g + 1)
    call("POST", "/api/groups/", {"name": name, "targets": [
        {"first_name": "First%d" % i, "last_name": "Last%d" % i, "email": "user%d@example.test" % i, "position": "Staff"}
        for i in range(lo, hi + 1)]})
    groups.append({"name": name})
print("RESULT seed step=groups groups=%d targets=%d seconds=%.1f" % (len(groups), targets, time.time() - t0))
t0 = time.time()
campaign = call("POST", "/api/campaigns/", {"name": "bench-campaign", "template": {"name": "bench-template"},
                                            "page": {"name": "bench-page"}, "smtp": {"name": "bench-smtp"},
                                            "url": phish, "groups": groups})
cid = campaign["id"]
open(out + "/campaign.id", "w").write("%d\n" % cid)
print("RESULT seed step=create campaign_id=%d ms=%.0f" % (cid, (time.time() - t0) * 1000))
deadline = time.time() + 1800
while True:
    s = call("GET", "/api/campaigns/%d/summary" % cid)["stats"]
    sent = s["sent"] + s["opened"] + s["clicked"] + s["submitted_data"]
    if sent >= targets or time.time() > deadline:
        break
    time.sleep(1)
print("RESULT seed step=sent campaign_id=%d sent=%d seconds_after_create=%.1f" % (cid, sent, time.time() - t0))
results = call("GET", "/api/campaigns/%d/results" % cid)["results"]
open(out + "/rids.txt", "w").write("".join(r["id"] + "\n" for r in results))
print("RESULT seed step=results rids=%d" % len(results))
