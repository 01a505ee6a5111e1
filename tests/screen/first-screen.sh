#!/usr/bin/env bash
# The first screen: the stream as a user sees it on start, and the requests behind it.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
:screen first
:view first.view
EOF2
assert_screen first
assert_screen_has first "100 of 186 issues"
# The first page with Sentry's parameters, sized to the screen (24 rows) so the rows
# show sooner, then at once the rest of a full page from its cursor; the project list
# alongside.
assert_request --method GET --path /api/0/organizations/acme/issues/ --count 1 \
	--param query=is:unresolved --param sort=date --param statsPeriod=14d \
	--param groupStatsPeriod=24h --param limit=24 --no-param cursor --no-param project
assert_request --method GET --path /api/0/organizations/acme/issues/ --count 1 \
	--param query=is:unresolved --param sort=date --param statsPeriod=14d \
	--param groupStatsPeriod=24h --param limit=76 --param cursor=0:24:0 --no-param project
assert_request --method GET --path /api/0/organizations/acme/issues/ --count 2
assert_request --method GET --path /api/0/organizations/acme/projects/ --count 1
# Authenticated, and naming itself.
assert_request --path /api/0/organizations/acme/issues/ --header "authorization=Bearer demo-token"
python3 - "$TEST_DIR/requests.log" <<'PY' || fail "User-Agent does not name sentry-tui and its version"
import json, sys
reqs = [json.loads(l) for l in open(sys.argv[1])]
ua = reqs[0]["headers"].get("user-agent", "")
sys.exit(0 if ua.startswith("sentry-tui/0.1.0") else 1)
PY
grep -q "^cursor: 0$" "$TEST_DIR/screens/first.view" || fail "cursor is not on the first row"
finish
