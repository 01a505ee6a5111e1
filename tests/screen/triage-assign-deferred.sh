#!/usr/bin/env bash
# An assignment that waits for the server (`:assign NAME` before the members arrived, `A`
# before we know who "me" is) goes to the issue it was typed on, even when the cursor has
# moved on by the time the answer comes.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_faults '[{"match": "GET /api/0/organizations/acme/members/", "delay_ms": 600, "times": 1},
                {"match": "GET /api/0/auth/", "delay_ms": 600, "times": 1}]'
tui_run <<'EOF2'
j
~:assign jane@example.com
~j
:view after-name.view
~A
~k
:view after-me.view
EOF2
# FRONTEND-1 (4500000003) was under the cursor when :assign was typed; BACKEND-1
# (4500000001) when A was pressed, before moving back up.
assert_request --method PUT --path /api/0/organizations/acme/issues/ --param id=4500000003 --body-json 'assignedTo="user:12345"'
assert_request --method PUT --path /api/0/organizations/acme/issues/ --param id=4500000001 --body-json 'assignedTo="user:123456"'
assert_request --method PUT --count 2
grep -q "selected: BACKEND-1" "$TEST_DIR/screens/after-name.view" || fail "the cursor did not move on"
grep -q "status: FRONTEND-1 assigned to Jane Developer" "$TEST_DIR/screens/after-name.view" || fail "the message does not name the issue it was typed on"
grep -q "selected: FRONTEND-1" "$TEST_DIR/screens/after-me.view" || fail "the cursor did not move back"
grep -q "status: BACKEND-1 assigned to Test User" "$TEST_DIR/screens/after-me.view" || fail "A did not say which issue it assigned"

# The issue it was typed on is gone from the screen by then (opened on its own, not in
# the stream's query): nothing is sent, and the message says why.
server_faults '[{"match": "GET /api/0/auth/", "delay_ms": 600, "times": 1}]'
tui_run --query is:resolved <<'EOF2'
:open BACKEND-1
:screen opened
~A
~q
:screen gone
EOF2
assert_screen_has opened "BACKEND-1"
assert_screen_has gone "nothing was sent: BACKEND-1 is no longer loaded; open it and try again"
assert_request --method PUT --count 2
finish
