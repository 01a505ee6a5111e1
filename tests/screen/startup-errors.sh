#!/usr/bin/env bash
# Problems found before the terminal is touched: no token (with how to provide one and
# how to try the demo), config errors as file:line:col (all of them, bad bindings
# included), a world-readable config holding a token, a FIFO as the config file and a
# token_command that hangs. The token is never printed.
. "$(dirname "$0")/../lib/screen.sh"
EXPECT_FAILURE=1
export SENTRY_ORG=acme

tui_run </dev/null
[ "$TUI_STATUS" -eq 2 ] || fail "no token: exit status $TUI_STATUS, wanted 2"
assert_stderr_has "SENTRY_AUTH_TOKEN"
assert_stderr_has ".sentryclirc"
assert_stderr_has "token_command"
assert_stderr_has "make demo"

mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
cfg="$XDG_CONFIG_HOME/sentry-tui/config.yml"
cat >"$cfg" <<'YAML'
token: s3cret-token-value
sortt: freq
period: forever
bindings:
  resolvee: R
  move-down: <Nope>
YAML
chmod 600 "$cfg"
tui_run </dev/null
[ "$TUI_STATUS" -eq 2 ] || fail "bad config: exit status $TUI_STATUS, wanted 2"
assert_stderr_has "$cfg:2:1: unknown key \"sortt\" (did you mean \"sort\"?)"
assert_stderr_has "$cfg:3:9:"
# Bindings are checked with everything else, not only once the rest is right.
assert_stderr_has "$cfg:5:13: unknown request 'resolvee'"
assert_stderr_has "$cfg:6:14: cannot parse key '<Nope>'"
if grep -q "s3cret-token-value" "$TEST_DIR/stderr"; then fail "the token was printed"; fi

cat >"$cfg" <<'YAML'
token: s3cret-token-value
url: http://127.0.0.1:9/
bindings:
  resolvee: R
  move-down: <Nope>
YAML
chmod 644 "$cfg"
tui_run </dev/null
[ "$TUI_STATUS" -eq 2 ] || fail "bad bindings: exit status $TUI_STATUS, wanted 2"
assert_stderr_has "$cfg:4:13: unknown request 'resolvee'"
assert_stderr_has "$cfg:5:14: cannot parse key '<Nope>'"
assert_stderr_has "readable by other users; run: chmod 600 $cfg"
if grep -q "s3cret-token-value" "$TEST_DIR/stderr"; then fail "the token was printed"; fi

# A FIFO as the config file is refused at once instead of waiting for a writer.
mkfifo "$TEST_DIR/config.fifo"
SENTRY_TUI_CONFIG="$TEST_DIR/config.fifo" tui_run </dev/null
[ "$TUI_STATUS" -eq 2 ] || fail "FIFO config: exit status $TUI_STATUS, wanted 2"
assert_stderr_has "$TEST_DIR/config.fifo: not a regular file (from SENTRY_TUI_CONFIG)"

# A token_command that hangs is stopped and reported at its line.
cat >"$cfg" <<'YAML'
url: http://127.0.0.1:9/
token_command: sleep 100
YAML
chmod 600 "$cfg"
SENTRY_TUI_TOKEN_COMMAND_TIMEOUT_MS=300 tui_run </dev/null
[ "$TUI_STATUS" -eq 2 ] || fail "hanging token_command: exit status $TUI_STATUS, wanted 2"
assert_stderr_has "$cfg:2:16: token_command \"sleep 100\" did not finish in 0.3 s"
finish
