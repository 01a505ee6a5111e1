#!/usr/bin/env bash
# Permission denied: said as such, with the server's words (sanitized).
. "$(dirname "$0")/../lib/screen.sh"
server_start
server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 403}]'
tui_run <<'EOF2'
:screen forbidden
EOF2
assert_screen_has forbidden "issue list: permission denied (HTTP 403): the token's user or scopes may not do this — server said: You do not have permission to perform this action."
assert_request --path /api/0/organizations/acme/issues/ --count 1
finish
