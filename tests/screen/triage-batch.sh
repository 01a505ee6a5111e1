#!/usr/bin/env bash
# Marks: space marks (and moves on), V marks all, Esc clears; an action on marks asks
# first, stating the count, then sends one bulk request per project with explicit ids.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
# Each change answers late: the script's end waits for the last one, as its steps do.
server_faults '[{"match": "^PUT ", "delay_ms": 300}]'
tui_run <<'EOF2'
V
:screen all-marked
<Esc>
:view cleared.view
<Space><Space><Space>
:view marked.view
r
:screen confirm
n
:view declined.view
r
y
:screen resolved
z
:resolve next
y
EOF2
grep -q "^marked: 0$" "$TEST_DIR/screens/cleared.view" || fail "Esc did not clear the marks"
grep -q "^marked: 3$" "$TEST_DIR/screens/marked.view" || fail "space did not mark three rows"
assert_screen all-marked
assert_screen_has all-marked "3 marked"
assert_screen_has confirm "3 marked issues in 2 projects → resolved (one request per project)? y/N"
grep -q "^status: cancelled: nothing was changed" "$TEST_DIR/screens/declined.view" || fail "n did not cancel"
assert_request --method PUT --path /api/0/organizations/acme/issues/ --count 6
# Release-based resolution over two projects is split: one request per project.
assert_request --method PUT --param project=11 --body-json 'statusDetails={"inNextRelease": true}' --count 1
assert_request --method PUT --param project=12 --body-json 'statusDetails={"inNextRelease": true}' --count 1
assert_request --method PUT --path /api/0/organizations/acme/issues/ --param project=11 \
	--param id=4500000001 --param id=4500000002 --body-json 'status="resolved"' --body-json 'statusDetails={}' --count 1
assert_request --method PUT --path /api/0/organizations/acme/issues/ --param project=12 \
	--param id=4500000003 --body-json 'status="resolved"' --body-json 'statusDetails={}' --count 1
assert_screen_has resolved "resolved 3 issues — z to undo"
finish
