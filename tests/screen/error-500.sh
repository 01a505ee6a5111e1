#!/usr/bin/env bash
# A failing server: retried with backoff, then the error is shown with the server's words.
. "$(dirname "$0")/../lib/screen.sh"
server_start
server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 500}]'
tui_run <<'EOF2'
:screen server-error
EOF2
assert_screen_has server-error "issue list: server error at 127.0.0.1 (HTTP 500) after 4 tries — server said: Internal Error"
assert_request --path /api/0/organizations/acme/issues/ --count 4
finish
