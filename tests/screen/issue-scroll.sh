#!/usr/bin/env bash
# Long lines are clipped with a marker and scroll sideways with l/h (and the arrows).
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
COLUMNS=80 tui_run <<'EOF2'
:open BACKEND-1
2
:screen clipped
lll
:view scrolled.view
:screen scrolled
h
:view back.view
EOF2
assert_screen clipped
assert_screen scrolled
grep -q "^hscroll: 24$" "$TEST_DIR/screens/scrolled.view" || fail "l did not scroll right"
grep -q "^hscroll: 16$" "$TEST_DIR/screens/back.view" || fail "h did not scroll back"
[ "$(grep -c '…$' "$TEST_DIR/screens/clipped")" -ge 3 ] || fail "clipped lines carry no marker"
[ "$(grep -c '^‹' "$TEST_DIR/screens/scrolled")" -ge 10 ] || fail "scrolled lines carry no left marker"
finish
