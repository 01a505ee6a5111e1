#!/usr/bin/env bash
# The mouse in a real terminal (mouse: true): a click selects the row under it, a
# double click opens it and the wheel moves the cursor three rows, in the stream and in
# the issue screen, whether the terminal reports in X10 (TERM=tmux-256color) or in SGR
# 1006 (TERM=xterm-256color, whose terminfo asks for it). Off by default: then the
# terminal is not asked for mouse reports at all.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

# Mouse reports in the X10 encoding the application asked for: ESC [ M, then the
# button, column and row (1-based), each plus 32. Button 0 pressed, 3 released.
x10() {
	local b x y
	b=$(printf "\\$(printf %03o $((32 + $1)))")
	x=$(printf "\\$(printf %03o $((32 + $2)))")
	y=$(printf "\\$(printf %03o $((32 + $3)))")
	printf '\e[M%s%s%s' "$b" "$x" "$y"
}
report() { tmux_type "$(x10 "$@")"; }
click() { report 0 "$1" "$2"; report 3 "$1" "$2"; }
# Both clicks in one write, as a terminal sends them: on a loaded machine four tmux
# commands in a row can take longer than ncurses' double-click interval.
double_click() { tmux_type "$(x10 0 "$1" "$2")$(x10 3 "$1" "$2")$(x10 0 "$1" "$2")$(x10 3 "$1" "$2")"; }
# The wheel in X10: buttons 4 (up) and 5 (down) are reported as 64 and 65, no release.
wheel_x10() { report $(($1 == up ? 64 : 65)) "$2" "$3"; }
# The same in SGR 1006: ESC [ < button ; column ; row M, in decimal.
wheel_sgr() { tmux_type $'\e[<'"$(($1 == up ? 64 : 65));$2;$3M"; }
up=4 down=5

# The pane line (1-based) drawn as the cursor row (theme 8: black on cyan).
cursor_line() {
	T capture-pane -t t -p -e | grep -n $'\e\[30m\e\[46m' | head -1 | cut -d: -f1
}
# Until the cursor row is pane line $1.
wait_cursor_line() {
	local line
	for _ in $(seq 250); do
		line=$(cursor_line)
		[ "$line" = "$1" ] && return 0
		sleep 0.02
	done
	fail "$2: the cursor is on line ${line:-none}, not $1"
	tmux_screen | sed 's/^/    | /'
	return 1
}

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
double_click 20 4
tmux_wait_for "acme › FRONTEND-1 "
tmux_keys q q
tmux_wait_exit

# The wheel, in both encodings, on a stream of many issues and in the issue screen.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
server_start
printf 'mouse: true\ntheme: "8"\n' >"$HOME/.config/sentry-tui/config.yml"
for encoding in x10 sgr; do
	rm -f "$TEST_DIR/exit"
	tmux_stop
	if [ $encoding = sgr ]; then TMUX_TERM=xterm-256color; else TMUX_TERM=tmux-256color; fi
	tmux_start 100 30
	tmux_wait_for "of 186 issues"
	[ "$(T display-message -t t -p '#{mouse_sgr_flag}')" = "$([ $encoding = sgr ] && echo 1 || echo 0)" ] \
		|| fail "$encoding: the terminal was not asked for this encoding"
	wait_cursor_line 3 "$encoding: at start"
	wheel_$encoding down 20 10
	wait_cursor_line 6 "$encoding: one turn down"
	wheel_$encoding down 20 10
	wait_cursor_line 9 "$encoding: two turns down"
	wheel_$encoding up 50 20
	wait_cursor_line 6 "$encoding: one turn up"
	# The row the wheel chose is the one Enter opens.
	id=$(tmux_screen | sed -n 6p | awk '{print $2}')
	tmux_keys Enter
	tmux_wait_for "acme › $id "
	# The event, not only the tabs: its arrival puts the cursor on the crash frame, so a
	# position read while it loads is not where the wheel starts from.
	tmux_wait_settled "(recommended) ·"
	start=$(cursor_line)
	[ -n "$start" ] || fail "$encoding: the issue screen shows no cursor row"
	wheel_$encoding down 20 10
	wait_cursor_line $((start + 3)) "$encoding: issue screen, one turn down"
	wheel_$encoding up 20 10
	wait_cursor_line "$start" "$encoding: issue screen, one turn up"
	# A turn of the wheel does not answer a question: it is still asked after it.
	tmux_keys q
	tmux_wait_for "of 186 issues"
	tmux_keys Space r
	tmux_wait_for "y/N"
	wheel_$encoding down 20 10
	sleep 0.3
	tmux_screen | grep -q "y/N" || fail "$encoding: a turn of the wheel answered the question"
	tmux_keys n
	tmux_wait_for "cancelled: nothing was changed"
	tmux_keys q
	tmux_wait_exit
	[ "$TMUX_EXIT" = 0 ] || fail "$encoding: exit status $TMUX_EXIT"
done
TMUX_TERM=tmux-256color

# Without mouse: true the terminal is not asked for mouse reports at all (so its own
# selection keeps working).
rm "$HOME/.config/sentry-tui/config.yml" "$TEST_DIR/exit"
tmux_stop
tmux_start 100 30
tmux_wait_for "of 186 issues"
[ "$(T display-message -t t -p '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}')" = 000 ] \
	|| fail "the terminal was asked for mouse reports without mouse: true"
tmux_keys q
tmux_wait_exit
finish
