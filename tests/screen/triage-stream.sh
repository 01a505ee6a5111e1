#!/usr/bin/env bash
# Triage keys on the stream's cursor row send Sentry's exact bodies, change the row at
# once, say what happened, and z sends the inverse.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
r
:screen resolved
:view resolved.view
z
:view undone.view
j
b
:view bookmarked.view
v
u
A
:view assigned.view
:screen assigned
EOF2
put() { assert_request --method PUT --path /api/0/organizations/acme/issues/ "$@"; }
put --param id=4500000002 --param project=11 --count 2
put --param id=4500000002 --body-json 'status="resolved"' --body-json 'statusDetails={}' --body-json 'substatus=null'
put --param id=4500000002 --body-json 'status="unresolved"' --body-json 'substatus="ongoing"'
put --param id=4500000003 --param project=12 --body-json 'isBookmarked=true'
put --param id=4500000003 --body-json 'inbox=false'
put --param id=4500000003 --body-json 'status="unresolved"'
put --param id=4500000003 --body-json 'assignedTo="user:123456"'
assert_request --method GET --path /api/0/auth/ --count 1
assert_screen resolved
assert_screen_has resolved "resolved BACKEND-2 — z to undo"
grep -q "status=resolved .* dimmed=yes" "$TEST_DIR/screens/resolved.view" || fail "a resolved row under is:unresolved is not dimmed"
grep -q "status=unresolved substatus=ongoing .* dimmed=no" "$TEST_DIR/screens/undone.view" || fail "z did not restore the row"
grep -q "^status: undone: resolved BACKEND-2" "$TEST_DIR/screens/undone.view" || fail "undo was not reported"
grep -q "bookmarked=yes" "$TEST_DIR/screens/bookmarked.view" || fail "b did not bookmark the row"
grep -q "assignee=Test User" "$TEST_DIR/screens/assigned.view" || fail "A did not assign the row to me"
assert_screen assigned
finish
