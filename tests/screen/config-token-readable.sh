#!/usr/bin/env bash
# A config file that holds the auth token and can be read by other users: the warning
# (with the chmod that fixes it) is on the first screen, in the status line, where the
# stderr copy printed before the terminal was taken would be hidden by the alternate
# screen; the rows load under it, and the first key clears it. Mode 0600: no warning.
# A .sentryclirc with a token is held to the same rule.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
unset SENTRY_AUTH_TOKEN # the token comes from the file
printf 'token: demo-token\n' >config.yml
export SENTRY_TUI_CONFIG=config.yml # relative: the message and the screen stay the same
WARNING="config.yml: warning: this file holds an auth token and is readable by other users; run: chmod 600 config.yml"

chmod 644 config.yml
tui_run <<'EOF2'
:screen readable
j
:screen after-key
EOF2
assert_screen readable
assert_screen_has readable "$WARNING"
assert_screen_has readable "BACKEND-2"
assert_screen_lacks after-key "warning"
assert_stderr_has "$WARNING"

# `sentry-tui open` with a link that cannot be opened: its error and the warning both.
tui_run open "https://example.com/issues/1/" <<'EOF2'
:screen open-refused
EOF2
assert_screen_has open-refused "that link is for example.com, not for the server sentry-tui is using (127.0.0.1) · $WARNING"
# A lookup under way is not an error: the warning alone, the issue opens.
tui_run open backend-2 <<'EOF2'
:screen open-lookup
EOF2
assert_screen_has open-lookup "$WARNING"
assert_screen_has open-lookup "ZeroDivisionError"

chmod 640 config.yml # the group is "other users" too
tui_run <<'EOF2'
:screen group-readable
EOF2
assert_screen_has group-readable "$WARNING"

chmod 600 config.yml
tui_run <<'EOF2'
:screen private
EOF2
assert_screen private
assert_screen_lacks private "warning"
[ -s "$TEST_DIR/stderr" ] && fail "0600: something on stderr: $(cat "$TEST_DIR/stderr")"
assert_request --method GET --path /api/0/organizations/acme/issues/ --header "authorization=Bearer demo-token"

# The same for a .sentryclirc that holds the token.
rm config.yml
unset SENTRY_TUI_CONFIG
printf '[auth]\ntoken=demo-token\n' >"$HOME/.sentryclirc"
chmod 644 "$HOME/.sentryclirc"
tui_run <<'EOF2'
:screen sentryclirc
EOF2
assert_screen_has sentryclirc "$HOME/.sentryclirc: warning: this file holds an auth token and is readable by other users; run: chmod 600 $HOME/.sentryclirc"
assert_screen_has sentryclirc "BACKEND-2"
finish
