#!/usr/bin/env bash
# One table of filter names: every sort name (and the words the screen shows for it,
# "last seen" or "last-seen"), period and environment the config and the flags accept is
# accepted by :sort, :period and :env too, and means the same (the unit tests check the
# config and the flags against the same list). What none of them accepts is refused
# with the names that are.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small

# name as typed -> sort the server is asked for
sorts=(
	"date date" "new new" "freq freq" "user user" "trends trends" "inbox inbox"
	"recommended recommended"
	"last-seen date" "first-seen new" "events freq" "users user"
	"last seen:date" "first seen:new"
)
# Sentry takes sort=inbox only with is:for_review in the query (and refuses it otherwise).
script=$':query is:for_review\n'
i=0
for pair in "${sorts[@]}"; do
	if [[ $pair == *:* ]]; then typed=${pair%%:*}; else typed=${pair%% *}; fi
	script+=":sort $typed"$'\n'":view sort-$i.view"$'\n'
	i=$((i + 1))
done
script+=$':period 30s\n:view period-30s.view\n:period 2w\n:view period-2w.view\n'
script+=$':env production\n:view env-production.view\n:env all\n:view env-all.view\n'
script+=$':sort popular\n:screen bad-sort\n:period 014d\n:screen bad-period\n'
tui_run <<<"$script"

i=0
for pair in "${sorts[@]}"; do
	if [[ $pair == *:* ]]; then typed=${pair%%:*} want=${pair#*:}; else typed=${pair%% *} want=${pair#* }; fi
	grep -q "^sort: $want$" "$TEST_DIR/screens/sort-$i.view" ||
		fail ":sort $typed did not sort by $want: $(grep '^sort:' "$TEST_DIR/screens/sort-$i.view" 2>/dev/null)"
	assert_request --path /api/0/organizations/acme/issues/ --param "sort=$want"
	i=$((i + 1))
done
grep -q "^period: 30s$" "$TEST_DIR/screens/period-30s.view" || fail ":period 30s was refused"
grep -q "^period: 2w$" "$TEST_DIR/screens/period-2w.view" || fail ":period 2w was refused"
assert_request --path /api/0/organizations/acme/issues/ --param statsPeriod=30s
grep -q "^environment: production$" "$TEST_DIR/screens/env-production.view" || fail ":env production"
grep -q "^environment: all$" "$TEST_DIR/screens/env-all.view" || fail ":env all did not mean all"
assert_screen_has bad-sort "unknown sort 'popular' (date, new, freq, user, trends, inbox, recommended (or last-seen, first-seen, events, users))"
assert_screen_has bad-period "bad period '014d'"

# The flags take the same names as the config file.
tui_run --sort last-seen --period 45m --environment all <<'EOF2'
:view flags.view
EOF2
grep -q "^sort: date$" "$TEST_DIR/screens/flags.view" || fail "--sort last-seen"
grep -q "^period: 45m$" "$TEST_DIR/screens/flags.view" || fail "--period 45m"
grep -q "^environment: all$" "$TEST_DIR/screens/flags.view" || fail "--environment all"
assert_request --path /api/0/organizations/acme/issues/ --param statsPeriod=45m --param sort=date --no-param environment
finish
