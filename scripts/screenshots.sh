#!/usr/bin/env bash
# Regenerate the screenshots from scripted scenarios against the fake server, so the
# pictures in the repo are what the program draws:
#   screenshots/*.txt  text dumps, from the headless harness of the screen tests;
#   screenshots/*.png  pictures with their colours: the scenario runs in a real tmux at
#                      the given size, `tmux capture-pane -e` takes the text with its SGR
#                      attributes, scripts/ansi2svg.py makes an SVG (build/screenshots/)
#                      and rsvg-convert a PNG.
# SCREENSHOTS="stream help" limits the run to those names. Never edit the results by hand.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${SENTRY_TUI_BIN:=$ROOT/sentry-tui}"
export SENTRY_TUI_BIN
mkdir -p "$ROOT/screenshots" "$ROOT/build/screenshots"
ONLY=" ${SCREENSHOTS:-} "
wanted() { [ "$ONLY" = "  " ] || [[ $ONLY == *" $1 "* ]]; }

# The server's port is random: pictures and dumps say PORT (one cell narrower).
hide_port() { sed 's/127\.0\.0\.1:[0-9][0-9]*/127.0.0.1:PORT/g'; }

shoot() { # name dataset cols rows script
	local name=$1 dataset=$2 cols=$3 rows=$4 script=$5 out
	wanted "$name" || return 0
	out=$(mktemp -d)
	LINES=$rows COLUMNS=$cols bash -c '
		. "$1/tests/lib/screen.sh"
		server_start --dataset "$2"
		printf "%s\n" "$3" | tui_run
		cp "$TEST_DIR/screens/"* "$4/"
	' _ "$ROOT" "$dataset" "$script" "$out" >/dev/null
	for f in "$out"/*; do
		hide_port <"$f" >"$ROOT/screenshots/$name.txt"
	done
	rm -rf "$out"
	echo "screenshots/$name.txt"
}

# picture NAME DATASET COLS ROWS "ARGS" STEPS: STEPS is one step a line, run in a real
# tmux pane: "wait TEXT" (until TEXT is on screen), "keys KEY..." (tmux key names),
# "type TEXT" (literal), "settle" (half a second for late answers to be drawn).
picture() {
	local name=$1 dataset=$2 cols=$3 rows=$4 args=$5 steps=$6 out
	wanted "$name" || return 0
	out=$ROOT/build/screenshots/$name
	bash -c '
		. "$1/tests/lib/screen.sh"
		. "$1/tests/lib/tmux.sh"
		trap "tmux_stop; cleanup" EXIT
		server_start --dataset "$2"
		# shellcheck disable=SC2086
		tmux_start "$3" "$4" $5
		while IFS= read -r step; do
			case $step in
			"wait "*) tmux_wait_for "${step#wait }" || exit 1 ;;
			"keys "*) tmux_keys ${step#keys } ;;
			"type "*) tmux_type "${step#type }" ;;
			settle) sleep 0.5 ;;
			"") ;;
			*) echo "unknown step: $step" >&2; exit 1 ;;
			esac
		done <<<"$6"
		sleep 0.3
		T capture-pane -t t -e -p -N >"$7.ansi"
	' _ "$ROOT" "$dataset" "$cols" "$rows" "$args" "$steps" "$out" ||
		{ echo "screenshots: $name failed" >&2; return 1; }
	hide_port <"$out.ansi" | python3 "$ROOT/scripts/ansi2svg.py" --cols "$cols" --rows "$rows" \
		--title "sentry-tui: $name" >"$out.svg"
	rsvg-convert --zoom 1 "$out.svg" -o "$out.png"
	# A terminal has few colours: a 32-colour palette keeps a picture a few tens of KB.
	pngquant --force --strip --speed 1 --output "$ROOT/screenshots/$name.png" 32 "$out.png"
	echo "screenshots/$name.png"
}

shoot stream-120x30 demo 120 30 ":screen shot"
shoot stream-80x24 demo 80 24 ":screen shot"
shoot query-prompt demo 100 24 $'/<C-u>level:fatal\n~:screen shot'
shoot help demo 100 30 $'?\n:screen shot'
shoot hostile-titles hostile 100 14 ":screen shot"
shoot issue-stack events 110 40 $':open BACKEND-1\ni\njj\n<Enter>\n:screen shot'
shoot issue-breadcrumbs events 110 40 $':open BACKEND-1\n2\n:screen shot'
shoot issue-tags events 110 40 $':open BACKEND-1\n3\n:screen shot'
shoot triage-batch demo 110 20 $'<Space><Space>j<Space>\nr\n~:screen shot'
shoot archive-menu demo 100 14 $'m\n:screen shot'

picture stream demo 120 30 "" $'wait issues\nsettle'
picture issue-crash events 110 36 "open BACKEND-1" $'wait Stack trace\nwait Tags\nsettle'
picture breadcrumbs events 110 30 "open BACKEND-1" $'wait Stack trace\nkeys 2\nwait Breadcrumbs\nsettle'
picture tags events 110 30 "open BACKEND-1" $'wait Stack trace\nkeys 3\nwait %\nsettle'
picture waterfall demo 120 12 "open BACKEND-1N" $'wait Spans\nkeys w\nwait 4 spans\nsettle'
picture releases demo 120 16 "" $'wait issues\nkeys R\nwait VERSION\nsettle'
picture watch demo 72 12 "--watch" $'wait issues\nsettle'
picture help demo 100 34 "" $'wait issues\nkeys ?\nwait Issue stream\nsettle'
