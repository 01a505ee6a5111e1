#!/usr/bin/env bash
# The archive menu: Enter means until escalating; each choice sends its own body; forever
# only when chosen; a bare "ignored" is never sent; cancelling it sends nothing.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
m
:screen menu
<Enter>
:view escalating.view
j
m
1
j
m
n
100/1h<Enter>
:archive users 10
:archive forever
:archive sometime
:screen bad-archive
m
<Esc>
:screen cancelled-esc
m
q
:screen cancelled-q
EOF2
put() { assert_request --method PUT --path /api/0/organizations/acme/issues/ "$@"; }
assert_screen menu
put --param id=4500000002 --body-json 'status="ignored"' --body-json 'substatus="archived_until_escalating"'
put --param id=4500000003 --body-json 'statusDetails={"ignoreDuration": 30}'
put --param id=4500000001 --body-json 'statusDetails={"ignoreCount": 100, "ignoreWindow": 60}'
put --param id=4500000001 --body-json 'statusDetails={"ignoreUserCount": 10}'
put --param id=4500000001 --body-json 'substatus="archived_forever"'
python3 - "$TEST_DIR/requests.log" <<'PY' || fail "a bare {\"status\":\"ignored\"} was sent"
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r["method"] == "PUT" and json.loads(r["body"]) == {"status": "ignored"}:
        sys.exit(1)
PY
grep -q "status=ignored substatus=archived_until_escalating" "$TEST_DIR/screens/escalating.view" || fail "the row did not show archived"
assert_screen_has bad-archive "archive how? escalating (default), 30m, 2h, 24h, 1w"
# Cancelling the menu (Esc or q) says so and sends nothing (it once read freed memory).
assert_screen_has cancelled-esc "not archived"
assert_screen_has cancelled-q "not archived"
assert_request --method PUT --count 5
finish
