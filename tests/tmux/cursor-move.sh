#!/usr/bin/env bash
# A one-row cursor move in a real 200x50 terminal: the cursor bar covers the issue's
# name (short id, title, culprit), so `j` rewrites the two names and nothing else: the
# level, the marks, counts, sparklines, ages and assignees of the two rows are not sent
# again, and the move stays within 300 bytes (issue 13's budget). The bar is still
# obvious: in colour it is the cursor's colours, with NO_COLOR it is reverse video. The
# bytes are what the program wrote to tmux (pipe-pane -O).
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

server_start

# Until the program has written nothing to the terminal for 300 ms.
wait_quiet() {
	local size=-1 now
	for _ in $(seq 50); do
		sleep 0.3
		now=$(stat -c %s "$TEST_DIR/out" 2>/dev/null || echo 0)
		[ "$now" = "$size" ] && return 0
		size=$now
	done
}

# move NAME: load the stream, press j once, keep what was written for it in
# $TEST_DIR/NAME.bytes and the pane (with its escapes) in $TEST_DIR/NAME.pane.
move() {
	rm -f "$TEST_DIR/exit" "$TEST_DIR/out"
	tmux_stop
	tmux_start 200 50
	tmux_wait_for "BACKEND-4B"
	tmux_wait_for "FRONTEND-42"
	T pipe-pane -t t -O "cat >'$TEST_DIR/out'"
	# Whatever the start still draws (a late answer on a loaded machine) comes first.
	wait_quiet
	local before
	before=$(stat -c %s "$TEST_DIR/out")
	tmux_keys j
	# Quiet again: the frame for the key is complete.
	wait_quiet
	tail -c +"$((before + 1))" "$TEST_DIR/out" >"$TEST_DIR/$1.bytes"
	T capture-pane -t t -p -e >"$TEST_DIR/$1.pane"
	tmux_keys q
	tmux_wait_exit
}

# check NAME BAR_SGR: what the move wrote, and where the bar is on screen.
check() {
	local name=$1 bar=$2 bytes
	bytes=$(stat -c %s "$TEST_DIR/$name.bytes")
	[ "$bytes" -le 300 ] || fail "$name: a one-row move wrote $bytes bytes (budget 300): $(cat -v "$TEST_DIR/$name.bytes")"
	# The two names are rewritten (the row left, the row reached)...
	grep -q "BACKEND-4B" "$TEST_DIR/$name.bytes" || fail "$name: the row the cursor left was not redrawn"
	grep -q "FRONTEND-42" "$TEST_DIR/$name.bytes" || fail "$name: the row the cursor reached was not redrawn"
	# ...and nothing after the title: no sparkline bar, no age, no assignee.
	grep -q "[▁▂▃▄▅▆▇█]" "$TEST_DIR/$name.bytes" && fail "$name: the move rewrote a sparkline: $(cat -v "$TEST_DIR/$name.bytes")"
	grep -qE "[0-9]+(mo|w|d|h)" "$TEST_DIR/$name.bytes" && fail "$name: the move rewrote an age: $(cat -v "$TEST_DIR/$name.bytes")"
	# On screen the reached row's name is in the cursor's look, and its counts are not.
	local row
	row=$(grep "FRONTEND-42" "$TEST_DIR/$name.pane")
	printf '%s' "$row" | grep -qE $'\e\\['"$bar"'[^m]*m[^\e]*FRONTEND-42' \
		|| fail "$name: the cursor row's short id is not in the cursor bar: $(printf '%s' "$row" | cat -v)"
	printf '%s' "$row" | python3 -c '
import re, sys
row = sys.stdin.read()
bar = re.compile(sys.argv[1])
# The SGR in force at the sparkline: the bar must have ended before it.
spark = re.search("[▁▂▃▄▅▆▇█]", row)
sgrs = re.findall(r"\x1b\[([0-9;]*)m", row[:spark.start()]) if spark else []
after_reset = []
for sgr in sgrs:
    if sgr in ("", "0") or sgr.startswith("0;") or sgr in ("39;49", "49", "27"):
        after_reset = []
    after_reset.append(sgr)
sys.exit(1 if any(bar.search(s) for s in after_reset) else 0)
' "$bar" || fail "$name: the cursor bar goes on over the sparkline: $(printf '%s' "$row" | cat -v)"
}

# The default theme on xterm-256color (which erases runs of blanks in the bar's colour);
# NO_COLOR (reverse video) on tmux-256color, which has no ECH: blanks are sent as spaces.
TMUX_TERM=xterm-256color
move colour
check colour '(48;5;116|38;5;16;48;5;116)'
TMUX_TERM=tmux-256color
TMUX_ENV=(NO_COLOR=1)
move mono
check mono '(0;)?7'
TMUX_ENV=()

# With OSC 8 links on, the move sends the links of the two rows it redraws, not those of
# every row on screen (the terminal keeps the others from the last frame).
mkdir -p "$HOME/.config/sentry-tui"
printf 'hyperlinks: on\n' >"$HOME/.config/sentry-tui/config.yml"
TMUX_TERM=xterm-256color
move links
linked=$(python3 - "$TEST_DIR/links.bytes" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read()
texts = re.findall(rb"\x1b\]8;;http[^\x1b]*\x1b\\(?:\x1b\[[0-9;]*m)*([^\x1b]*)", raw)
print(" ".join(sorted(t.decode() for t in texts)))
PY
)
[ "$linked" = "BACKEND-4B FRONTEND-42" ] \
	|| fail "links: a one-row move should link the two redrawn short ids, and only them; it linked: $linked"
finish
