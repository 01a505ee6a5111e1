#!/usr/bin/env bash
# Rate limited: sentry-tui says it is waiting, honours Retry-After, then retries and
# shows the issues. Keys keep working while it waits. (Retry-After 3: under valgrind on
# a loaded machine a 1 s wait could end before the screen was read.)
. "$(dirname "$0")/../lib/screen.sh"
server_start
server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 429, "headers": {"Retry-After": "3"}, "times": 1}]'
tui_run <<'EOF2'
:wait-for rate limited
~:screen waiting
~?
~:screen help-while-waiting
~q
:screen retried
EOF2
assert_screen_has waiting "issue list: rate limited by 127.0.0.1; waiting 3s, then retrying (try 2 of 6)"
assert_screen_has help-while-waiting "Help: keys and commands"
assert_screen_has retried "issues"
assert_screen_lacks retried "rate limited"
# The first page twice (refused, then retried); the rest of the page follows it.
assert_request --path /api/0/organizations/acme/issues/ --no-param cursor --count 2
python3 - "$TEST_DIR/requests.log" <<'PY' || fail "the retry did not wait for Retry-After"
import json, sys
reqs = [json.loads(l) for l in open(sys.argv[1]) if '"/api/0/organizations/acme/issues/"' in l]
reqs = [r for r in reqs if "cursor" not in r["params"]]
sys.exit(0 if len(reqs) == 2 and reqs[1]["time"] - reqs[0]["time"] >= 2.9 else 1)
PY
finish
