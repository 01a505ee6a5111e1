#!/usr/bin/env bash
# A body that is not JSON, and one cut off mid-way: each says which endpoint and why.
. "$(dirname "$0")/../lib/screen.sh"
server_start
server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "malformed": true, "times": 1},
                {"match": "GET /api/0/organizations/acme/issues/", "truncate": 200}]'
tui_run <<'EOF2'
:screen malformed
<C-r>
:screen truncated
EOF2
assert_screen_has malformed "issue list: malformed response from 127.0.0.1"
assert_screen_has truncated "issue list: connection to 127.0.0.1 broke off before the response was complete"
finish
