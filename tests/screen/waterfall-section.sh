#!/usr/bin/env bash
# The issue screen's Spans section is a waterfall inside the issue screen: the
# waterfall's keys work there (Space folds, + zooms, d opens a span's detail and q
# closes it), the issue screen's own keys still do (1-4, Tab, q goes back to the
# stream), the key hints and ? name the waterfall's keys, and an error event has no Spans section (5 says so).
. "$(dirname "$0")/../lib/screen.sh"
server_start
LINES=30 COLUMNS=100 tui_run <<'EOF2'
:open BACKEND-1N
:wait-for 5 Spans
j
<Space>
:view folded.view
:screen folded
?
:screen help
G
:screen help-end
q
<Space>
G
d
:screen detail
:view detail.view
q
:view detail-closed.view
<Tab>
:view tab.view
5
g
j
+
:view zoomed.view
-
:depth 1
:view depth.view
q
:view stream.view
:open BACKEND-4
:wait-for Event
5
:screen no-spans
EOF2
v() { grep -q "^$2" "$TEST_DIR/screens/$1.view" || fail "$1: expected '$2'"; }
v folded "section: Spans"
v folded "folded: parent123"
v detail "detail: open"
assert_screen_has detail "Span ◆ offending span of this issue"
assert_screen_has detail "description SELECT * FROM users WHERE id = 1"
v detail-closed "view: issue"
v detail-closed "detail: -"
v tab "section: Stack trace"
v zoomed "zoom: parent123"
v depth "rows: 2"
v depth "folded: parent123"
v stream "view: issues"
assert_screen_has folded "Tab section Space fold + zoom S slowest / search"
assert_screen_lacks folded "i in-app"
assert_screen_has help "Waterfall Space fold Fold / unfold"
assert_screen_has help "Issue"
assert_screen_has help-end ":depth N"
assert_screen_has help-end "an offending span"
assert_screen_has no-spans "this event has no spans (not a transaction)"
assert_screen_lacks no-spans "5 Spans"
finish
