#!/usr/bin/env bash
# Regenerate screenshots/*.txt from scripted scenarios against the fake server: the same
# harness as the screen tests, so the pictures in the repo are what the program draws.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${SENTRY_TUI_BIN:=$ROOT/sentry-tui}"
export SENTRY_TUI_BIN
mkdir -p "$ROOT/screenshots"

shoot() { # name dataset cols rows script
	local name=$1 dataset=$2 cols=$3 rows=$4 script=$5 out
	out=$(mktemp -d)
	LINES=$rows COLUMNS=$cols bash -c '
		. "$1/tests/lib/screen.sh"
		server_start --dataset "$2"
		printf "%s\n" "$3" | tui_run
		cp "$TEST_DIR/screens/"* "$4/"
	' _ "$ROOT" "$dataset" "$script" "$out" >/dev/null
	for f in "$out"/*; do
		sed 's/127\.0\.0\.1:[0-9][0-9]*/127.0.0.1:PORT/g' "$f" >"$ROOT/screenshots/$name.txt"
	done
	rm -rf "$out"
	echo "screenshots/$name.txt"
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
