#!/usr/bin/env bash
# The connect phase has its own, shorter limit (10 s, never over `timeout`), and the
# message says which limit ran out: a TLS handshake that never finishes and a connection
# that is never accepted are not "did not answer within 30s". The whole-request limit
# keeps its own sentence (error-hang).
. "$(dirname "$0")/../lib/cmdline.sh"
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
printf 'timeout: 30\n' >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
export SENTRY_TUI_CONNECT_TIMEOUT_S=2

# Accepted, then silence: an https:// URL waits for a handshake that never comes.
raw_server_start --reply silent
export SENTRY_URL="https://127.0.0.1:$RAW_PORT/"
tui_run <<'EOF2'
:screen handshake
EOF2
assert_screen_has handshake "issue list: TLS handshake with 127.0.0.1 did not finish within 2s"
assert_screen_lacks handshake "within 30s"
cli_run list --format tsv
expect_status 5 "handshake: list"
grep -qF "sentry-tui: issue list: TLS handshake with 127.0.0.1 did not finish within 2s" "$TEST_DIR/err" ||
	fail "handshake: list's stderr: $(cat "$TEST_DIR/err")"

# Never accepted (the queue is full, SYNs go unanswered, as behind a dropping firewall).
raw_server_start --reply unaccepted
tui_run <<'EOF2'
:screen connect
EOF2
assert_screen_has connect "issue list: cannot connect to 127.0.0.1 within 2s (no answer to the connection)"
assert_screen_lacks connect "within 30s"
finish
