#!/usr/bin/env bash
# An event full of hostile strings: every section shows them as harmless marks.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open BACKEND-3
:screen stack
G
<Enter>
:screen expanded
2
:screen crumbs
3
:screen tags
4
:screen context
EOF2
for s in stack expanded crumbs tags context; do
	assert_screen "$s"
	python3 - "$TEST_DIR/screens/$s" <<'PY' || fail "screen $s holds control characters"
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
bad = [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f
       or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069 or ord(c) in (0x200b, 0x200d, 0xfeff)]
sys.exit(1 if bad else 0)
PY
done
assert_screen_has stack "^["
finish
