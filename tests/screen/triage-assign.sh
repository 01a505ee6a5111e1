#!/usr/bin/env bash
# The assign picker lists members and teams and filters as you type; Enter assigns to
# the match; a server refusal is shown in its own words and the row rolls back.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
j
a
:screen picker
~jane
~:screen filtered
<Enter>
:view jane.view
a
~#
:screen teams
<Down><Enter>
:view team.view
:assign Sir Penguin
:screen refused
:view refused.view
:unassign
:view nobody.view
EOF2
assert_request --method GET --path /api/0/organizations/acme/members/
assert_request --method GET --path /api/0/organizations/acme/teams/
assert_screen picker
assert_screen filtered
assert_screen_has filtered "Jane Developer"
assert_screen_lacks filtered "John Doe"
assert_request --method PUT --param id=4500000003 --body-json 'assignedTo="user:12345"'
grep -q "assignee=Jane Developer" "$TEST_DIR/screens/jane.view" || fail "the row was not assigned to Jane"
assert_request --method PUT --param id=4500000003 --body-json 'assignedTo="user:280094367316"'
assert_screen_has refused "Cannot assign to non-team member"
assert_screen_has refused "rolled back"
grep -q "assignee=$(grep -o 'assignee=[^ ]*' "$TEST_DIR/screens/team.view" | cut -d= -f2)" \
	"$TEST_DIR/screens/refused.view" || fail "the refused assignment did not roll back"
assert_request --method PUT --param id=4500000003 --body-json 'assignedTo=""'
grep -q "assignee=-" "$TEST_DIR/screens/nobody.view" || fail ":unassign did not clear the assignee"
assert_screen teams
finish
