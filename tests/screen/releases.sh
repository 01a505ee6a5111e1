#!/usr/bin/env bash
# Release health. R (:releases) lists one row per release and project for the stream's
# projects and environment: version, project, age, adoption, crash-free sessions and
# users coloured by threshold, sessions and users in 24h, a sparkline of sessions over
# the period, new issues; a release that never sent sessions says "no session data" and
# one without sessions in the period says so, not zeros. s cycles the sort (session
# sorts send flatten=1), :sort takes a name, / filters by version, t cycles the period.
# Enter opens the release: dates, deploys, health and the sessions chart by status; n
# opens the stream on its new issues (firstRelease:VERSION), i on release:VERSION.
. "$(dirname "$0")/../lib/screen.sh"
server_start
RELEASES=/api/0/organizations/acme/releases/
LINES=30 COLUMNS=120 tui_run <<'EOF2'
R
:wait-for VERSION
:screen list
:view list.view
s
:wait-for by adoption
:sort crash_free_sessions
:wait-for by crash-free sessions
:view crash-free.view
:screen crash-free
/
2.17
<Enter>
:wait-for version contains
:view filtered.view
t
:wait-for last 30d
:view period.view
j
<Enter>
:wait-for Sessions by status
:wait-for legend
:screen detail
:view detail.view
n
:wait-for firstRelease
:screen stream
:view stream.view
EOF2
assert_screen list
assert_request --method GET --path $RELEASES --param health=1 --param sort=date --param per_page=25 \
	--param summaryStatsPeriod=14d --param healthStatsPeriod=14d --no-param flatten
grep -q "^rows: 12" "$TEST_DIR/screens/list.view" || fail "12 releases of 2 projects"
assert_screen_has list "5.8.0 frontend 2mo no session data"
assert_screen_has list "5.10.0 frontend 5w no sessions in 14d"
assert_screen_has list "2.17.0 backend 1w ██▍ 24 % 95.50 % 92.80 %"
# Session sorts are flattened, as the server requires.
assert_request --method GET --path $RELEASES --param sort=adoption --param flatten=1
assert_request --method GET --path $RELEASES --param sort=crash_free_sessions --param flatten=1
grep -q "^sort: crash_free_sessions" "$TEST_DIR/screens/crash-free.view" || fail ":sort did not apply"
assert_screen_has crash-free "by crash-free sessions"
assert_request --method GET --path $RELEASES --param query=2.17 --param sort=crash_free_sessions
grep -q "^rows: 2" "$TEST_DIR/screens/filtered.view" || fail "the version filter should leave 2 releases"
assert_request --method GET --path $RELEASES --param summaryStatsPeriod=30d --param healthStatsPeriod=30d
grep -q "^release: backend@2.17.0" "$TEST_DIR/screens/detail.view" || fail "Enter opened another release"
assert_screen detail
assert_request --method GET --path "/api/0/organizations/acme/releases/backend@2.17.0/" --param health=1 \
	--param project=11 --param summaryStatsPeriod=30d
assert_request --method GET --path /api/0/organizations/acme/sessions/ --param "field=sum(session)" \
	--param groupBy=session.status --param interval=1d --param statsPeriod=30d --param project=11 \
	--param 'query=release:backend@2.17.0'
assert_screen_has detail "Crash-free 95.50 % of sessions"
grep -q "^view: issues" "$TEST_DIR/screens/stream.view" || fail "n did not go to the stream"
assert_screen_has stream "firstRelease:backend@2.17.0"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param "query=is:unresolved firstRelease:backend@2.17.0"

# A narrow terminal keeps the figures that matter most.
LINES=24 COLUMNS=80 tui_run <<'EOF2'
:releases
:wait-for VERSION
:screen narrow
?
G
:screen help
q
<Enter>
:wait-for legend
:screen narrow-detail
EOF2
assert_screen narrow
assert_screen narrow-detail
assert_screen_has help "crash-free below crash_free_bad"
assert_screen_has help ":new-issues"
finish
