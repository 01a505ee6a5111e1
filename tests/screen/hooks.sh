#!/usr/bin/env bash
# Key commands from the config (bindings: {issues: {J: "!cmd %(short_id) %(title)"}}):
# the template is split into words before the fields are filled in, so a hostile title
# is one argument and never reaches a shell; the first line of the output comes back in
# the status line (sanitized); "!!" shows the output in $PAGER; the child never sees the
# token. Bad templates, fields and views are config errors at file:line.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
cat >"$TEST_DIR/hook" <<'SH'
#!/bin/sh
printf '%s\n' "$#" >"$0.argc"
for a in "$@"; do printf '%s\n' "$a"; done >"$0.argv"
env >"$0.env"
printf 'filed %s\x1b[31m red\nsecond line\n' "$1"
SH
chmod +x "$TEST_DIR/hook"
cp "$TEST_DIR/hook" "$TEST_DIR/pagehook"
cat >"$TEST_DIR/pager" <<'SH'
#!/bin/sh
cat >"$0.got"
SH
chmod +x "$TEST_DIR/pager"
# The title of the first row, made hostile for a shell.
TITLE='x"; touch '"$TEST_DIR"'/INJECTED; echo "$(touch '"$TEST_DIR"'/INJECTED2) `id` ;'
python3 - "$TEST_DIR/faults.json" "$TITLE" "$PORT" <<'PY'
import json, sys, urllib.request
path, title, port = sys.argv[1:4]
req = urllib.request.Request("http://127.0.0.1:%s/api/0/organizations/acme/issues/?query=is%%3Aunresolved" % port,
                             headers={"Authorization": "Bearer demo-token"})
issues = json.load(urllib.request.urlopen(req))
issues[0]["title"] = title
json.dump([{"match": "^GET /api/0/organizations/acme/issues/\\?", "status": 200, "body": json.dumps(issues)}],
          open(path, "w"))
PY
server_faults "$(cat "$TEST_DIR/faults.json")"
mkdir -p "$HOME/.config/sentry-tui"
cat >"$HOME/.config/sentry-tui/config.yml" <<YML
bindings:
  issues:
    J: "!$TEST_DIR/hook %(short_id) %(title) '%(project) with blanks'"
    K: "!!$TEST_DIR/pagehook %(permalink)"
YML
PAGER="$TEST_DIR/pager" tui_run <<'EOF2'
J
:wait-for filed
:screen ran
:view ran.view
K
:view paged.view
EOF2
assert_screen_has ran "hook: filed"
grep -q "^status: hook: filed BACKEND-2.*31m red$" "$TEST_DIR/screens/ran.view" || fail "the first line of the output is not the message"
[ "$(cat "$TEST_DIR/hook.argc")" = 3 ] || fail "the title did not stay one argument: $(cat "$TEST_DIR/hook.argc") arguments"
sed -n 2p "$TEST_DIR/hook.argv" | grep -qxF -- "$TITLE" || fail "the title was not passed as it is"
sed -n 3p "$TEST_DIR/hook.argv" | grep -qx -- "[a-z]* with blanks" || fail "a quoted word lost its blanks"
[ ! -e "$TEST_DIR/INJECTED" ] && [ ! -e "$TEST_DIR/INJECTED2" ] || fail "a title reached a shell"
grep -q "demo-token\|SENTRY_AUTH_TOKEN" "$TEST_DIR/hook.env" "$TEST_DIR/pagehook.env" && fail "a key command saw the token"
grep -q "^HOME=" "$TEST_DIR/hook.env" || fail "the key command got no environment"
grep -q "^filed http://127.0.0.1:$PORT/organizations/acme/issues/" "$TEST_DIR/pager.got" || fail "!! did not page the output"
grep -q "^second line$" "$TEST_DIR/pager.got" || fail "!! paged only part of the output"

# Mistakes in key commands are config errors with their place.
cat >"$HOME/.config/sentry-tui/config.yml" <<'YML'
bindings:
  issues:
    J: "jira %(short_id)"
    K: "!jira %(shortid)"
    L: "!jira 'unclosed"
  nowhere:
    J: "!jira"
YML
EXPECT_FAILURE=1 tui_run </dev/null
grep -q "config.yml:3:8: bindings.issues.J: a key command starts with !" "$TEST_DIR/stderr" || { cat "$TEST_DIR/stderr"; fail "a command without ! is not refused at its line"; }
grep -q "config.yml:4:8: bindings.issues.K: unknown field %(shortid)" "$TEST_DIR/stderr" || fail "an unknown field is not refused"
grep -q "config.yml:5:8: bindings.issues.L: a quote is not closed" "$TEST_DIR/stderr" || fail "an unclosed quote is not refused"
grep -q "config.yml:7:5: unknown view 'nowhere'" "$TEST_DIR/stderr" || fail "an unknown view is not refused"
finish
