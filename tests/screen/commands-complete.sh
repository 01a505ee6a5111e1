#!/usr/bin/env bash
# Tab in the `:` line completes command names, then their arguments: the choices the
# help lists (sorts, periods, archive durations) and the server's environments,
# projects, members and teams.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
<Colon>res<Tab>
:screen name
<Esc>
<Colon>sort f<Tab>
:screen sort
<Enter>
<Colon>env st<Tab>
:screen env
<Enter>
<Colon>project fr<Tab>
:screen project
<Esc>
<Colon>archive 3<Tab>
:screen archive
<C-u>mute ev<Tab>
:screen mute
<Esc>
<Colon>assign Jane D<Tab>
<Tab>
:screen member
<C-u>assign #the<Tab>
:screen team
<C-u>assign jane@<Tab>
:screen email
<Esc>
:view after.view
:env all
<Enter>
<Colon>so<Tab>
:screen issue-name
<Esc>
q
<Colon>sor<Tab>
:screen stream-name
EOF2
# The prompt is the last row: what Tab made of the line. (Members load on the first
# Tab after :assign; the second completes.)
prompt_row() { tail -n 1 "$TEST_DIR/screens/$1" | sed 's/ *$//'; }
expect_prompt() {
	[ "$(prompt_row "$1")" = "$2" ] || fail "Tab in '$1' left '$(prompt_row "$1")', wanted '$2'"
}
expect_prompt name ":resolve"
expect_prompt sort ":sort freq"
expect_prompt env ":env staging"
expect_prompt project ":project frontend"
expect_prompt archive ":archive 30m"
expect_prompt mute ":mute events"
expect_prompt member ":assign Jane Developer"
expect_prompt team ":assign #the-goats"
expect_prompt email ":assign jane@example.com"
# Names are those that work where the line was opened: :sort is the stream's.
expect_prompt issue-name ":so"
expect_prompt stream-name ":sort"
# The completed lines ran as typed.
assert_request --path /api/0/organizations/acme/issues/ --param sort=freq --param environment=staging
grep -q "^environment: staging$" "$TEST_DIR/screens/after.view" || fail "env staging was not applied"
# Completing never changes anything on the server.
assert_request --method PUT --count 0
finish
