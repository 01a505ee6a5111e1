#!/usr/bin/env bash
# A token that sees no project of the organization gets "[]" for the project list: the
# app neither crashes (an empty list once reached memcpy with a NULL pointer, which
# UBSan aborts on) nor stays silent, and `p` (cycle project) stays on all projects.
. "$(dirname "$0")/../lib/screen.sh"
server_start
server_faults '[{"match": "GET /api/0/organizations/acme/projects/", "status": 200, "body": "[]"}]'
tui_run <<'EOF2'
:screen no-projects
p
:screen cycle-project
EOF2
assert_screen_has no-projects "project list: no projects in organization 'acme' are visible to this token"
assert_screen_has cycle-project "all projects"
assert_request --method GET --path /api/0/organizations/acme/projects/
finish
