#!/usr/bin/env bash
# Quitting while a change is still on its way asks first; "n" stays and shows the answer
# when it comes; once nothing is in flight, q quits at once.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_faults '[{"match": "^PUT ", "delay_ms": 1500}]'
tui_run <<'EOF2'
:view loaded.view
~r
~q
~:screen asking
~n
~:screen stayed
:wait-for resolved BACKEND-2
:screen answered
Q
:screen after-quit
EOF2
assert_screen_has asking "1 change is still being sent — quit anyway? y/N"
assert_screen_has stayed "not quitting: the answer will show here"
assert_screen_has answered "resolved BACKEND-2 — z to undo"
[ -e "$TEST_DIR/screens/after-quit" ] && fail "Q with nothing in flight did not quit at once"
[ "$TUI_STATUS" -eq 0 ] || fail "sentry-tui exited with $TUI_STATUS"

# y quits with the change still in flight.
tui_run <<'EOF2'
:view loaded.view
~j
~b
~Q
~:screen asking-again
~y
~:screen after-yes
EOF2
assert_screen_has asking-again "quit anyway? y/N"
[ -e "$TEST_DIR/screens/after-yes" ] && fail "y did not quit"
finish
