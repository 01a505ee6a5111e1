#!/usr/bin/env bash
# s cycles the sort; :sort names one. Each change sends the sort to the server, starts
# again at the top, and marks the sorted column.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
j
s
:screen by-first-seen
:view by-first-seen.view
:sort freq
:screen by-events
EOF2
assert_request --path /api/0/organizations/acme/issues/ --param sort=new --count 1
assert_request --path /api/0/organizations/acme/issues/ --param sort=freq --count 1
grep -q "^cursor: 0$" "$TEST_DIR/screens/by-first-seen.view" || fail "sort change kept the old cursor"
assert_screen by-first-seen
assert_screen by-events
assert_screen_has by-events "EVENTS▼"
finish
