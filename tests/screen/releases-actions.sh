#!/usr/bin/env bash
# What the release screens lead to. :project and :env in the list ask for other
# projects or environments (the header changes when their rows arrive). Issues marked
# in the stream are resolved in a release from its screen (:resolve-in-release, after
# the usual question; an issue of another project is refused by the server and rolled
# back). R on an issue screen opens the issue's last release, and
# :release first its first.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
RELEASES=/api/0/organizations/acme/releases/
LINES=30 COLUMNS=120 tui_run <<'EOF2'
:releases
:wait-for VERSION
:project backend
:wait-for backend · all environments
:env production
:wait-for backend · production
:screen scoped
:view scoped.view
q
<Space><Space>
R
:wait-for VERSION
<Enter>
:wait-for Sessions by status
:resolve-in-release
:screen confirm
y
:wait-for resolved
:view resolved.view
EOF2
assert_request --method GET --path $RELEASES --param project=11 --no-param environment
assert_request --method GET --path $RELEASES --param project=11 --param environment=production
assert_screen_has scoped "backend · production · last 14d · newest first"
grep -q "^rows: 6" "$TEST_DIR/screens/scoped.view" || fail "backend has 6 releases"
assert_screen_has confirm "2 marked issues"
assert_request --method PUT --path /api/0/organizations/acme/issues/ \
	--body-json 'status="resolved"' --body-json 'statusDetails={"inRelease": "frontend@5.12.0"}'

LINES=30 COLUMNS=120 tui_run <<'EOF2'
:open BACKEND-1
:wait-for Event
R
:wait-for Sessions by status
:view last.view
q
:release first
:wait-for Sessions by status
:view first.view
EOF2
grep -q "^release: backend@2.17.1" "$TEST_DIR/screens/last.view" || { cat "$TEST_DIR/screens/last.view"; fail "R did not open the issue's last release"; }
grep -q "^release: backend@2.15.1" "$TEST_DIR/screens/first.view" || fail ":release first did not open the first release"
# A backend issue cannot be resolved in a frontend release: the server says so, and the
# row is rolled back; the frontend issue is resolved.
grep -q "^status: resolved in release frontend@5.12.0 FRONTEND-1; failed BACKEND-2: .*Unable to find a release with the given version. — rolled back" \
	"$TEST_DIR/screens/resolved.view" || fail "the outcome of resolving in the release is not said"
finish
