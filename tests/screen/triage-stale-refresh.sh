#!/usr/bin/env bash
# A list answer read on the server before a change was made, but arriving after the
# change was confirmed, must not put the old state back on the row: the row shows what
# the server confirmed, not pending, and the next refresh agrees. (Found by the fault
# campaign, tests/campaign/triage-faults.sh: a refresh sent while a bookmark was in
# flight was answered by the server first and reached the client last.)
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
LIST='^GET /api/0/organizations/acme/issues/\\?'
FIRST_LOAD="{\"match\": \"$LIST\", \"times\": 1}" # answered as usual

# The refresh first: its answer is built at once and held 1 s; the bookmark made
# meanwhile is confirmed before that answer arrives.
server_faults "[$FIRST_LOAD, {\"match\": \"$LIST\", \"hold_ms\": 1000, \"times\": 1}]"
tui_run <<'EOF2'
:view loaded
~<C-r>
~b
:view refresh-first.view
:screen refresh-first
<C-r>
:view refreshed.view
EOF2
grep -q "issue: 4500000002 BACKEND-2 .* bookmarked=yes pending=no" "$TEST_DIR/screens/refresh-first.view" ||
	{ fail "the held answer put the old bookmark back"; grep 4500000002 "$TEST_DIR/screens/refresh-first.view"; }
assert_screen_has refresh-first "★BACKEND-2"
grep -q "issue: 4500000002 BACKEND-2 .* bookmarked=yes pending=no" "$TEST_DIR/screens/refreshed.view" ||
	fail "the server does not have the bookmark"

# The change first, slow to reach the server; the refresh sent after it is read before
# the change is made and arrives after it was confirmed (the campaign's order).
server_faults "[$FIRST_LOAD, {\"match\": \"^PUT \", \"delay_ms\": 300, \"times\": 1},
                {\"match\": \"$LIST\", \"hold_ms\": 1000, \"times\": 1}]"
tui_run <<'EOF2'
:view loaded
~r
~<C-r>
:view change-first.view
EOF2
grep -q "issue: 4500000002 BACKEND-2 status=resolved .*pending=no" "$TEST_DIR/screens/change-first.view" ||
	{ fail "the held answer put the old status back"; grep 4500000002 "$TEST_DIR/screens/change-first.view"; }
finish
