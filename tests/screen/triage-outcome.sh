#!/usr/bin/env bash
# When the answer to a change leaves its outcome open (a 502 after the server applied it,
# a 400 on a retry after an earlier try went through), the issue is read again and the
# screen shows what the server has. A refusal names the issue by short id with the
# server's own reason; a batch says which issues changed and which did not.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small

# The server applies every try, but the proxy in front answers 502.
server_faults '[{"match": "^PUT ", "status": 502, "apply_first": true}]'
tui_run <<'EOF2'
r
:screen applied-502
:view applied-502.view
EOF2
assert_screen_has applied-502 "resolved BACKEND-2 — the answer was HTTP 502 but the server has the change (read back) — z to undo"
grep -q "status=resolved .*pending=no" "$TEST_DIR/screens/applied-502.view" || fail "the row does not show the change the server has"
assert_request --method GET --path /api/0/organizations/acme/issues/4500000002/

# The first try goes through and is lost (502); the retry is refused (400).
server_faults '[{"match": "^PUT ", "status": 502, "apply_first": true, "times": 1},
                {"match": "^PUT ", "status": 400, "body": "{\"detail\": \"Invalid request\"}", "times": 1}]'
tui_run <<'EOF2'
b
:screen retry-400
:view retry-400.view
EOF2
assert_screen_has retry-400 "bookmarked FRONTEND-1 — the answer was HTTP 400 but the server has the change (read back)"
grep -q "bookmarked=yes .*pending=no" "$TEST_DIR/screens/retry-400.view" || fail "a refused retry hid the change the first try made"

# A definite refusal: the release does not exist. Rolled back, in the server's words.
server_faults '[]'
tui_run <<'EOF2'
j
:resolve backend@9.9.9
:screen no-release
:view no-release.view
EOF2
assert_screen_has no-release "failed, rolled back: BACKEND-1 resolved in release backend@9.9.9"
assert_screen_has no-release "statusDetails.inRelease: Unable to find a release with the given"
grep -q "status=unresolved .*pending=no" "$TEST_DIR/screens/no-release.view" || fail "the refused resolve was not rolled back"

# A batch over two projects where one project's request is refused.
server_faults '[{"match": "^PUT .*id=4500000003", "status": 403, "body": "{\"detail\": \"You do not have permission to perform this action.\"}"}]'
tui_run <<'EOF2'
<Space><Space>
u
y
:screen batch
EOF2
assert_screen_has batch "unresolved BACKEND-1; failed FRONTEND-1: "
assert_screen_has batch "You do not have permission to perform this action. — rolled back"
finish
