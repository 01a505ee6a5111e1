#!/usr/bin/env bash
# A query typed at / reaches the server, the header shows it, and it is kept in the
# history file; Esc cancels without sending anything.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
/<C-u>level:error TypeError<Enter>
:screen typed
/<C-u>level:fatal<Esc>
:screen cancelled
:view cancelled.view
EOF2
assert_request --path /api/0/organizations/acme/issues/ "--param=query=level:error TypeError" --no-param cursor
assert_request --path /api/0/organizations/acme/issues/ --param query=level:fatal --count 0
assert_screen typed
assert_screen_has cancelled "query unchanged"
grep -q "^query: level:error TypeError$" "$TEST_DIR/screens/cancelled.view" || fail "the query was lost"
grep -qx "level:error TypeError" "$XDG_STATE_HOME/sentry-tui/query_history" ||
	fail "query history was not saved under XDG_STATE_HOME"
finish
