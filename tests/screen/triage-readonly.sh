#!/usr/bin/env bash
# Read-only: every mutation is refused before anything is sent, and the help overlay
# and the key hints leave those keys out.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run --read-only <<'EOF2'
:screen stream
r
:screen refused
:resolve next
?
:screen help
EOF2
assert_request --method PUT --count 0
assert_screen_has refused "read-only mode: 'resolve' is disabled"
assert_screen_lacks stream "r resolve"
assert_screen_has stream "/ query"
assert_screen_lacks help "Resolve (the marked"
assert_screen_lacks help "assign-me"
assert_screen_has help "move-down"
finish
