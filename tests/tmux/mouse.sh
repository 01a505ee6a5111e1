#!/usr/bin/env bash
# The mouse in a real terminal (mouse: true): a click selects the row under it and a
# double click opens it. Off by default: then the terminal is not asked for mouse
# reports at all.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

# Mouse reports in the X10 encoding the application asked for: ESC [ M, then the
# button, column and row (1-based), each plus 32. Button 0 pressed, 3 released.
report() {
	local b x y
	b=$(printf "\\$(printf %03o $((32 + $1)))")
	x=$(printf "\\$(printf %03o $((32 + $2)))")
	y=$(printf "\\$(printf %03o $((32 + $3)))")
	tmux_type $'\e[M'"$b$x$y"
}
click() { report 0 "$1" "$2"; report 3 "$1" "$2"; }

server_start --dataset small
mkdir -p "$HOME/.config/sentry-tui"
printf 'mouse: true\n' >"$HOME/.config/sentry-tui/config.yml"
tmux_start 100 30
tmux_wait_for "3 issues"
[ "$(T display-message -t t -p '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')" != 000 ] \
	|| fail "mouse: true did not ask the terminal for mouse reports"
# Row 1 is the title, row 2 the column titles, rows 3-5 the three issues.
click 20 5
sleep 0.6 # ncurses tells a click from a double click after its interval (300 ms)
tmux_keys Enter
tmux_wait_for "acme › BACKEND-1 "
tmux_keys q
tmux_wait_for "3 issues"
click 20 4
click 20 4
tmux_wait_for "acme › FRONTEND-1 "
tmux_keys q q
tmux_wait_exit

# Without mouse: true the terminal is not asked for mouse reports at all (so its own
# selection keeps working).
rm "$HOME/.config/sentry-tui/config.yml" "$TEST_DIR/exit"
tmux_stop
tmux_start 100 30
tmux_wait_for "3 issues"
[ "$(T display-message -t t -p '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')" = 000 ] \
	|| fail "the terminal was asked for mouse reports without mouse: true"
tmux_keys q
tmux_wait_exit
finish
