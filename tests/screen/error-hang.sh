#!/usr/bin/env bash
# A server that never answers: navigation, help and the query prompt keep working while
# the request hangs; after the timeout the user is told which host did not answer.
. "$(dirname "$0")/../lib/screen.sh"
server_start
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
printf 'timeout: 2\n' >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "hang": true, "times": 1}]'
tui_run <<'EOF2'
~:wait-for loading
~:screen hanging
~?
~:screen help-while-hanging
~q
~/<C-u>level:fatal
~:screen prompt-while-hanging
~<Esc>
:screen timed-out
EOF2
assert_screen_has hanging "Loading issues…"
assert_screen_has help-while-hanging "Help: keys and commands"
assert_screen_has prompt-while-hanging "query: level:fatal"
assert_screen_has timed-out "issue list: 127.0.0.1 did not answer within 2s"
finish
