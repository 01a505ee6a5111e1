#!/usr/bin/env bash
# An organization that does not exist is named in the message.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run --org no-such-org <<'EOF2'
:screen not-found
EOF2
assert_screen_has not-found "issue list: not found (HTTP 404): organization 'no-such-org' does not exist or this token cannot see it"
assert_request --path /api/0/organizations/no-such-org/issues/
finish
