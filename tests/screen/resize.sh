#!/usr/bin/env bash
# Resizing redraws for the new size: columns give way at 80, a tiny terminal gets a
# message instead of a broken layout, and growing back restores everything.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
:resize 80x24
:screen at-80
:resize 30x8
:screen too-small
:resize 140x12
:screen at-140
EOF2
assert_screen at-80
assert_screen too-small
assert_screen at-140
# Nothing is drawn past the right edge at 80 columns.
python3 - "$TEST_DIR/screens/at-80" <<'PY' || fail "a row at 80 columns is wider than 80 cells"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n"))
    if w > 80:
        sys.exit(1)
PY
finish
