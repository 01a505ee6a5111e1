# Helpers for real-terminal tests under tmux (a private tmux server per test).
# Source after screen.sh (for server_start, fail, finish and the private HOME).
#
#   tmux_start 100 30 [sentry-tui args]   run the binary in a detached 100x30 pane
#   tmux_wait_for TEXT                     until TEXT is on screen (10 s max)
#   tmux_keys KEYS...                      tmux send-keys names (j, Enter, C-c, ...)
#   tmux_type TEXT                         literal text
#   tmux_screen                            the pane's text
#   tmux_wait_exit                         until the program exits; sets TMUX_EXIT
#
# TMUX_TERM (default tmux-256color) is the program's TERM (tmux's default-terminal: tmux
# sets TERM from it whatever -e says); TMUX_ENV, an array of
# NAME=VALUE, adds variables to its environment (NO_COLOR=1, ...).

TMUX_SOCK="$TEST_DIR/tmux.sock"
T() { tmux -S "$TMUX_SOCK" -f "$TEST_DIR/tmux.conf" "$@"; }

tmux_start() {
	local cols=$1 rows=$2
	shift 2
	cat >"$TEST_DIR/tmux.conf" <<CONF
set -g remain-on-exit on
set -g default-terminal ${TMUX_TERM:-tmux-256color}
set -g status off
set -g escape-time 0
set -g set-clipboard on
set -g allow-rename on
CONF
	# The wrapper records the exit status in a file: tmux's own pane status is unreliable.
	local cmd extra=() var
	cmd=$(printf '%q ' "$SENTRY_TUI_BIN" "$@")
	for var in ${TMUX_ENV[@]+"${TMUX_ENV[@]}"}; do
		extra+=(-e "$var")
	done
	T new-session -d -s t -x "$cols" -y "$rows" \
		-e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM="${TMUX_TERM:-tmux-256color}" -e HOME="$HOME" \
		-e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" -e XDG_STATE_HOME="$XDG_STATE_HOME" \
		-e INPUTRC=/dev/null -e SENTRY_URL="$SENTRY_URL" -e SENTRY_AUTH_TOKEN="$SENTRY_AUTH_TOKEN" \
		-e SENTRY_ORG="$SENTRY_ORG" -e SENTRY_TUI_NOW="$PINNED_NOW" ${extra[@]+"${extra[@]}"} \
		"$cmd; echo \$? > '$TEST_DIR/exit.tmp'; mv '$TEST_DIR/exit.tmp' '$TEST_DIR/exit'"
}

tmux_screen() { T capture-pane -t t -p; }
tmux_keys() { T send-keys -t t "$@"; }
tmux_type() { T send-keys -t t -l -- "$1"; }

tmux_wait_for() {
	for _ in $(seq 500); do
		tmux_screen | grep -qF -- "$1" && return 0
		sleep 0.02
	done
	fail "tmux: '$1' never appeared on screen"
	tmux_screen | sed 's/^/    | /'
	return 1
}

# tmux_wait_settled TEXT: until TEXT is on screen, nothing says it is loading, and the
# screen has held still for 100 ms (what a late answer redraws is drawn by then).
tmux_wait_settled() {
	local screen previous=
	for _ in $(seq 250); do
		screen=$(T capture-pane -t t -p -e)
		if grep -qF -- "$1" <<<"$screen" && ! grep -q "Loading" <<<"$screen"; then
			[ "$screen" = "$previous" ] && return 0
			previous=$screen
		fi
		sleep 0.1
	done
	fail "tmux: the screen never settled with '$1' on it"
	tmux_screen | sed 's/^/    | /'
	return 1
}

tmux_wait_exit() {
	TMUX_EXIT=
	for _ in $(seq 500); do
		if [ -f "$TEST_DIR/exit" ]; then
			TMUX_EXIT=$(cat "$TEST_DIR/exit")
			return 0
		fi
		sleep 0.02
	done
	fail "tmux: sentry-tui did not exit"
	return 1
}

tmux_stop() {
	T kill-server 2>/dev/null
	rm -f "$TMUX_SOCK"
}
