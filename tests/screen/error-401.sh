#!/usr/bin/env bash
# A wrong token: the user is told the token is the problem, and the UI stays usable.
. "$(dirname "$0")/../lib/screen.sh"
server_start --token the-real-token
tui_run <<'EOF2'
:screen unauthorized
?
:screen help-still-works
EOF2
assert_screen_has unauthorized "issue list: authentication failed (HTTP 401): the auth token is invalid, expired or missing a scope — server said: Invalid token"
assert_screen_has unauthorized "Could not load issues"
assert_screen_has help-still-works "Help: keys and commands"
assert_screen_lacks unauthorized "demo-token"
finish
