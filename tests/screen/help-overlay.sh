#!/usr/bin/env bash
# `?` lists the keys of the screen it was opened from (with their names in words:
# Space, Ctrl-r, <), the `:` commands with their arguments, and what every letter and
# symbol on that screen means, in aligned columns.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
LINES=84 tui_run <<'EOF2'
?
:screen stream
q
<Enter>
?
:screen issue
EOF2
assert_screen stream
assert_screen issue
# (assert_screen_has squeezes runs of spaces; the expected screens hold the alignment.)
assert_screen_has issue "< previous-event Show the previous (older) event"
assert_screen_has issue "Shift-Tab previous-section Previous section"
assert_screen_has stream "Ctrl-r F5 refresh Reload from the server"
# In the stream Space marks and Esc clears the marks: not listed as paging or going back.
assert_screen_has stream "PgDn page-down"
assert_screen_has stream "q back"
assert_screen_has issue "PgDn Space page-down"
assert_screen_has issue "q Esc back"
# Commands with their arguments, for the screen the help was opened from.
assert_screen_has stream ":sort date|new|freq|user"
assert_screen_has stream ":assign NAME|EMAIL|#team|me|none"
assert_screen_lacks stream ":search"
assert_screen_has issue ":event ID|latest|oldest|recommended"
assert_screen_lacks issue ":sort"
# Every letter and symbol the screen draws.
assert_screen_has stream "E level: error"
assert_screen_has stream "ESCAL escalating"
assert_screen_has stream "★ bookmarked"
assert_screen_has issue "● in-app frame"
finish
