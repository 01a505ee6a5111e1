#!/usr/bin/env bash
# refresh_interval from the config reloads the stream by itself (for a tmux dashboard):
# once the first load is answered the server starts refusing, and the automatic refresh
# five seconds in shows that without a key being pressed.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
printf 'refresh_interval: 5\n' >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
# Once the first issue list has been answered, the server starts refusing.
server_control_after_first_list faults \
	'[{"match": "GET /api/0/organizations/acme/issues/", "status": 401}]'
tui_run <<EOF2
:screen before
:wait-for authentication failed
~:screen refreshed
EOF2
assert_screen_has before "3 issues"
assert_screen_has refreshed "issue list: authentication failed (HTTP 401)"
assert_request --path /api/0/organizations/acme/issues/ --count 2
finish
