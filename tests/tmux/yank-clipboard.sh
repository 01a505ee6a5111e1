#!/usr/bin/env bash
# Y in a real terminal: the OSC 52 sequence reaches tmux (set-clipboard on), whose paste
# buffer then holds exactly the issue's permalink, and the screen is intact.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

server_start --dataset small
tmux_start 100 30
tmux_wait_for "3 issues"
[ -z "$(T list-buffers)" ] || fail "the clipboard was written before Y"
tmux_keys Y
tmux_wait_for "copied the permalink"
for _ in $(seq 100); do [ -n "$(T list-buffers)" ] && break; sleep 0.02; done
buffer=$(T show-buffer 2>/dev/null)
case "$buffer" in
"http://127.0.0.1:$PORT/organizations/acme/issues/"[0-9]*/) ;;
*) fail "the paste buffer holds '$buffer', not the permalink" ;;
esac
tmux_screen | grep -q "3 issues" || fail "the screen was damaged by the clipboard write"
tmux_keys q
tmux_wait_exit
finish
