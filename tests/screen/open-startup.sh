#!/usr/bin/env bash
# `sentry-tui open ISSUE` starts on the issue (a short id in any case, a numeric id or a
# link), with the stream loaded behind it for q; an issue that cannot be opened is said
# on the stream, and stays said when the stream's list arrives after that answer.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events

tui_run open backend-2 <<'EOF2'
:view first.view
:screen first
q
:view back.view
EOF2
assert_screen first
grep -q "^view: issue$" "$TEST_DIR/screens/first.view" || fail "sentry-tui open did not start on the issue"
assert_screen_has first "BACKEND-2 Payment provider returned 503"
assert_request --method GET --path /api/0/organizations/acme/shortids/BACKEND-2/ --count 1
grep -q "^view: issues$" "$TEST_DIR/screens/back.view" || fail "q did not go to the stream"
grep -q "^selected: BACKEND-2$" "$TEST_DIR/screens/back.view" ||
	fail "the stream behind the issue is not on its row"

# Options after the issue, and a link as pasted.
tui_run open "http://127.0.0.1:$PORT/organizations/acme/issues/4500000003/?project=2" --read-only <<'EOF2'
:view link.view
:screen link
EOF2
grep -q "^view: issue$" "$TEST_DIR/screens/link.view" || fail "sentry-tui open LINK did not start on the issue"
assert_screen_has link "FRONTEND-2 SIGSEGV: Segfault"

# Not found: the answer comes before the stream's list, which must not wipe it.
server_faults '[{"match": "^GET /api/0/organizations/acme/issues/\\?", "delay_ms": 600}]'
tui_run open BACKEND-ZZ <<'EOF2'
:view missing.view
:screen missing
EOF2
assert_screen missing
grep -q "^view: issues$" "$TEST_DIR/screens/missing.view" || fail "a missing issue did not leave the stream"
assert_screen_has missing "BACKEND-1"
assert_screen_has missing "cannot open BACKEND-ZZ: issue: not found (HTTP 404)"

# Not an issue at all: said on the stream too.
server_faults '[]'
tui_run open "https://example.com/issues/1/" <<'EOF2'
:screen other-host
EOF2
assert_screen_has other-host "that link is for example.com, not for the server sentry-tui is using (127.0.0.1)"

EXPECT_FAILURE=1 tui_run --org acme open <<'EOF2'
EOF2
[ "$TUI_STATUS" -eq 2 ] || fail "sentry-tui open without an issue exited with $TUI_STATUS, not 2"
assert_stderr_has "sentry-tui open: which issue? Give a short id (BACKEND-4B), an issue id or an issue link"
finish
