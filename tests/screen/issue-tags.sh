#!/usr/bin/env bash
# Tags: issue-wide distributions as bars with percentage and count from the tags
# endpoint; Enter on a value returns to the stream with key:value added to the query.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open BACKEND-1
3
:screen tags
:search iPhone
<Enter>
:view stream.view
EOF2
assert_screen tags
grep -q '^query: is:unresolved device:"iPhone 15 Pro"$' "$TEST_DIR/screens/stream.view" ||
	fail "Enter on a tag value did not add it to the query"
assert_request --path /api/0/organizations/acme/issues/ '--param=query=is:unresolved device:"iPhone 15 Pro"'
finish
