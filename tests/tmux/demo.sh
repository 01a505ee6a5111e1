#!/usr/bin/env bash
# The README's demo (scripts/demo.sh) in a real terminal: it starts its two fake
# servers and opens the Sentry-shaped one under the "demo" profile; P lists the
# profiles and picks "glitchtip", whose stream then loads from the GlitchTip-shaped
# server; q quits and both servers stop with it.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

BIN=$SENTRY_TUI_BIN
export SENTRY_URL= SENTRY_AUTH_TOKEN= SENTRY_ORG= # the demo sets its own
export TMPDIR=$TEST_DIR                           # its servers are told apart by their folder
SENTRY_TUI_BIN=bash tmux_start 120 30 "$ROOT/scripts/demo.sh" "$BIN"
tmux_wait_for " demo " && tmux_wait_for "issues ·"
tmux_keys P
tmux_wait_for "Switch profile (now: demo)"
tmux_keys j Enter
tmux_wait_for " glitchtip "
tmux_wait_for "issues ·"
tmux_screen | grep -q "profile glitchtip:" || fail "the switch was not announced"
servers_before=$(pgrep -f "fake_sentry/server.py --port-file $TEST_DIR/sentry-tui-demo" | wc -l)
[ "$servers_before" -eq 2 ] || fail "the demo runs $servers_before fake servers, not 2"
tmux_keys q
tmux_wait_exit
[ "$TMUX_EXIT" = 0 ] || fail "the demo exited with $TMUX_EXIT"
for _ in $(seq 100); do
	pgrep -f "fake_sentry/server.py --port-file $TEST_DIR/sentry-tui-demo" >/dev/null || break
	sleep 0.05
done
pgrep -f "fake_sentry/server.py --port-file $TEST_DIR/sentry-tui-demo" >/dev/null &&
	fail "a demo server outlived the demo"
finish
