#!/usr/bin/env bash
# :transactions on other servers. Older self-hosted Sentry has no spans dataset: its
# 400 is answered by asking the transactions dataset once (a row's id is then the
# event, and Enter opens that event's waterfall). A server without the events endpoint
# (GlitchTip: 404) says so plainly. Hostile transaction names show as marks.
. "$(dirname "$0")/../lib/screen.sh"
server_start
EVENTS=/api/0/organizations/acme/events/
server_faults '[{"match": "^GET /api/0/organizations/acme/events/.*dataset=spans", "status": 400,
  "body": "{\"detail\": \"Invalid dataset: spans\"}"}]'
LINES=24 COLUMNS=100 tui_run <<'EOF2'
:transactions
:wait-for TRANSACTION
:screen fallback
:view fallback.view
<Enter>
:wait-for SPAN
:view event.view
EOF2
assert_request --method GET --path $EVENTS --param dataset=spans --count 1
assert_request --method GET --path $EVENTS --param dataset=transactions \
	--param query=event.type:transaction --param field=transaction.duration --param sort=-timestamp
assert_screen_has fallback "newest first · transactions dataset"
grep -q "^dataset: transactions" "$TEST_DIR/screens/fallback.view" || fail "no fallback to the transactions dataset"
grep -q "^view: waterfall" "$TEST_DIR/screens/event.view" || fail "Enter did not open the event's waterfall"
assert_request --method GET --path-prefix /api/0/projects/acme/backend/events/

server_faults '[{"match": "^GET /api/0/organizations/acme/events/", "status": 404,
  "body": "{\"detail\": \"Not Found\"}"}]'
LINES=24 COLUMNS=100 tui_run <<'EOF2'
:transactions
:wait-for does not list
:screen none
EOF2
assert_screen_has none "this server does not list transactions"
# A 404 is not retried with the other dataset (the one transactions request is the first run's).
assert_request --method GET --path $EVENTS --param dataset=transactions --count 1

python3 - "$TEST_DIR/faults.json" <<'PY'
import json, sys
bad = "\x1b[2J\x1b]0;pwned\x07 \u202etxt \x9b31m"
body = {"data": [{"id": "abcdabcdabcdabcd", "span.op": "http" + bad, "span.duration": "12.5",
                  "span.status": "internal" + bad, "transaction": "GET /x" + bad,
                  "timestamp": "2026-11-20T11:00:00+00:00", "project": "backend" + bad,
                  "trace": "f" * 32, "transaction.span_id": "abcdabcdabcdabcd"},
                 "not a row", {"id": None, "span.duration": None}],
        "meta": {"fields": {}}}
json.dump([{"match": "^GET /api/0/organizations/acme/events/", "status": 200, "body": json.dumps(body)}],
          open(sys.argv[1], "w"))
PY
server_faults "$(cat "$TEST_DIR/faults.json")"
LINES=24 COLUMNS=100 tui_run <<'EOF2'
:transactions
:wait-for TRANSACTION
:screen hostile
:view hostile.view
EOF2
python3 - "$TEST_DIR/screens/hostile" <<'PY' || fail "the hostile list holds control characters"
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
sys.exit(1 if [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f
               or 0x202a <= ord(c) <= 0x202e] else 0)
PY
assert_screen_has hostile "^["
assert_screen_has hostile "12ms"
grep -q "^rows: 2" "$TEST_DIR/screens/hostile.view" || fail "a row that is not an object is skipped, the others kept"
finish
