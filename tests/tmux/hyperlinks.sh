#!/usr/bin/env bash
# OSC 8 hyperlinks in a real terminal. With hyperlinks: on, the bytes sent to the pane
# (recorded with tmux pipe-pane) carry ESC ] 8 ; ; <permalink> ESC \ around each short
# id of the stream and around the issue screen's short id and permalink, and the screen
# text is the same as without links; with hyperlinks: off (and with auto in a terminal
# not known to show links) not one OSC 8 sequence is sent.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

server_start --dataset small
mkdir -p "$HOME/.config/sentry-tui"
BASE="http://127.0.0.1:$PORT/organizations/acme/issues"
OSC8=$'\e]8;;'
ST=$'\e\\'

# run MODE: the stream, then BACKEND-1's issue screen, with hyperlinks: MODE; the bytes
# written to the pane in $TEST_DIR/raw-MODE, the screens' text in stream-MODE, issue-MODE.
run() {
	local mode=$1
	printf 'hyperlinks: %s\n' "$mode" >"$HOME/.config/sentry-tui/config.yml"
	rm -f "$TEST_DIR/exit" "$TEST_DIR/raw-$mode"
	tmux_stop
	TMUX_ENV=(TERM_PROGRAM= VTE_VERSION= KITTY_WINDOW_ID=)
	tmux_start 100 30
	T pipe-pane -O -t t "cat >>'$TEST_DIR/raw-$mode'"
	tmux_wait_for "3 issues"
	tmux_wait_for "FRONTEND-1"
	tmux_keys C-l # a whole frame, every link laid again, while the pane is recorded
	tmux_wait_settled "3 issues"
	tmux_screen >"$TEST_DIR/stream-$mode"
	# In the query prompt the cursor stays where the prompt put it, visible.
	tmux_keys /
	tmux_wait_for "query:"
	tmux_keys End
	sleep 0.3
	T display-message -t t -p '#{cursor_x} #{cursor_y} #{cursor_flag}' >"$TEST_DIR/cursor-$mode"
	tmux_keys Escape
	tmux_wait_for "3 issues"
	tmux_keys G
	tmux_wait_for "BACKEND-1"
	tmux_keys Enter
	tmux_wait_for "acme › BACKEND-1 "
	tmux_wait_settled "(recommended) ·"
	tmux_screen >"$TEST_DIR/issue-$mode"
	tmux_keys q q
	tmux_wait_exit
	[ "$TMUX_EXIT" = 0 ] || fail "hyperlinks: $mode: exit status $TMUX_EXIT"
}

# linked MODE ID URL TEXT: the pane got TEXT (its attributes before it) inside a link
# to URL.
linked() {
	LC_ALL=C grep -qF -- "$OSC8$3$ST" "$TEST_DIR/raw-$1" \
		&& python3 - "$TEST_DIR/raw-$1" "$3" "$4" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read()
url, text = sys.argv[2].encode(), sys.argv[3].encode()
link = re.escape(b"\x1b]8;;" + url + b"\x1b\\") + rb"(?:\x1b\[[0-9;]*m)*" + re.escape(text) \
    + rb"(?:\x1b\[[0-9;]*m)*" + re.escape(b"\x1b]8;;\x1b\\")
sys.exit(0 if re.search(link, raw) else 1)
PY
	[ $? = 0 ] || fail "$2: no link to $3 around \"$4\" in the bytes sent to the terminal"
}

run on
ids=$(python3 - "$TEST_DIR/raw-on" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read()
for url, text in sorted(set(re.findall(rb"\x1b\]8;;([^\x1b]*)\x1b\\(?:\x1b\[[0-9;]*m)*([^\x1b]*)", raw))):
    print(text.decode(), url.decode())
PY
)
for short in BACKEND-1 BACKEND-2 FRONTEND-1; do
	echo "$ids" | grep -q "^$short $BASE/[0-9]*/$" \
		|| fail "stream: $short is not a link to its permalink (links: $(echo "$ids" | tr '\n' ' '))"
done
id=$(echo "$ids" | sed -n "s|^BACKEND-1 $BASE/\([0-9]*\)/$|\1|p")
linked on "issue screen, short id" "$BASE/$id/" "BACKEND-1"
linked on "issue screen, permalink" "$BASE/$id/" "$BASE/$id/"
# The links are laid over the same text: the screen reads the same as without them.
run off
diff "$TEST_DIR/stream-off" "$TEST_DIR/stream-on" >/dev/null \
	|| fail "the stream's text changed with hyperlinks on: $(diff "$TEST_DIR/stream-off" "$TEST_DIR/stream-on")"
diff "$TEST_DIR/issue-off" "$TEST_DIR/issue-on" >/dev/null \
	|| fail "the issue screen's text changed with hyperlinks on: $(diff "$TEST_DIR/issue-off" "$TEST_DIR/issue-on")"
read -r x y visible <"$TEST_DIR/cursor-on"
[ "$(cat "$TEST_DIR/cursor-on")" = "$(cat "$TEST_DIR/cursor-off")" ] && [ "$y" = 29 ] && [ "$visible" = 1 ] \
	|| fail "the prompt's cursor moved with hyperlinks on: $(cat "$TEST_DIR/cursor-on"), off: $(cat "$TEST_DIR/cursor-off")"
LC_ALL=C grep -qF "$OSC8" "$TEST_DIR/raw-off" && fail "hyperlinks: off sent OSC 8"
[ -s "$TEST_DIR/raw-off" ] || fail "nothing was recorded from the pane"
# auto in tmux 3.3 (no hyperlinks passed on) or an unknown terminal: none either.
run auto
LC_ALL=C grep -qF "$OSC8" "$TEST_DIR/raw-auto" && fail "hyperlinks: auto sent OSC 8 in $(tmux -V)"
finish
