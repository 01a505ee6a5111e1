#!/usr/bin/env bash
# Watch mode remembers, per profile and query, what the pane last showed: written when
# the user quits, in $XDG_STATE_HOME/sentry-tui/ (mode 0600, never the token). The next
# start marks what changed while nobody watched; another query has its own memory.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_issues '{"hide": ["BACKEND-2"]}'
LINES=12 COLUMNS=60 tui_run --watch 30 <<'EOF2'
:screen before
q
EOF2
state_dir="$XDG_STATE_HOME/sentry-tui"
files=("$state_dir"/watch-*.state)
[ "${#files[@]}" -eq 1 ] && [ -f "${files[0]}" ] || fail "no single state file in $state_dir: $(ls -la "$state_dir" 2>&1)"
mode=$(stat -c %a "${files[0]}")
[ "$mode" = 600 ] || fail "state file mode $mode, wanted 600"
grep -q demo-token "${files[0]}" && fail "the token is in the state file"
grep -q 4500000003 "${files[0]}" || fail "the state file does not hold the shown issues: $(cat "${files[0]}")"

# While nobody watched: an issue appeared, another escalated.
server_issues '{"show": ["BACKEND-2"], "set": {"BACKEND-1": {"substatus": "escalating"}}}'
LINES=12 COLUMNS=60 tui_run --watch 30 <<'EOF2'
:screen after
q
EOF2
assert_screen after
assert_screen_has after "1 new, 1 escalating"

# Another query starts without marks: it was never watched.
LINES=12 COLUMNS=60 tui_run --watch 30 --query is:unresolved\ level:fatal <<'EOF2'
:screen other-query
EOF2
assert_screen_lacks other-query "new"
assert_screen_has other-query "BACKEND-1"
finish
