#!/usr/bin/env bash
# Orgs without the multi-project feature answer 400 to an all-projects query; the
# stream falls back to one request per project and shows both projects' issues.
. "$(dirname "$0")/../lib/screen.sh"
server_start --no-global-views
tui_run <<'EOF2'
:screen merged
:view merged.view
EOF2
assert_request --path /api/0/organizations/acme/issues/ --no-param project
assert_request --path /api/0/organizations/acme/issues/ --param project=11 --count 1
assert_request --path /api/0/organizations/acme/issues/ --param project=12 --count 1
grep -q "^per_project: yes$" "$TEST_DIR/screens/merged.view" || fail "no per-project fallback"
assert_screen_has merged "BACKEND-"
assert_screen_has merged "FRONTEND-"
assert_screen_lacks merged "multi project"
finish
