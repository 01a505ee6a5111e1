#!/usr/bin/env bash
# Replies that are not what an HTTP client can use, each named for what the user can
# fix: something that is not HTTP on SENTRY_URL's port (it names host:port; curl's own
# words were "Unsupported protocol"), a response header over curl's limit, one line or
# all of them together (curl said "Out of memory"), and an https:// URL on a port that
# speaks plain HTTP.
. "$(dirname "$0")/../lib/screen.sh"

raw_server_start --reply not-http
tui_run <<'EOF2'
:screen not-http
j
:screen still-alive
EOF2
assert_screen_has not-http "issue list: 127.0.0.1:$RAW_PORT did not answer with HTTP (is SENTRY_URL right?)"
assert_screen_lacks not-http "Unsupported protocol"
assert_screen_has still-alive "Could not load issues"

raw_server_start --reply huge-header
tui_run <<'EOF2'
:screen huge-header
EOF2
assert_screen_has huge-header "issue list: 127.0.0.1 sent a response header over 100 KiB (the limit); refused"
assert_screen_lacks huge-header "Out of memory"

raw_server_start --reply many-headers
tui_run <<'EOF2'
:screen many-headers
EOF2
assert_screen_has many-headers "issue list: 127.0.0.1 sent a response header over 300 KiB (the limit); refused"

# The fake Sentry server speaks plain HTTP; ask it for TLS.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=
server_start
export SENTRY_URL="https://127.0.0.1:$PORT/"
tui_run <<'EOF2'
:screen https-on-http
EOF2
assert_screen_has https-on-http "issue list: 127.0.0.1:$PORT did not answer with TLS (is it http://, not https://? check SENTRY_URL)"
finish
