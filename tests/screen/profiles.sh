#!/usr/bin/env bash
# Profiles switched at run time: a Sentry-shaped server and a GlitchTip-shaped one in
# one session. `:profile gt` takes server, org, token and defaults from that profile (the
# stream comes from the other server, in GlitchTip's sort names); the title row names
# the profile; `confirm_mutations: true` there asks y/N even for one issue, and n sends
# nothing; P picks a profile from a list; switching back to gt does not learn its kind
# again; each profile keeps its own query history; an unknown profile, or one without a
# token, is refused and the session stays as it was.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
SENTRY_PORT=$PORT
other_server_start gt --dataset small --flavor glitchtip
GT_PORT=$OTHER_PORT
unset SENTRY_URL SENTRY_AUTH_TOKEN SENTRY_ORG

mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
cat >"$XDG_CONFIG_HOME/sentry-tui/config.yml" <<EOF2
profile: sentry
profiles:
  sentry:
    url: http://127.0.0.1:$SENTRY_PORT/
    org: acme
    token: demo-token
    colour: green
  gt:
    url: http://127.0.0.1:$GT_PORT/
    org: acme
    token: demo-token
    colour: red
    confirm_mutations: true
    query: is:unresolved level:error
  broken:
    url: http://127.0.0.1:$GT_PORT/
    org: acme
EOF2
chmod 600 "$XDG_CONFIG_HOME/sentry-tui/config.yml"


LINES=16 COLUMNS=100 tui_run <<'EOF2'
:wait-for 3 issues
/<C-u>is:unresolved level:fatal<Enter>
:wait-for level:fatal
:screen sentry
:profile nope
:screen unknown
:profile broken
:wait-for cannot switch
:screen broken
:profile gt
:wait-for ▄
:screen gt
r
:screen guard
n
:view cancelled.view
r
y
:wait-for resolved
:view resolved.view
/<C-u>is:unresolved level:warning<Enter>
:wait-for level:warning
P
:screen picker
k
<Enter>
:wait-for BACKEND
:screen back
:profile gt
:wait-for  gt 
:view gt-again.view
EOF2
# On the Sentry profile: its name in the title row, its server.
assert_screen sentry
assert_screen_has sentry " sentry "
assert_screen_has unknown 'unknown profile "nope" (known profiles: sentry, gt, broken)'
assert_screen_has broken "cannot switch to profile broken: profile broken gives no token"
assert_screen_has broken "level:fatal" # the session stayed as it was
# On gt: the GlitchTip server's stream in its sort names, with gt's own query.
assert_screen gt
other_request gt --method GET --path /api/0/organizations/acme/issues/ --param sort=-last_seen --param "query=is:unresolved level:error"
assert_screen_has gt " gt "
# The guard: one issue, a question naming the profile; n sends nothing, y sends it.
assert_screen_has guard "gt: resolve"
assert_screen_has guard "? y/N"
grep -q "^status: cancelled: nothing was changed" "$TEST_DIR/screens/cancelled.view" || fail "n did not cancel: $(grep status: "$TEST_DIR/screens/cancelled.view")"
other_request gt --method PUT --count 1
grep -q "^status: resolved " "$TEST_DIR/screens/resolved.view" || fail "y did not resolve: $(grep status: "$TEST_DIR/screens/resolved.view")"
# The picker lists the profiles, the current one marked; Enter on sentry goes back.
assert_screen picker
assert_screen_has back " sentry "
assert_request --method GET --path /api/0/organizations/acme/issues/ --param "query=is:unresolved level:fatal"
# Back on gt: its kind was remembered, so Sentry's sort name was refused only once.
other_request gt --method GET --path /api/0/organizations/acme/issues/ --param sort=date --count 1
grep -q "^view: issues" "$TEST_DIR/screens/gt-again.view" || fail "the second switch to gt did not show its stream"
# Each profile's own query history.
hist="$XDG_STATE_HOME/sentry-tui/profiles"
grep -qx "is:unresolved level:fatal" "$hist/sentry/query_history" || fail "sentry's history lacks its query: $(ls -R "$XDG_STATE_HOME" 2>&1)"
grep -qx "is:unresolved level:warning" "$hist/gt/query_history" || fail "gt's history lacks its query"
grep -q "level:warning" "$hist/sentry/query_history" && fail "gt's query is in sentry's history"
finish
