#!/usr/bin/env bash
# :transactions lists the recent transactions of the stream's projects, environment and
# period (the organization's events endpoint, spans dataset, newest first): age,
# duration, op, project, status when not ok, name; the header says what the rows came
# from. s sorts slowest first, / filters by name, Enter opens the transaction's trace
# as a waterfall on its span. At 100x24 and 80x24.
. "$(dirname "$0")/../lib/screen.sh"
server_start
LINES=24 COLUMNS=100 tui_run <<'EOF2'
:project backend
:env production
:transactions
:wait-for TRANSACTION
:screen list
:view list.view
s
:wait-for slowest first
:screen slowest
:view slowest.view
/
users
<Enter>
:wait-for name contains
:screen filtered
:view filtered.view
<Enter>
:wait-for SPAN
:screen waterfall
:view waterfall.view
EOF2
EVENTS=/api/0/organizations/acme/events/
assert_screen list
assert_screen_has list "backend · production · last 14d · newest first"
assert_request --method GET --path $EVENTS --param dataset=spans --param query=is_transaction:true \
	--param field=span.duration --param field=transaction --param field=trace \
	--param field=transaction.span_id --param sort=-timestamp --param per_page=50 \
	--param statsPeriod=14d --param project=11 --param environment=production
grep -q "^rows: 13" "$TEST_DIR/screens/list.view" || fail "the list should hold backend's 13 production transactions"
assert_screen slowest
assert_request --method GET --path $EVENTS --param sort=-span.duration
grep -q "^sort: slowest" "$TEST_DIR/screens/slowest.view" || fail "s did not sort slowest first"
assert_screen_has filtered 'name contains "users" · slowest first'
assert_request --method GET --path $EVENTS --param "query=is_transaction:true transaction:*users*"
grep -q "^rows: 4" "$TEST_DIR/screens/filtered.view" || fail "the name filter should leave 4 rows"
grep -q "^view: waterfall" "$TEST_DIR/screens/waterfall.view" || fail "Enter did not open the waterfall"
assert_screen_has waterfall "acme › trace"
assert_request --method GET --path-prefix /api/0/organizations/acme/trace/

LINES=24 COLUMNS=80 tui_run <<'EOF2'
:transactions
:wait-for TRANSACTION
:screen narrow
EOF2
assert_screen narrow
finish
