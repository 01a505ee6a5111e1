#!/usr/bin/env bash
# t cycles the period, e the environment (from the projects' environments), p the
# project (sent as its numeric id); each reaches the server and shows in the header.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
t
:view period.view
e
:screen environment
p
:screen project
:project all
:env all
:period 24h
:view reset.view
EOF2
assert_request --path /api/0/organizations/acme/issues/ --param statsPeriod=30d
assert_request --path /api/0/organizations/acme/issues/ --param environment=production
assert_request --path /api/0/organizations/acme/issues/ --param project=11 --param environment=production
assert_request --path /api/0/organizations/acme/issues/ --param statsPeriod=24h --no-param project --no-param environment
assert_screen environment
assert_screen project
grep -q "^period: 30d$" "$TEST_DIR/screens/period.view" || fail "t did not go from 14d to 30d"
finish
