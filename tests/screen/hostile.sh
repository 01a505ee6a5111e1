#!/usr/bin/env bash
# Titles, culprits and names built to attack the terminal (escape sequences, OSC title
# and clipboard writes, C1 controls, bidi overrides, zero-width characters, invalid
# UTF-8) are shown as harmless visible marks, and wide characters keep the columns.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset hostile
tui_run <<'EOF2'
:screen hostile
EOF2
assert_screen hostile
python3 - "$TEST_DIR/screens/hostile" <<'PY' || fail "the screen holds control characters"
import sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # raises on invalid UTF-8
bad = [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f
       or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069 or ord(c) in (0x200b, 0x200d, 0xfeff)]
sys.exit(1 if bad else 0)
PY
assert_screen_has hostile "^["
finish
