#!/usr/bin/env bash
# A filter the server refuses never shows over the previous filter's rows: the header
# keeps the filter the rows came from, the server's reason stays on screen (over more
# than one key) until the next filter change, and a refused query comes back in the /
# prompt to be fixed. Same for an environment and a project that do not exist.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
:view before.view
/<C-u>is:bogus<Enter>
:screen refused
:view refused.view
<C-u>is:bogus level:error<Esc>
j
j
:screen after-keys
:env nowhere
:screen env-refused
:view env-refused.view
:project no-such-project
:screen project-refused
:view project-refused.view
/<C-u>is:unresolved level:fatal<Enter>
:screen fixed
EOF2
# The refused query reached the server and was answered 400 with Sentry's detail.
assert_request --path /api/0/organizations/acme/issues/ --param query=is:bogus
assert_screen refused
# The rows and the header are still those of is:unresolved.
grep -q "^query: is:unresolved$" "$TEST_DIR/screens/refused.view" || fail "the refused query replaced the filter"
grep -q "^rows: 100$" "$TEST_DIR/screens/refused.view" || fail "the previous rows are gone"
assert_screen_has refused 'Invalid value for "is" search'
assert_screen_has refused "query: is:bogus"
# The reason outlives keys that are not a filter change.
assert_screen after-keys
assert_screen_has after-keys 'Invalid value for "is" search'
# An unknown environment: refused by the server, the header keeps "all envs".
assert_request --path /api/0/organizations/acme/issues/ --param environment=nowhere
grep -q "^environment: all$" "$TEST_DIR/screens/env-refused.view" || fail "the refused environment replaced the filter"
assert_screen env-refused
# An unknown project is refused before anything is sent.
grep -q "^projects:$" "$TEST_DIR/screens/project-refused.view" || fail "the unknown project replaced the filter"
assert_screen_has project-refused "project 'no-such-project' not found in organization 'acme'"
assert_screen_lacks project-refused "no-such-project ·"
# A good query clears the reason.
assert_screen fixed
assert_screen_lacks fixed "not found"
# Refused from the start (no earlier rows): the list says the reason is below, and it is,
# after the prompt (offered again with the text) is cancelled and after more keys.
tui_run --query is:bogus <<'EOF2'
:screen first-refused
<Esc>
j
k
:screen first-refused-keys
EOF2
assert_screen_has first-refused "query: is:bogus"
assert_screen first-refused-keys
assert_screen_has first-refused-keys "Could not load issues: the reason is below."
assert_screen_has first-refused-keys 'Invalid value for "is" search'
finish
