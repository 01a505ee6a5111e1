#!/usr/bin/env bash
# The waterfall's other ways in. t on an error event opens its trace (the
# organization's trace endpoint) with the error's span under the cursor and marked ▶;
# :open backend:EVENT_ID and a transaction link open that transaction; a link to a
# trace opens the trace. A server without the trace endpoint shows the trace's
# transaction from the events list; one without either says so plainly,
# and an event that is not a transaction says which issue it belongs to.
. "$(dirname "$0")/../lib/screen.sh"
server_start
TRACE=0aad818e238f71394607a509abec8111
N1_EVENT=1b560407ef796200063ed69cc4a686b5
LINES=24 COLUMNS=100 tui_run <<EOF2
:open BACKEND-4
:wait-for Event
t
:wait-for db.query
:screen trace
:view trace.view
q
:view back.view
:open backend:$N1_EVENT
:wait-for http.server
:screen transaction
:view transaction.view
:open http://127.0.0.1:$PORT/organizations/acme/performance/trace/$TRACE/
:wait-for db.query
:view trace-link.view
EOF2
assert_screen trace
assert_screen_has trace "acme › trace 0aad818e › waterfall"
assert_screen_has trace "▶ ├─db.query SELECT * FROM users WHERE"
grep -q "^span: span002" "$TEST_DIR/screens/trace.view" || fail "the cursor is not on the error's span"
grep -q "^view: issue" "$TEST_DIR/screens/back.view" || fail "q did not go back to the issue screen"
assert_request --method GET --path /api/0/organizations/acme/trace/$TRACE/
assert_screen_has transaction "acme › backend › waterfall"
assert_screen_has transaction "GET /api/users · http.server · 250ms · ok · 4 spans"
assert_request --method GET --path /api/0/projects/acme/backend/events/$N1_EVENT/
grep -q "^view: waterfall" "$TEST_DIR/screens/trace-link.view" || fail "the trace link did not open the waterfall"
grep -q "^rows: 4" "$TEST_DIR/screens/trace-link.view" || fail "the trace link did not show the whole trace"

# No trace endpoint (older self-hosted): the trace's transaction, found in the events
# list, is shown instead, the error's span still marked.
server_faults '[{"match": "^GET /api/0/organizations/acme/trace/", "status": 404, "body": "{\"detail\": \"Not Found\"}"}]'
LINES=24 COLUMNS=100 tui_run <<EOF2
:open BACKEND-4
:wait-for Event
:trace
:wait-for db.query
:screen fallback
:view fallback.view
EOF2
assert_screen_has fallback "acme › backend transaction of trace 0aad818e › waterfall"
grep -q "^span: span002" "$TEST_DIR/screens/fallback.view" || fail "the fallback lost the error's span"
assert_request --method GET --path /api/0/organizations/acme/events/ --param dataset=transactions \
	--param "query=event.type:transaction trace:$TRACE" --param sort=timestamp

# Neither (GlitchTip): said plainly, nothing else breaks.
server_faults '[{"match": "^GET /api/0/organizations/acme/(trace|events)/", "status": 404, "body": "{\"detail\": \"Not Found\"}"}]'
LINES=24 COLUMNS=100 tui_run <<EOF2
:open BACKEND-4
:wait-for Event
:trace
:wait-for trace view
:screen no-trace
:open backend:1d837a86e9dd41f0b912c431c3d23e8e
:wait-for not a transaction
:screen not-transaction
EOF2
assert_screen_has no-trace "this server has no trace view"
assert_screen_has not-transaction "this event is not a transaction; it belongs to issue 4500000006 (:open 4500000006)"
finish
