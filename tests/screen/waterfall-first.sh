#!/usr/bin/env bash
# The way into the waterfall: a performance issue's event is a transaction; the issue
# screen opens on its Spans section (the waterfall inside the issue screen, the N+1
# queries marked); the stack section names the key that opens the waterfall on its own
# screen, and w opens it: the header (name, op,
# duration, status, span count, the issue's evidence), one row per span with tree
# guides, the N+1 queries folded into one "3 ×" row marked as the evidence, bars by
# time. At 120x40 and at 80x24. Ctrl-r reloads the event and keeps the cursor's span.
. "$(dirname "$0")/../lib/screen.sh"
server_start
LINES=40 COLUMNS=120 tui_run <<'EOF2'
:open BACKEND-1N
:screen issue
:view issue.view
1
:screen stack
w
:screen wide
:view wide.view
q
:view back.view
EOF2
assert_screen issue
assert_screen wide
assert_screen_has issue "5 Spans"
assert_screen_has issue "◆ └─3 × db.query (mean 5.0ms) SELECT * FROM user 15ms"
grep -q "^section: Spans" "$TEST_DIR/screens/issue.view" || fail "a transaction does not open on its spans"
grep -q "^span: 346f19c1e2d49a29" "$TEST_DIR/screens/issue.view" || fail "the Spans section's cursor is not on the root span"
assert_screen_has stack "spans: w opens the waterfall"
assert_screen_has wide "GET /api/users · http.server · 250ms · ok · 4 spans"
assert_screen_has wide "3 × db.query"
grep -q "^group: 3 spans" "$TEST_DIR/screens/wide.view" && fail "the cursor should open on the transaction, not the group"
grep -q "^span: 346f19c1e2d49a29" "$TEST_DIR/screens/wide.view" || fail "cursor not on the root span"
grep -q "^section: Stack trace" "$TEST_DIR/screens/back.view" || fail "q did not go back to the issue screen"

LINES=24 COLUMNS=80 tui_run <<'EOF2'
:open BACKEND-1N
:waterfall
:screen narrow
j
<C-r>
:view refreshed.view
EOF2
assert_screen narrow
assert_screen_has narrow "3 × db.query"
# Ctrl-r fetches the event again and keeps the cursor on its span.
assert_request --method GET --path /api/0/organizations/acme/issues/4500000098/events/1b560407ef796200063ed69cc4a686b5/
grep -q "^span: parent123" "$TEST_DIR/screens/refreshed.view" || fail "Ctrl-r lost the cursor's span"
finish
