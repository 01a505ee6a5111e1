#!/usr/bin/env bash
# A PUT that fails says what failed and why, by short id; a 500 leaves it open whether the
# change was made, so the issue is read again: the server does not have it, so the row
# shows the old state and the message says so.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_faults '[{"match": "^PUT ", "status": 500}]'
tui_run <<'EOF2'
r
:screen failed
:view failed.view
EOF2
assert_screen_has failed "failed, not applied (read back): resolved BACKEND-2 — issue update: server error"
assert_screen_has failed "at 127.0.0.1 (HTTP 500)"
assert_screen_lacks failed "4500000002"
assert_request --method GET --path /api/0/organizations/acme/issues/4500000002/
grep -q "status=unresolved .*pending=no" "$TEST_DIR/screens/failed.view" || fail "the row was not rolled back"

# 204: the server matched none of the ids: also rolled back, and said so.
server_faults '[{"match": "^PUT ", "status": 204, "body": ""}]'
tui_run <<'EOF2'
b
:screen nothing-matched
:view nothing-matched.view
EOF2
assert_screen_has nothing-matched "the server matched none of these issues (HTTP 204)"
grep -q "bookmarked=no .*pending=no" "$TEST_DIR/screens/nothing-matched.view" || fail "a 204 left the row changed"
finish
