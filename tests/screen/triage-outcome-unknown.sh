#!/usr/bin/env bash
# The other uncertain outcomes of a change: the connection breaks after the server applied
# it, the server never answers (timeout), and the re-read itself fails. Each time the
# screen says what is known and nothing more: applied (read back), not applied (read
# back), or "may have been applied" when the re-read could not settle it.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
printf 'timeout: 2\n' >"$XDG_CONFIG_HOME/sentry-tui/config.yml"

# A connection reset: the server applies every try but the answer breaks off mid-body.
server_faults '[{"match": "^PUT ", "status": 200, "apply_first": true, "truncate": 5}]'
tui_run <<'EOF2'
r
:screen reset
:view reset.view
EOF2
assert_screen_has reset "resolved BACKEND-2 — the connection failed but the server has the change (read back) — z to undo"
grep -q "status=resolved .*pending=no" "$TEST_DIR/screens/reset.view" || fail "a broken answer hid the change the server has"
assert_request --method GET --path /api/0/organizations/acme/issues/4500000002/

# A timeout: the server never answers and never applies; the re-read says so. (BACKEND-2
# is resolved now and left the list: BACKEND-1, bookmarked, is the second row.)
server_faults '[{"match": "^PUT ", "hang": true}]'
tui_run <<'EOF2'
j
b
:screen timeout
:view timeout.view
EOF2
assert_screen_has timeout "failed, not applied (read back): unbookmarked BACKEND-1 — "
assert_screen_has timeout "did not answer within 2s"
grep -q "bookmarked=yes .*pending=no" "$TEST_DIR/screens/timeout.view" || fail "the row kept a change the server does not have"

# The re-read fails too: nothing settles it, and the message says so instead of
# claiming a rollback.
server_faults '[{"match": "^PUT ", "status": 502, "apply_first": true},
                {"match": "^GET /api/0/organizations/acme/issues/4500000003/", "status": 500}]'
tui_run <<'EOF2'
b
:screen unknown
:view unknown.view
EOF2
assert_screen_has unknown "may have been applied (Ctrl-r shows what the server has): bookmarked FRONTEND-1 — "
assert_screen_lacks unknown "rolled back"
assert_screen_lacks unknown "4500000003"
grep -q "bookmarked=no .*pending=no" "$TEST_DIR/screens/unknown.view" || fail "the row does not show the last confirmed state"

# On the issue screen the header shows what the re-read found (here: the change is not
# there), and so does the stream row behind it.
server_faults '[{"match": "^PUT ", "status": 503}]'
tui_run <<'EOF2'
:open FRONTEND-1
r
:screen issue-not-applied
q
:view issue-stream.view
EOF2
assert_screen_has issue-not-applied "unresolved · new · priority medium"
assert_screen_has issue-not-applied "failed, not applied (read back): resolved FRONTEND-1 — "
grep -q "status=unresolved .*pending=no" "$TEST_DIR/screens/issue-stream.view" || fail "the stream row did not follow the re-read"
finish
