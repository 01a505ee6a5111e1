#!/usr/bin/env bash
# Themes in a real terminal: the colours a user sees, read from tmux's pane with its
# SGR sequences (capture-pane -e). With TERM=xterm-256color the default theme uses the
# 256-colour palette (38;5;N), theme 16 the bright colours (90-97), theme 8 only the
# basic ones; a theme asking for more colours than TERM has gets the best that fits;
# mono and NO_COLOR send no colour at all, and high-contrast never dims.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT

server_start --dataset small
mkdir -p "$HOME/.config/sentry-tui"

# run THEME: the pane with escapes once the stream is drawn, in $TEST_DIR/pane.
run() {
	if [ -n "$1" ]; then
		printf 'theme: "%s"\n' "$1" >"$HOME/.config/sentry-tui/config.yml"
	else
		rm -f "$HOME/.config/sentry-tui/config.yml"
	fi
	rm -f "$TEST_DIR/exit"
	tmux_stop
	tmux_start 100 30
	tmux_wait_for "3 issues"
	tmux_wait_for "FRONTEND-1"
	T capture-pane -t t -p -e >"$TEST_DIR/pane"
	tmux_keys q
	tmux_wait_exit
	[ "$TMUX_EXIT" = 0 ] || fail "theme ${1:-(none)}: exit status $TMUX_EXIT"
}
# has WHAT REGEX: the pane's escapes match REGEX (an SGR parameter list).
sgr() { grep -qE $'\e\\[([0-9]+;)*'"$1"'(;[0-9]+)*m' "$TEST_DIR/pane"; }
expect() { sgr "$2" || fail "$1: no SGR $2 in the pane"; }
refuse() { ! sgr "$2" || fail "$1: SGR $2 in the pane: $(grep -oE $'\e\\[([0-9]+;)*'"$2"'[0-9;]*m' "$TEST_DIR/pane" | head -1 | cat -v)"; }
EXTENDED='(38|48);5;[0-9]+'
BRIGHT='9[0-7]'
BASIC='[34][0-7]'
DIM='2'

TMUX_TERM=xterm-256color
run ""
expect "default on xterm-256color" "$EXTENDED"
run 256
expect "theme 256" "$EXTENDED"
# The cursor row (black on a light cyan) is in the 256 colours too.
grep -E $'\e\\[(38;5;16|30)m\e\\[48;5;116m.*BACKEND-2' "$TEST_DIR/pane" >/dev/null \
	|| fail "theme 256: the cursor row is not in its 256-colour look"
run 16
expect "theme 16" "$BRIGHT"
refuse "theme 16" "$EXTENDED"
run 8
expect "theme 8" "$BASIC"
refuse "theme 8" "$EXTENDED"
refuse "theme 8" "$BRIGHT"
run high-contrast
refuse "high-contrast" "$EXTENDED"
refuse "high-contrast" "$DIM"
# The bar starts at the short id, after the level letter (bold already): bold and reverse
# are both in force there, whether tmux sends them together or one after the other.
grep -E $'\e\\[(0;)?1;7m.*BACKEND-2|\e\\[(0;)?1m([^\e]|\e\\[[34][0-9]m)*\e\\[7mBACKEND-2' "$TEST_DIR/pane" >/dev/null \
	|| fail "high-contrast: the cursor row is not bold and reversed"
run mono
for colour in "$EXTENDED" "$BRIGHT" "$BASIC"; do refuse mono "$colour"; done
TMUX_ENV=(NO_COLOR=1)
run 256
for colour in "$EXTENDED" "$BRIGHT" "$BASIC"; do refuse "NO_COLOR=1" "$colour"; done
TMUX_ENV=()

# A terminal with 8 colours: asking for 256 gets the best that fits, and says nothing.
TMUX_TERM=xterm
run 256
refuse "theme 256 on TERM=xterm" "$EXTENDED"
refuse "theme 256 on TERM=xterm" "$BRIGHT"
expect "theme 256 on TERM=xterm" "$BASIC"
grep -q "theme" "$TEST_DIR/pane" && fail "the fallback was announced on screen"

# A profile's colour: its name opens the title row, black on red (colour: red).
TMUX_TERM=xterm-256color
cat >"$HOME/.config/sentry-tui/config.yml" <<YAML
profile: prod
profiles:
  prod: { url: "$SENTRY_URL", org: acme, colour: red }
YAML
rm -f "$TEST_DIR/exit"
tmux_stop
tmux_start 100 30
tmux_wait_for "3 issues"
T capture-pane -t t -p -e >"$TEST_DIR/pane"
tmux_keys q
tmux_wait_exit
head -1 "$TEST_DIR/pane" | grep -qE $'\e\\[(30|38;5;16)m\e\\[41m prod ' ||
	fail "the profile's name is not black on red: $(head -1 "$TEST_DIR/pane" | cat -v)"
finish
