#!/usr/bin/env bash
# --watch in a small pane (60x12): compact rows, and after the automatic refresh an
# issue that appeared above the cursor is marked new (+), one that started escalating
# is marked ▲, the title counts them, and the cursor stays on the issue it was on.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
# BACKEND-2 (seen 7 minutes ago, the top row by last seen) does not exist yet.
server_issues '{"hide": ["BACKEND-2"]}'
# Once the first issue list has been answered, the issue appears and another escalates.
server_control_after_first_list issues \
	'{"show": ["BACKEND-2"], "set": {"BACKEND-1": {"substatus": "escalating"}}}'
LINES=12 COLUMNS=60 tui_run --watch 5 <<'EOF2'
:screen first
j
:view moved-view
:wait-for escalating
~:screen refreshed
~:view refreshed-view
EOF2
assert_screen first
assert_screen refreshed
grep -q "selected: BACKEND-1" "$TEST_DIR/screens/moved-view" || fail "j did not select BACKEND-1"
grep -q "selected: BACKEND-1" "$TEST_DIR/screens/refreshed-view" ||
	fail "the cursor left BACKEND-1 when a row appeared above it: $(grep selected "$TEST_DIR/screens/refreshed-view")"
grep -q "cursor: 2" "$TEST_DIR/screens/refreshed-view" || fail "the cursor is not on the third row"
assert_screen_has refreshed "1 new, 1 escalating"
assert_request --path /api/0/organizations/acme/issues/ --count 2
finish
