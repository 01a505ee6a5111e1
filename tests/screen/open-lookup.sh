#!/usr/bin/env bash
# :open finds issues the stream has not loaded: a short id (any case) through the
# short-id lookup, a numeric id through the issue itself, a pasted event link on that
# event; a short id the server does not know, and links for another host or org, say so.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
EVENT=edbbe514e5e9f39af77b70d5052636df   # BACKEND-1's second newest event, not the recommended one
# The query matches nothing: every issue below has to come from the server.
tui_run --query 'no-such-issue-anywhere' <<EOF2
:open backend-2
:screen short-id
:view short-id.view
q
:view back.view
:open 4500000003
:view numeric.view
:screen numeric
:open <http://127.0.0.1:$PORT/organizations/acme/issues/4500000001/events/$EVENT/?project=1&query=is%3Aunresolved#crumbs|BACKEND-1>
:view event-link.view
q
:open BACKEND-ZZ
:screen not-found
:view not-found.view
:open https://acme.sentry.io/issues/4500000001/
:screen other-host
:open http://127.0.0.1:$PORT/organizations/globex/issues/4500000001/
:screen other-org
:open http://127.0.0.1:$PORT/share/issue/0123456789abcdef0123456789abcdef/
:screen share
EOF2
assert_screen short-id
assert_request --method GET --path /api/0/organizations/acme/shortids/BACKEND-2/ --count 1
grep -q "^view: issue$" "$TEST_DIR/screens/short-id.view" || fail ":open backend-2 did not open the issue"
assert_screen_has short-id "BACKEND-2 Payment provider returned 503"
grep -q "^view: issues$" "$TEST_DIR/screens/back.view" || fail "q did not go back to the stream"

grep -q "^view: issue$" "$TEST_DIR/screens/numeric.view" || fail ":open 4500000003 did not open the issue"
grep -q "^event: [0-9a-f]\{32\}$" "$TEST_DIR/screens/numeric.view" || fail "the numeric id's event is not shown"
assert_screen_has numeric "FRONTEND-2 SIGSEGV: Segfault"
assert_request --method GET --path /api/0/organizations/acme/issues/4500000003/

grep -q "^view: issue$" "$TEST_DIR/screens/event-link.view" || fail "the event link did not open the issue"
grep -q "^event: $EVENT$" "$TEST_DIR/screens/event-link.view" ||
	fail "the event link did not show its event"
assert_request --method GET --path "/api/0/organizations/acme/issues/4500000001/events/$EVENT/" --count 1

assert_screen not-found
assert_screen_has not-found "cannot open BACKEND-ZZ: issue: not found (HTTP 404): issue BACKEND-ZZ in organization 'acme' does not exist or this token cannot see it"
grep -q "^view: issues$" "$TEST_DIR/screens/not-found.view" || fail "a failed :open left the stream"
assert_screen_has other-host "that link is for acme.sentry.io, not for the server sentry-tui is using (127.0.0.1)"
assert_screen_has other-org "that link is for organization 'globex', and sentry-tui is showing 'acme' (start it with --org globex)"
assert_screen_has share "shared issue links are not supported"
finish
