#!/usr/bin/env bash
# Event navigation: < and > follow previousEventID/nextEventID, { and } ask for the
# oldest and latest, * the recommended one; E lists the events and Enter shows one.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
tui_run <<'EOF2'
:open BACKEND-1
<LT>
:view previous.view
<LT>
>
:view next.view
{
:view oldest.view
}
:view latest.view
E
:screen list
jj
<Enter>
:view picked.view
*
:view recommended.view
EOF2
base=/api/0/organizations/acme/issues/4500000001/events
assert_request --path "$base/edbbe514e5e9f39af77b70d5052636df/" --count 2
assert_request --path "$base/ff15a46d8bedb60eee2d0b4e487ff128/"
assert_request --path "$base/oldest/" --count 1
assert_request --path "$base/latest/" --count 1
assert_request --path "$base/" --param per_page=50
assert_request --path "$base/recommended/" --count 2
grep -q "^event: edbbe514e5e9f39af77b70d5052636df$" "$TEST_DIR/screens/previous.view" || fail "< did not show the previous event"
grep -q "^event: edbbe514e5e9f39af77b70d5052636df$" "$TEST_DIR/screens/next.view" || fail "> did not come back"
grep -q "^event: 38b5b3930a311b6c72da90eea4d6b529$" "$TEST_DIR/screens/oldest.view" || fail "{ did not show the oldest"
grep -q "^event: 546e7245ad415ab0b395b23cb90de46b$" "$TEST_DIR/screens/latest.view" || fail "} did not show the latest"
assert_screen list
grep -q "^view: issue$" "$TEST_DIR/screens/picked.view" || fail "Enter in the event list did not return to the issue"
grep -q "^event: 546e7245ad415ab0b395b23cb90de46b$" "$TEST_DIR/screens/recommended.view" || fail "* did not show the recommended event"
finish
