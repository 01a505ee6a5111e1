#!/usr/bin/env bash
# sentry-tui profiles lists the config's profiles (the one in use marked) with their
# server kind as configured, org and URL, without running a token_command or sending
# anything; --probe asks each server one small question and names its kind (Sentry
# answers: sentry.io by its host, else self-hosted; GlitchTip refuses Sentry's sort
# with a 422). A config without profiles says
# so (exit 1).
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset small
other_server_start gt --dataset small --flavor glitchtip
unset SENTRY_URL SENTRY_AUTH_TOKEN SENTRY_ORG
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
cat >"$XDG_CONFIG_HOME/sentry-tui/config.yml" <<YAML
profile: gt
profiles:
  sentry:
    url: http://127.0.0.1:$PORT/
    org: acme
    token_command: touch "$TEST_DIR/token-command-ran"; echo demo-token
  gt:
    url: http://127.0.0.1:$OTHER_PORT/
    org: acme
    token: demo-token
  pinned:
    url: http://127.0.0.1:$OTHER_PORT/
    org: ops
    server_kind: glitchtip
YAML
chmod 600 "$XDG_CONFIG_HOME/sentry-tui/config.yml"

cli_run profiles
expect_status 0 "profiles"
sed "s/127.0.0.1:[0-9]*/127.0.0.1:PORT/" "$TEST_DIR/out" >"$TEST_DIR/listed"
diff -u - "$TEST_DIR/listed" <<'TXT' || fail "the listing differs"
  NAME    KIND       ORG   URL
  sentry  auto       acme  http://127.0.0.1:PORT/
* gt      auto       acme  http://127.0.0.1:PORT/
  pinned  glitchtip  ops   http://127.0.0.1:PORT/
TXT
[ -e "$TEST_DIR/token-command-ran" ] && fail "listing ran a token_command"
[ -s "$TEST_DIR/requests.log" ] && fail "listing sent a request: $(cat "$TEST_DIR/requests.log")"

cli_run profiles --probe
expect_status 0 "profiles --probe"
grep -q "^  sentry  self-hosted sentry (probed) " "$TEST_DIR/out" || fail "sentry was not probed as a self-hosted Sentry: $(cat "$TEST_DIR/out")"
grep -q "^\* gt      glitchtip (probed) " "$TEST_DIR/out" || fail "gt was not probed as GlitchTip: $(cat "$TEST_DIR/out")"
grep -q "^  pinned  no token " "$TEST_DIR/out" || fail "a profile without a token was probed: $(cat "$TEST_DIR/out")"
[ -e "$TEST_DIR/token-command-ran" ] || fail "--probe did not run sentry's token_command"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param sort=date --param limit=1
other_request gt --method GET --path /api/0/organizations/acme/issues/ --param sort=date --param limit=1

printf 'query: is:unresolved\n' >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
cli_run profiles
expect_status 1 "profiles without any"
grep -q "no profiles: .*config.yml defines none" "$TEST_DIR/err" || fail "no profiles was not said: $(cat "$TEST_DIR/err")"
finish
