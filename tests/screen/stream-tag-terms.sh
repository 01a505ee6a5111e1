#!/usr/bin/env bash
# Enter on a tag value adds exactly one search term built from the server's text: a value
# holding control characters (a newline, an escape) cannot be sent and is refused with
# the reason, the query untouched; the server's own term for a value is used as given.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open BACKEND-3
3
:search iPhone
<Enter>
:screen refused
:view refused.view
:search データ
<Enter>
:view refused-newline.view
:search mallory
<Enter>
:view stream.view
EOF2
assert_screen_has refused "cannot filter by this value: this value holds a newline or control character"
grep -q "^view: issue$" "$TEST_DIR/screens/refused.view" || fail "a refused value left the issue screen"
grep -q "^view: issue$" "$TEST_DIR/screens/refused-newline.view" || fail "a value with a newline left the issue screen"
grep -q "cannot filter by this value" "$TEST_DIR/screens/refused-newline.view" || fail "no reason for the newline value"
grep -q '^query: is:unresolved user.email:mallory@evil.test$' "$TEST_DIR/screens/stream.view" ||
	fail "the server's term for a user was not added as one term"
# Nothing with the refused values reached the server.
assert_request --path /api/0/organizations/acme/issues/ --count 2
finish
