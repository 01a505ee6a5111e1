#!/usr/bin/env bash
# The count in the header never lies: an X-Hits that is garbage, empty or smaller than
# the rows loaded is not a total ("100+ issues" while more pages exist); a query that
# matches nothing (an empty first page) says so plainly, with the query.
. "$(dirname "$0")/../lib/screen.sh"
server_start
server_faults '[{"match": "GET /api/0/organizations/acme/issues/.*query=is(%3[aA]|:)unresolved&", "headers": {"X-Hits": "lots"}},
                {"match": "GET /api/0/organizations/acme/issues/.*level(%3[aA]|:)error&", "headers": {"X-Hits": "0"}},
                {"match": "GET /api/0/organizations/acme/issues/.*level(%3[aA]|:)fatal&", "headers": {"X-Hits": ""}}]'
tui_run <<'EOF2'
:screen garbage
:query level:error
:screen too-small
:query level:fatal
:screen empty-hits
:query level:fatal zzzqqq
:screen nothing
:view nothing.view
EOF2
assert_screen garbage
assert_screen_has garbage "100+ issues"
assert_screen_lacks garbage " of 0 "
assert_screen_has too-small "100+ issues"
assert_screen_lacks too-small "100 of 0"
# 20 fatal issues, one page, no usable X-Hits: "20 issues".
assert_screen_has empty-hits "20 issues"
assert_screen nothing
assert_screen_has nothing "No issues match level:fatal zzzqqq in the last 14d"
grep -q "^rows: 0$" "$TEST_DIR/screens/nothing.view" || fail "the empty page left rows"
# The very first page empty (no rows array yet): under UBSan this once aborted in memcpy.
tui_run --query 'level:fatal zzzqqq' <<'EOF2'
:screen nothing-first
EOF2
assert_screen_has nothing-first "No issues match level:fatal zzzqqq in the last 14d"
finish
