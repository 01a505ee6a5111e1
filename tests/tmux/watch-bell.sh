#!/usr/bin/env bash
# --watch --bell new in a real terminal: when a new high-priority issue appears at an
# automatic refresh the terminal gets exactly one BEL; a new low-priority one and the
# first load ring nothing; with the default (bell: never) nothing rings at all.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

server_start --dataset small
server_issues '{"hide": ["BACKEND-2", "FRONTEND-1"], "set": {"BACKEND-2": {"priority": "high"}, "FRONTEND-1": {"priority": "low"}}}'
bells() { tr -cd '\007' <"$TEST_DIR/pane.out" | wc -c; }

tmux_start 60 12 --watch 5 --bell new
T pipe-pane -o -t t "cat >>'$TEST_DIR/pane.out'"
tmux_wait_for "1 issue"
[ "$(bells)" -eq 0 ] || fail "the first load rang the bell $(bells) times"
server_issues '{"show": ["FRONTEND-1"]}'   # low priority: no bell
tmux_wait_for "1 new"
[ "$(bells)" -eq 0 ] || fail "a new low-priority issue rang the bell"
tmux_keys j                                # looked: the mark goes
server_issues '{"show": ["BACKEND-2"]}'    # high priority: one bell
tmux_wait_for "BACKEND-2"
sleep 0.5
[ "$(bells)" -eq 1 ] || fail "a new high-priority issue rang the bell $(bells) times, wanted 1"
tmux_keys q
tmux_wait_exit
tmux_stop

# bell: never (the default) stays quiet.
server_issues '{"hide": ["BACKEND-2"]}'
rm -f "$TEST_DIR/pane.out" "$TEST_DIR/exit"
tmux_start 60 12 --watch 5
T pipe-pane -o -t t "cat >>'$TEST_DIR/pane.out'"
tmux_wait_for "2 issues"
server_issues '{"show": ["BACKEND-2"]}'
tmux_wait_for "BACKEND-2"
sleep 0.5
[ "$(bells)" -eq 0 ] || fail "bell: never rang the bell $(bells) times"
tmux_keys q
tmux_wait_exit
finish
