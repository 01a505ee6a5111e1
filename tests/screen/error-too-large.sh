#!/usr/bin/env bash
# A response over the size cap is refused with a sentence, not read into memory.
. "$(dirname "$0")/../lib/screen.sh"
server_start
SENTRY_TUI_MAX_RESPONSE_KB=16 tui_run <<'EOF2'
:screen too-large
EOF2
assert_screen_has too-large "issue list: response from 127.0.0.1 is larger than 16 KiB; refused"
finish
