#!/usr/bin/env bash
# Replies that are not what an HTTP client can use, each named for what the user can
# fix: something that is not HTTP on SENTRY_URL's port (it names host:port; curl's own
# words were "Unsupported protocol"), a response header over curl's limit, one line or
# all of them together (curl said "Out of memory"), and an https:// URL on a port that
# speaks plain HTTP.
. "$(dirname "$0")/../lib/screen.sh"

# raw_start REPLY: a raw_server.py answering every connection with REPLY; sets RAW_PORT.
raw_start() {
	if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; fi
	rm -f "$TEST_DIR/raw-port"
	python3 "$ROOT/tests/fake_sentry/raw_server.py" --port-file "$TEST_DIR/raw-port" \
		--reply "$1" >"$TEST_DIR/raw.out" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 600); do # up to 30 s: a loaded machine starts Python slowly
		[ -s "$TEST_DIR/raw-port" ] && break
		sleep 0.05
	done
	[ -s "$TEST_DIR/raw-port" ] || { fail "raw server did not start"; cat "$TEST_DIR/raw.out"; finish; }
	RAW_PORT=$(cat "$TEST_DIR/raw-port")
	export SENTRY_URL="http://127.0.0.1:$RAW_PORT/" SENTRY_AUTH_TOKEN=demo-token SENTRY_ORG=acme
}

raw_start not-http
tui_run <<'EOF2'
:screen not-http
j
:screen still-alive
EOF2
assert_screen_has not-http "issue list: 127.0.0.1:$RAW_PORT did not answer with HTTP (is SENTRY_URL right?)"
assert_screen_lacks not-http "Unsupported protocol"
assert_screen_has still-alive "Could not load issues"

raw_start huge-header
tui_run <<'EOF2'
:screen huge-header
EOF2
assert_screen_has huge-header "issue list: 127.0.0.1 sent a response header over 100 KiB (the limit); refused"
assert_screen_lacks huge-header "Out of memory"

raw_start many-headers
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
