#!/usr/bin/env bash
# Against GlitchTip (the fake server's GlitchTip flavor, docs/sentry-api.md §12): the
# stream loads (its 422 for Sentry's sort names teaches the client GlitchTip's, once)
# with sparklines from issues-stats/; an issue opens on its latest event through the
# routes GlitchTip has; resolve works and is confirmed; what GlitchTip lacks (assignees,
# bookmarks, review, archive conditions, resolving in a release, release health) is
# absent from the keys, the hints and the help, and asking for it by name says so.
# Pages follow GlitchTip's own Link header.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small --flavor glitchtip
ISSUES=/api/0/organizations/acme/issues/
LINES=30 COLUMNS=120 tui_run <<'EOF2'
:wait-for 3 issues
:wait-for ▄██▃
:screen stream
a
:view assign.view
R
:view releases.view
:transactions
:view transactions.view
:resolve next
:view resolve-next.view
?
:screen help
q
m
:screen archive
q
<Enter>
:wait-for Event
:screen issue
:view issue.view
q
r
:wait-for resolved
:view resolved.view
EOF2
assert_request --method GET --path $ISSUES --param sort=date --count 1
assert_request --method GET --path $ISSUES --param sort=-last_seen
assert_request --method GET --path /api/0/organizations/acme/issues-stats/ --param statsPeriod=24h
assert_screen stream
assert_screen_lacks stream "a assign"
grep -q "^status: GlitchTip has no assignees: 'assign' is not available here" "$TEST_DIR/screens/assign.view" || fail "a did not say GlitchTip has no assignees"
grep -q "^status: GlitchTip has no release health" "$TEST_DIR/screens/releases.view" || fail "R did not say GlitchTip has no release health"
grep -q "^status: GlitchTip has no transaction list: :transactions is not available here" "$TEST_DIR/screens/transactions.view" || fail ":transactions did not say GlitchTip has no transaction list: $(grep status "$TEST_DIR/screens/transactions.view")"
grep -q "^status: GlitchTip has no resolving in a release" "$TEST_DIR/screens/resolve-next.view" || fail ":resolve next was not refused"
assert_screen_lacks help "assign"
assert_screen_lacks help "bookmark"
assert_screen_lacks help "reviewed"
assert_screen_has help "resolve"
assert_screen_has archive "forever"
assert_screen_lacks archive "until escalating"
# The issue: GlitchTip's own routes, its latest event.
assert_request --method GET --path /api/0/issues/4500000002/
assert_request --method GET --path /api/0/issues/4500000002/events/latest/
assert_request --method GET --path /api/0/organizations/acme/issues/4500000002/ --count 0
assert_screen_has issue "(latest)"
# GlitchTip counts no events per period ("stats": {"24h": []}): none shown, not zeros.
assert_screen_has issue "events 1.5k · users 210"
assert_screen_lacks issue "(24h"
# GlitchTip's frames (snake_case keys beside its few camelCase ones) still make a stack.
assert_screen_has issue "● compute_tax billing/invoices.py:18"
assert_screen_has issue "→ 18 0/0"
# Resolve: the status GlitchTip honours, confirmed by its answer.
assert_request --method PUT --path $ISSUES --body-json 'status="resolved"'
grep -q "^status: resolved BACKEND-2" "$TEST_DIR/screens/resolved.view" || { cat "$TEST_DIR/screens/resolved.view"; fail "the resolve was not confirmed"; }

# The same query from a script learns GlitchTip the same way.
"$SENTRY_TUI_BIN" list --query "" --format tsv >"$TEST_DIR/list.tsv" 2>"$TEST_DIR/list.err" || fail "list against GlitchTip failed: $(cat "$TEST_DIR/list.err")"
[ "$(wc -l <"$TEST_DIR/list.tsv")" = 4 ] || fail "list against GlitchTip did not print its 3 issues"

# Paging through GlitchTip's Link header: set-wrapped, opaque cursors, and no cursor
# on the link that has no results.
server_stop 2>/dev/null || kill "$SERVER_PID" 2>/dev/null
server_start --flavor glitchtip
LINES=30 COLUMNS=120 tui_run <<'EOF2'
:wait-for issues
G
:view paged.view
G
G
:view end.view
EOF2
grep -q "^rows: 186$" "$TEST_DIR/screens/paged.view" || { cat "$TEST_DIR/screens/paged.view"; fail "G did not page in the second page"; }
grep -q "^more: no$" "$TEST_DIR/screens/end.view" || fail "a link without results (and without a cursor) is not the end"
# The next page's opaque cursor, sent back as GlitchTip gave it.
assert_request --method GET --path $ISSUES --param cursor=bzowOjEwMDow
finish
