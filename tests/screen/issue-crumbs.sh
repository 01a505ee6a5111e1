#!/usr/bin/env bash
# Breadcrumbs: opened on the last crumb before the error; L cycles the level filter and
# C the category filter (each through the values present, then back to all); T switches
# relative/absolute time; / searches and n finds the next match.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open BACKEND-1
2
:view opened.view
:screen crumbs
L
:screen level-info
L
L
L
:screen level-error
L
:view level-all.view
T
:view absolute.view
/tax<Enter>
:view search1.view
n
:view search2.view
C
:screen category
EOF2
assert_screen crumbs
assert_screen level-info
assert_screen level-error
assert_screen category
grep -q "^line: .*ROLLBACK" "$TEST_DIR/screens/opened.view" || fail "not opened on the last crumb before the error"
assert_screen_has level-info "20 of 30 breadcrumbs (level: info)"
assert_screen_lacks level-info " warning "
assert_screen_has level-error "(level: error)"
assert_screen_lacks level-error " info "
grep -q "^line: .*-1m58s" "$TEST_DIR/screens/level-all.view" || fail "L did not come back to all levels"
grep -q "^line: .*08:46:" "$TEST_DIR/screens/absolute.view" || fail "T did not show absolute times"
assert_screen_has category "(category: "
grep -qi "^line: .*tax" "$TEST_DIR/screens/search1.view" || fail "/ did not find a match"
l1=$(grep "^line:" "$TEST_DIR/screens/search1.view"); l2=$(grep "^line:" "$TEST_DIR/screens/search2.view")
[ "$l1" != "$l2" ] || fail "n did not move to the next match"
grep -qi "^line: .*tax" "$TEST_DIR/screens/search2.view" || fail "n did not find a match"
finish
