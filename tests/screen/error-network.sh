#!/usr/bin/env bash
# Nothing listening: the message names the host; the UI does not freeze or crash.
. "$(dirname "$0")/../lib/screen.sh"
server_start
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=
tui_run <<'EOF2'
:screen refused
j
:screen still-alive
EOF2
assert_screen_has refused "issue list: cannot connect to 127.0.0.1 (connection refused or unreachable)"
assert_screen_has still-alive "Could not load issues"
finish
