#!/usr/bin/env bash
# Enter opens an issue, q returns to the stream with the cursor where it was; ? shows
# the help generated from the key table; movement keys do what they say.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
jjjk
:view after-jjjk.view
<Enter>
:screen issue
:view issue.view
q
:view back.view
<C-d>
:view half-page.view
<PgDn>
:view page.view
g
:view top.view
?
:screen help
q
:move-down
:view by-name.view
EOF2
grep -q "^cursor: 2$" "$TEST_DIR/screens/after-jjjk.view" || fail "jjjk did not leave the cursor on row 3"
grep -q "^view: issue$" "$TEST_DIR/screens/issue.view" || fail "Enter did not open the issue"
grep -q "^cursor: 2$" "$TEST_DIR/screens/back.view" || fail "q did not return to the same row"
grep -q "^view: issues$" "$TEST_DIR/screens/back.view" || fail "q did not return to the stream"
grep -q "^cursor: 12$" "$TEST_DIR/screens/half-page.view" || fail "Ctrl-d did not move half a screen"
grep -q "^cursor: 33$" "$TEST_DIR/screens/page.view" || fail "PgDn did not move a screen"
grep -q "^cursor: 0$" "$TEST_DIR/screens/top.view" || fail "g did not go to the top"
grep -q "^cursor: 1$" "$TEST_DIR/screens/by-name.view" || fail ":move-down did not move"
assert_screen issue
assert_screen help
finish
