#!/usr/bin/env bash
# A slow PUT does not block navigation: the row shows the change as pending at once,
# keys keep moving, and the answer lands later. A refresh that lands meanwhile keeps
# the pending change on screen.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_faults '[{"match": "^PUT ", "delay_ms": 2500}]'
tui_run <<'EOF2'
:view start.view
~r
~:view pending.view
~j
~:view moved.view
~<C-r>
~:wait-for 3 issues
~k
~:view after-refresh.view
~:screen after-refresh
:view done.view
EOF2
grep -q "status=resolved .*pending=yes" "$TEST_DIR/screens/pending.view" || fail "the row did not change at once"
grep -q "^cursor: 1$" "$TEST_DIR/screens/moved.view" || fail "j did not move while the PUT was in flight"
grep -q "status=resolved .*pending=yes" "$TEST_DIR/screens/after-refresh.view" || fail "the refresh overwrote the pending change"
grep -q "status=resolved .*pending=no" "$TEST_DIR/screens/done.view" || fail "the answer did not settle the row"
assert_request --method GET --path /api/0/organizations/acme/issues/ --count 2
finish
