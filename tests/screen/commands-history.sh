#!/usr/bin/env bash
# Prompt history never holds control characters: a query that came with a raw ESC
# (here set by :query, as a hostile tag value clicked into the query would) or a
# quoted-in control key is saved without them, and a history file that already holds
# escapes is cleaned when it is read. The query itself runs as it was.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
state="$XDG_STATE_HOME/sentry-tui"
mkdir -p "$state"
printf 'is:unresolved\nlevel:warning\033]0;owned\007 title\n\033[2J\n' >"$state/query_history"
# Raw bytes in the script: ESC (0x1b) inside a :query line, ^A quoted in with Ctrl-v.
printf '%s\n' \
	":query level:error$(printf '\033')[31m red" \
	'/<Enter>' \
	'/<C-u>is:unresolved<C-v><C-a> TypeError<Enter>' \
	'/<C-u><Up><Up><Up>' \
	':screen recalled' \
	'<Esc>' | tui_run
has_controls() { LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"; }
has_controls "$state/query_history" && fail "the history file holds control characters: $(od -c "$state/query_history" | head)"
grep -qxF 'level:error red' "$state/query_history" || fail "the ESC query was not kept (without its ESC): $(cat -v "$state/query_history")"
grep -qxF 'is:unresolved TypeError' "$state/query_history" || fail "the ^A query was not kept (without ^A): $(cat -v "$state/query_history")"
grep -qxF 'level:warning title' "$state/query_history" || fail "the old escaped line was not cleaned: $(cat -v "$state/query_history")"
grep -qxF '[2J' "$state/query_history" && fail "what was left of a bare escape sequence was kept"
# Up goes back through the cleaned history: the third entry back is the old escaped one
# (the bare escape sequence left nothing and is gone).
assert_screen_has recalled "query: level:warning title"
# The query sent is the one typed: nothing is silently changed on its way to Sentry.
assert_request --path /api/0/organizations/acme/issues/ --param "query=level:error$(printf '\033')[31m red"
finish
