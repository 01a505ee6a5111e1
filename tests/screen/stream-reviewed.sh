#!/usr/bin/env bash
# The review state is on the row: an issue still "for review" (Sentry's inbox, asked for
# with expand=inbox) shows •; v marks it reviewed and, once the server agrees, the • goes.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
j
:screen before
v
:screen reviewed
:view reviewed.view
EOF2
assert_request --path /api/0/organizations/acme/issues/ --param expand=inbox
assert_request --method PUT --path /api/0/organizations/acme/issues/ --param id=4500000283 --body-json inbox=false
sed -n 4p "$TEST_DIR/screens/before" | grep -q "^E•   FRONTEND-42 " || fail "FRONTEND-42 is not marked for review"
sed -n 4p "$TEST_DIR/screens/reviewed" | grep -q "^E    FRONTEND-42 " || fail "the reviewed issue still shows •"
assert_screen reviewed
finish
