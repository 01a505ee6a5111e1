#!/usr/bin/env bash
# The real binary in a real terminal (tmux): first screen, typing a query, a resize
# delivered as SIGWINCH, hostile titles that must not reach the terminal (the pane title
# stays, no clipboard write), and Ctrl-c leaving cleanly with the terminal restored.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

server_start --dataset hostile
tmux_start 100 30
tmux_wait_for "7 issues"
tmux_wait_for "^[[2J^[]0;pwned^G"
title=$(T display-message -t t -p '#{pane_title}')
case "$title" in *pwned*) fail "a title from the server changed the terminal title: $title" ;; esac
[ -z "$(T list-buffers)" ] || fail "an OSC 52 sequence from the server wrote the clipboard"

# Typing a query in the readline prompt, in a real terminal.
tmux_keys /
tmux_keys C-u
tmux_type "level:fatal"
tmux_wait_for "query: level:fatal"
tmux_keys Enter
tmux_wait_for " 1 issue ·"
assert_request --path /api/0/organizations/acme/issues/ --param query=level:fatal

# Resize: the layout follows the terminal.
T resize-window -t t -x 60 -y 20
tmux_wait_for " EVT "   # the narrow layout's column title: the app re-laid out
tmux_wait_for "BACKEND-1"
tmux_screen | grep -q "FRONTEND-1" && fail "the level:fatal query still shows an error-level issue"
[ "$(tmux_screen | wc -l)" -le 20 ] || fail "the screen did not shrink to 20 rows"
T resize-window -t t -x 30 -y 10
tmux_wait_for "Terminal too small"
T resize-window -t t -x 100 -y 30
tmux_wait_for "SEEN"

# Ctrl-c quits cleanly: exit status 0 and the shell's screen is back.
tmux_keys C-c
tmux_wait_exit
[ "$TMUX_EXIT" = 0 ] || fail "Ctrl-c: exit status $TMUX_EXIT"
T capture-pane -t t -p -a >/dev/null 2>&1 && fail "the alternate screen is still active after exit"
finish
