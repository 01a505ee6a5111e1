#!/usr/bin/env bash
# --watch when the server fails: the rows stay, the title says "stale since 12:00
# (HTTP 401)" instead of an error covering the pane, and the next automatic refresh that
# succeeds brings the pane back by itself (with the issue that appeared meanwhile).
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
server_issues '{"hide": ["BACKEND-2"]}'
# After the first issue list, the next one fails once; meanwhile an issue appears.
server_control_after_first_list \
	faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 401, "times": 1}]' \
	issues '{"show": ["BACKEND-2"]}'
LINES=12 COLUMNS=60 tui_run --watch 5 <<'EOF2'
:screen first
:wait-for stale since
~:screen stale
:wait-for 1 new
~:screen recovered
EOF2
assert_screen first
assert_screen stale
assert_screen recovered
assert_screen_has stale "stale since 12:00 (HTTP 401)"
assert_screen_has stale "FRONTEND-1"
assert_screen_lacks stale "authentication failed"
assert_screen_lacks recovered "stale since"
assert_screen_has recovered "BACKEND-2"
finish
