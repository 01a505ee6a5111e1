#!/usr/bin/env bash
# A PUT that fails rolls the row back and says what failed and why.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_faults '[{"match": "^PUT ", "status": 500}]'
tui_run <<'EOF2'
r
:screen failed
:view failed.view
EOF2
assert_screen_has failed "failed: resolved 1 issue"
assert_screen_has failed "server error at 127.0.0.1 (HTTP 500)"
assert_screen_has failed "rolled back"
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
