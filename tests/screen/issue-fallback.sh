#!/usr/bin/env bash
# Servers that lack a route (GlitchTip has no org-scoped issue GET and no "recommended"
# event): the issue comes from /api/0/issues/{id}/ and the event from "latest".
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
server_faults '[{"match": "^GET /api/0/organizations/acme/issues/4500000001/$", "status": 404},
                {"match": "^GET /api/0/.*issues/4500000001/events/recommended/$", "status": 404}]'
tui_run <<'EOF2'
:open BACKEND-1
:view opened.view
:screen opened
EOF2
assert_request --path /api/0/organizations/acme/issues/4500000001/ --count 1
assert_request --path /api/0/issues/4500000001/ --count 1
assert_request --path /api/0/organizations/acme/issues/4500000001/events/recommended/ --count 1
assert_request --path /api/0/issues/4500000001/events/recommended/ --count 1
assert_request --path /api/0/organizations/acme/issues/4500000001/events/latest/ --count 1
grep -q "^event: 546e7245ad415ab0b395b23cb90de46b$" "$TEST_DIR/screens/opened.view" || fail "the latest event is not shown"
assert_screen_has opened "first seen 1mo ago in backend@2.15.0"
assert_screen_lacks opened "not found"
finish
