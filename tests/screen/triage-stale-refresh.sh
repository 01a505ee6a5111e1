#!/usr/bin/env bash
# Rows read on the server before a change was made, but arriving after the change was
# confirmed, must not put the old state back: the row shows what the server confirmed,
# not pending, and the next refresh agrees. The same for the issue screen's issue, which
# also keeps a change still in flight when it arrives. (Found by the fault campaign,
# tests/campaign/triage-faults.sh: a refresh sent while a bookmark was in flight was
# answered by the server first and reached the client last.)
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
LIST='^GET /api/0/organizations/acme/issues/\\?'
FIRST_LOAD="{\"match\": \"$LIST\", \"times\": 1}" # answered as usual
# Keys sent together reach the server in either order: the change is made 300 ms after
# it arrives, so a held answer is always built before it.
SLOW_CHANGE="{\"match\": \"^PUT \", \"delay_ms\": 300, \"times\": 1}"

# The refresh first: its answer is built at once and held 1 s; the bookmark made
# meanwhile is confirmed before that answer arrives.
server_faults "[$FIRST_LOAD, $SLOW_CHANGE, {\"match\": \"$LIST\", \"hold_ms\": 1000, \"times\": 1}]"
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
server_faults "[$FIRST_LOAD, $SLOW_CHANGE, {\"match\": \"$LIST\", \"hold_ms\": 1000, \"times\": 1}]"
tui_run <<'EOF2'
:view loaded
~r
~<C-r>
:view change-first.view
EOF2
grep -q "issue: 4500000002 BACKEND-2 status=resolved .*pending=no" "$TEST_DIR/screens/change-first.view" ||
	{ fail "the held answer put the old status back"; grep 4500000002 "$TEST_DIR/screens/change-first.view"; }

# The issue screen: its issue read again (Ctrl-r) before an unbookmark and held past its
# confirmation; and the screen opened on a row whose bookmark is still on its way (the
# issue read at once shows the server's state before the change).
ISSUE='^GET /api/0/(organizations/acme/)?issues/4500000001/$'
server_faults "[{\"match\": \"$ISSUE\", \"times\": 1}, $SLOW_CHANGE,
                {\"match\": \"$ISSUE\", \"hold_ms\": 1000, \"times\": 1}]"
tui_run <<'EOF2'
:open BACKEND-1
~<C-r>
~b
:screen issue-refresh-first
EOF2
assert_screen_has issue-refresh-first "unbookmarked BACKEND-1"
assert_screen_lacks issue-refresh-first "★ bookmarked"
# The server's account of an archive, in the held issue, goes with the archive.
server_faults "[{\"match\": \"$ISSUE\", \"times\": 2}, $SLOW_CHANGE,
                {\"match\": \"$ISSUE\", \"hold_ms\": 1000, \"times\": 1}]"
tui_run <<'EOF2'
:open BACKEND-1
m
f
<C-r>
:screen issue-archived
~<C-r>
~u
:screen issue-unarchived
EOF2
assert_screen_has issue-archived "ignored (archived forever)"
assert_screen_has issue-unarchived " unresolved · ongoing · priority high"
assert_screen_lacks issue-unarchived "archived forever"
server_faults "[{\"match\": \"^PUT \", \"delay_ms\": 1500, \"times\": 1}]"
tui_run <<'EOF2'
jj
~b
~<Enter>
~:wait-for 30d
~:screen issue-open-pending
:screen issue-open-done
EOF2
assert_screen_has issue-open-pending "· ★ bookmarked"
assert_screen_has issue-open-done "· ★ bookmarked"
finish
