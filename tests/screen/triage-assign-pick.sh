#!/usr/bin/env bash
# The assign picker picks the best person for what is typed and never unassigns by
# accident: "nobody" is the last row and only "none" or ":unassign" (or moving onto it)
# chooses it.
# People on a team with access to the issue's project come first; the others are marked.
# `:assign NAME` typed while the members are still loading is carried out when they come.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_faults '[{"match": "GET /api/0/organizations/acme/members/", "delay_ms": 400, "times": 1}]'
tui_run <<'EOF2'
j
:assign jane@example.com
:view pending.view
a
~un
~:screen typed-un
<Enter>
:screen after-un
a
~j
~:screen typed-j
<Enter>
:view j.view
a
~doe
~:screen typed-doe
<Esc>
a
~none
<Enter>
:view none.view
:assign jane@example.com
a
<Colon>unassign<Enter>
:view unassign-typed.view
EOF2
put() { assert_request --method PUT --path /api/0/organizations/acme/issues/ --param id=4500000003 "$@"; }
# :assign before the members arrived: sent once they did.
put --body-json 'assignedTo="user:12345"'
grep -q "assignee=Jane Developer" "$TEST_DIR/screens/pending.view" || fail ":assign typed while loading was dropped"
# "un" names nobody: nothing is sent, and the picker says so.
assert_screen_lacks typed-un "nobody (unassign)"
assert_screen_has after-un "nobody matches 'un'"
# "j": Jane (on a team with access to frontend) before John (not), and Enter takes Jane.
assert_screen typed-j
grep -q "assignee=Jane Developer" "$TEST_DIR/screens/j.view" || fail "j did not pick Jane"
# A surname picks its member first.
assert_screen typed-doe
# Unassigning on purpose.
put --body-json 'assignedTo=""'
grep -q "assignee=-" "$TEST_DIR/screens/none.view" || fail "none did not unassign"
# ":unassign" typed in the picker, as on the command line, unassigns too.
grep -q "assignee=-" "$TEST_DIR/screens/unassign-typed.view" || fail ":unassign typed in the picker did not unassign"
put --body-json 'assignedTo=""' --count 2
put --count 5
finish
