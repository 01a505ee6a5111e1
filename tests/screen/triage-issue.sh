#!/usr/bin/env bash
# The same keys on the issue screen act on that issue; the header follows, and so does
# the stream row behind it.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
:open BACKEND-1
r
:screen resolved
b
:screen unbookmarked
u
v
A
m
<Enter>
:screen archived
q
:view stream.view
EOF2
put() { assert_request --method PUT --path /api/0/organizations/acme/issues/ --param id=4500000001 "$@"; }
put --body-json 'status="unresolved"'
put --body-json 'inbox=false'
put --body-json 'assignedTo="user:123456"'
put --body-json 'substatus="archived_until_escalating"'
assert_screen_has archived "ignored · archived until escalating"
assert_request --method PUT --path /api/0/organizations/acme/issues/ --param id=4500000001 --body-json 'status="resolved"'
assert_request --method PUT --path /api/0/organizations/acme/issues/ --param id=4500000001 --body-json 'isBookmarked=false'
assert_screen_has resolved "resolved · priority high"
assert_screen_has resolved "resolved BACKEND-1 — z to undo"
assert_screen_lacks unbookmarked "★ bookmarked"
grep -q "status=ignored .*assignee=Test User bookmarked=no" "$TEST_DIR/screens/stream.view" || fail "the stream row did not follow"
finish
