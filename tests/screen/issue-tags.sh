#!/usr/bin/env bash
# Tags: issue-wide distributions as bars with percentage and count from the tags
# endpoint; Enter on a value returns to the stream with key:value added to the query.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=80 tui_run <<'EOF2'
:open BACKEND-1
3
:screen tags
:search iPhone
<Enter>
:view stream.view
EOF2
assert_screen tags
# Every value under 1000 events shows its exact count and its share of the key's total,
# as the tags endpoint reports them.
python3 - "$PORT" "$TEST_DIR/screens/tags" <<'PY' || fail "tag bars do not match the tags endpoint"
import json, re, sys, urllib.request
req = urllib.request.Request(
    "http://127.0.0.1:%s/api/0/organizations/acme/issues/4500000001/tags/" % sys.argv[1],
    headers={"Authorization": "Bearer demo-token"})
tags = json.load(urllib.request.urlopen(req))
screen = open(sys.argv[2], encoding="utf-8").read()
checked = 0
for key in tags:
    for v in key["topValues"]:
        if v["count"] >= 1000:
            continue
        pct = int(v["count"] * 100 / key["totalValues"] + 0.5)
        pattern = r"\n  %s +%d%% +%d " % (re.escape(v["name"]), pct, v["count"])
        if not re.search(pattern, screen):
            print("missing:", v["name"], pct, v["count"])
            sys.exit(1)
        checked += 1
sys.exit(0 if checked >= 10 else 1)
PY
grep -q '^query: is:unresolved device:"iPhone 15 Pro"$' "$TEST_DIR/screens/stream.view" ||
	fail "Enter on a tag value did not add it to the query"
assert_request --path /api/0/organizations/acme/issues/ '--param=query=is:unresolved device:"iPhone 15 Pro"'
finish
