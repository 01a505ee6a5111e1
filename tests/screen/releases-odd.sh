#!/usr/bin/env bash
# Releases as servers really send them: odd versions (a build suffix, spaces, a slash)
# are one URL-encoded path segment and one query term; null percentages read "–", not
# 0 %; hostile text shows as marks; an error answer (here the server's 400) is shown
# and the rows already there stay.
. "$(dirname "$0")/../lib/screen.sh"
server_start
python3 - "$TEST_DIR/faults.json" <<'PY'
import json, sys
bad = "\x1b[2J\x1b]0;pwned\x07\u202e"
def release(version, health):
    return {"version": version, "shortVersion": version, "dateCreated": "2026-11-19T12:00:00Z",
            "newGroups": 1, "projects": [{"id": 11, "slug": "backend", "newGroups": 1,
                                          "hasHealthData": health is not None, "healthData": health}]}
nulls = {"crashFreeSessions": None, "crashFreeUsers": None, "adoption": None, "totalSessions": 12,
         "totalSessions24h": None, "totalUsers24h": None, "stats": {"14d": []}}
body = [release("pkg@1.2.3+build", {"crashFreeSessions": 96.5, "crashFreeUsers": 98.25, "adoption": 50,
                                    "totalSessions": 900, "totalSessions24h": 100, "totalUsers24h": 30,
                                    "stats": {"14d": [[1763596800, 5], [1763683200, 9]]}}),
        release("my app@1 beta/2", nulls), release("evil" + bad, None)]
rules = [{"match": "^GET /api/0/organizations/acme/releases/\\?", "status": 200, "body": json.dumps(body)}]
json.dump(rules, open(sys.argv[1], "w"))
PY
server_faults "$(cat "$TEST_DIR/faults.json")"
LINES=24 COLUMNS=120 tui_run <<'EOF2'
:releases
:wait-for VERSION
:screen list
j
<Enter>
:wait-for Sessions by status
:screen detail
EOF2
assert_screen_has list "pkg@1.2.3+build backend"
assert_screen_has list "96.50 % 98.25 %"
assert_screen_has list "my app@1 beta/2 backend 1d – – –"
assert_screen_has list "no session data"
assert_screen_has list "evil^["
python3 - "$TEST_DIR/screens/list" <<'PY' || fail "the list holds control characters"
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
sys.exit(1 if [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f
               or 0x202a <= ord(c) <= 0x202e] else 0)
PY
assert_request --method GET --raw-path "/api/0/organizations/acme/releases/my%20app%401%20beta%2f2/"
assert_request --method GET --path /api/0/organizations/acme/sessions/ --param 'query=release:"my app@1 beta/2"'
# The detail of a release the server does not know: its 404, said plainly.
assert_screen_has detail "release: not found (HTTP 404): release my app@1 beta/2 does not exist"
finish
