#!/usr/bin/env bash
# The waterfall's keys on the N+1 transaction (root > GET /api/users > 3 × db.query):
# Space folds and unfolds a span, and expands a repeated-span group; + zooms into a
# span (its subtree becomes the rows, its time the axis) and - goes back; S jumps to
# the slowest span (again: by exclusive time); / searches ops and descriptions and
# reveals a match hidden in a group, n and N step through the matches (from the cursor,
# wrapping); d shows a span
# in full and q goes back to the rows; :depth N folds the tree below N levels; ? lists
# the waterfall's keys, commands and symbols.
. "$(dirname "$0")/../lib/screen.sh"
server_start
LINES=24 COLUMNS=100 tui_run <<'EOF2'
:open BACKEND-1N
w
j
<Space>
:screen folded
:view folded.view
<Space>
:view unfolded.view
G
<Space>
:screen group-open
:view group-open.view
<Space>
:view group-closed.view
g
j
+
:screen zoomed
:view zoomed.view
-
:view unzoomed.view
g
S
:screen slowest
:view slowest.view
S
:screen slowest-exclusive
/id = 2<Enter>
:view search.view
/db.query<Enter>
:view search1.view
n
:view search2.view
N
:view search3.view
k
d
:screen detail
:view detail.view
q
:view detail-closed.view
:depth 1
:view depth1.view
:depth 3
:view depth3.view
:depth x
:screen depth-bad
?
:screen help
G
:screen help-end
<PgUp>
:screen help-middle
EOF2
assert_screen folded
assert_screen group-open
assert_screen zoomed
assert_screen detail
v() { grep -q "^$2" "$TEST_DIR/screens/$1.view" || fail "$1: expected '$2', got: $(tr '\n' ';' <"$TEST_DIR/screens/$1.view")"; }
v folded "folded: parent123"
v folded "rows: 2"
assert_screen_has folded "http.server [+3] GET /api/users"
v unfolded "folded:$"
v unfolded "rows: 3"
v group-open "rows: 5"
v group-open "span: span001"
assert_screen_has group-open "├─db.query SELECT * FROM users"
assert_screen_has group-open "└─db.query SELECT * FROM users"
v group-closed "rows: 3"
v group-closed "group: 3 spans"
v zoomed "zoom: parent123"
v zoomed "rows: 2"
assert_screen_lacks zoomed "└─http.server"
v unzoomed "zoom: -"
v unzoomed "span: parent123"
v slowest "span: parent123"
assert_screen_has slowest "slowest span by duration: 250ms (S again: by exclusive time)"
assert_screen_has slowest-exclusive "slowest span by exclusive time: 235ms"
v search "span: span002"
v search1 "span: span003"
v search1 "status: match 3 of 3"
v search2 "span: span001"
v search3 "span: span003"
v detail "detail: open"
v detail "span: span002"
assert_screen_has detail "SELECT * FROM users WHERE id = 2"
assert_screen_has detail "start 20ms"
assert_screen_has detail "duration 5.0ms exclusive time 5.0ms"
assert_screen_has detail "offending span of this issue"
v detail-closed "detail: -"
v detail-closed "span: span002"
v depth1 "rows: 2"
v depth1 "folded: parent123"
v depth1 "span: parent123"
v depth3 "rows: 5" # the search expanded the group, and groups keep their state
v depth3 "folded:$"
assert_screen_has depth-bad "usage: :depth N"
assert_screen_has help "Waterfall"
assert_screen_has help "Space fold Fold / unfold"
assert_screen_has help-end "an offending span of the performance issue"
assert_screen_has help-end "a gap: time inside the span"
assert_screen_has help-middle ":depth N"
finish
