#!/usr/bin/env bash
# The token never leaks. Sessions with a distinctive token do what a user does — the
# stream, a query (history), an issue, resolve and undo, :open, a key command paged
# through $PAGER ("!!env") and one that records its argv and environment, the browser,
# the clipboard command, a refused token (401) and a server error, watch mode (state
# file), token_command (its child records its environment), `list` and `status` (cache)
# and their 401 — and a crash. Then every file under the test's HOME, the screen dumps,
# the children's records and stdout/stderr are searched for the token and for its first
# 12 characters. Only the fake server's own log (it must receive the token) and the
# secret's source are left out. A crash leaves no core file (the core limit is 0).
. "$(dirname "$0")/../lib/cmdline.sh"
TOKEN=sntrys_LEAKCHECK_eyJpYXQiOjE3MzIwMDAwMDAsInVybCI6Imh0dHA6Ly8xMjcuMC4wLjEifQ_Zq3vT9sPbW2xKcL8mNfRgA
PREFIX=${TOKEN:0:12}
OUT="$TEST_DIR/children"   # what the child programs record
SECRET="$TEST_DIR/secret"  # where token_command reads the token: not searched
mkdir -p "$OUT" "$SECRET"
printf '%s\n' "$TOKEN" >"$SECRET/token"
cat >"$TEST_DIR/faults.json" <<'JSON'
[{"match": "query=auth-broken", "status": 401},
 {"match": "query=server-broken", "status": 500}]
JSON
server_start --dataset small --token "$TOKEN" --faults "$TEST_DIR/faults.json"
export SENTRY_AUTH_TOKEN=$TOKEN
export SENTRY_TUI_BACKOFF_MS=1

# A child that records its argv, environment and stdin under $OUT/SESSION.NAME.*.
cat >"$TEST_DIR/recorder" <<SH
#!/bin/sh
name=\$SESSION.\$1
printf '%s\n' "\$@" >"$OUT/\$name.argv"
env >"$OUT/\$name.env"
[ "\$1" = hook ] || cat >"$OUT/\$name.stdin"
echo "recorded \$1"
SH
printf '#!/bin/sh\nexec %s browser "$@"\n' "$TEST_DIR/recorder" >"$TEST_DIR/browser"
printf '#!/bin/sh\ncat >%s/$SESSION.pager.stdin\n' "$OUT" >"$TEST_DIR/pager"
cat >"$SECRET/token-cmd" <<SH
#!/bin/sh
printf '%s\n' "\$0" "\$@" >"$OUT/token-command.argv"
env >"$OUT/token-command.env"
cat "$SECRET/token"
SH
chmod +x "$TEST_DIR/recorder" "$TEST_DIR/browser" "$TEST_DIR/pager" "$SECRET/token-cmd"
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
CONFIG="$XDG_CONFIG_HOME/sentry-tui/config.yml"
cat >"$CONFIG" <<YML
clipboard: command
clipboard_command: $TEST_DIR/recorder clipboard
bindings:
  issues:
    J: "!!env"
    K: "!$TEST_DIR/recorder hook %(short_id) %(permalink)"
YML
chmod 600 "$CONFIG"

# 1. A session with the token in the environment, and a copy of it under another name
# (any variable holding the token's value is kept from children too).
export MY_DEPLOY_SECRET="prefix-$TOKEN" SESSION=env-token
PAGER="$TEST_DIR/pager" BROWSER="$TEST_DIR/browser" tui_run <<'EOF2'
:screen stream
/<C-u>is:unresolved level:error<Enter>
:screen queried
:query is:unresolved
<Enter>
:screen issue
q
r
:screen resolved
z
:screen undone
:open BACKEND-1
:screen opened
q
J
:screen paged
K
:wait-for recorded hook
:screen hooked
o
y
s
:screen copied
:query server-broken
:screen error-500
:query auth-broken
:screen error-401
EOF2
assert_screen_has stream "BACKEND-2"
assert_screen_has resolved "resolved"
assert_screen_has opened "BACKEND-1"
assert_screen_has error-401 "authentication failed (HTTP 401)"
assert_screen_has error-500 "server error"
assert_request --method PUT --path /api/0/organizations/acme/issues/
for f in pager.stdin hook.env browser.env clipboard.env clipboard.stdin; do
	f=$SESSION.$f
	for _ in $(seq 300); do [ -s "$OUT/$f" ] && break; sleep 0.05; done # the browser is detached
	[ -s "$OUT/$f" ] || fail "no record $f: the child did not run, so its check would be empty"
done
grep -q "^MY_DEPLOY_SECRET=" "$OUT/$SESSION.hook.env" && fail "a key command saw a variable holding the token"
unset MY_DEPLOY_SECRET

# 2. Watch mode: remembers the issues shown in its state file when it quits.
tui_run --watch 30 <<'EOF2'
:screen watch
q
EOF2
[ -n "$(ls -A "$XDG_STATE_HOME/sentry-tui" 2>/dev/null)" ] || fail "no state file was written"

# 3. list and status (its cache), then both refused with 401.
cli_run list --format json
expect_status 0 "list"
cp "$TEST_DIR/out" "$OUT/list.stdout"; cp "$TEST_DIR/err" "$OUT/list.stderr"
cli_run status
expect_status 0 "status"
cp "$TEST_DIR/out" "$OUT/status.stdout"; cp "$TEST_DIR/err" "$OUT/status.stderr"
[ -n "$(ls -A "$HOME/.cache/sentry-tui" 2>/dev/null)" ] || fail "status wrote no cache"
cli_run list --query auth-broken
expect_status 4 "list with a refused token"
grep -q "authentication failed (HTTP 401)" "$TEST_DIR/err" || fail "list 401: $(cat "$TEST_DIR/err")"
cp "$TEST_DIR/err" "$OUT/list-401.stderr"
cli_run status --query auth-broken
[ "$CLI_STATUS" -eq 4 ] || fail "status with a refused token: exit $CLI_STATUS, expected 4"
grep -q "authentication failed (HTTP 401)" "$TEST_DIR/err" || fail "status 401: $(cat "$TEST_DIR/err")"
cp "$TEST_DIR/out" "$OUT/status-401.stdout"; cp "$TEST_DIR/err" "$OUT/status-401.stderr"

# 4. The token from token_command: its child's environment and arguments are recorded.
unset SENTRY_AUTH_TOKEN
export SESSION=token-command
printf 'token_command: %s\n' "$SECRET/token-cmd" >>"$CONFIG"
tui_run <<'EOF2'
:screen via-command
K
:wait-for recorded hook
EOF2
assert_screen_has via-command "BACKEND-2"
[ -s "$OUT/token-command.env" ] || fail "token_command did not run"
[ -s "$OUT/$SESSION.hook.env" ] || fail "the key command did not run with the token from token_command"
cp "$TEST_DIR/stderr" "$OUT/tui-token-command.stderr"

# 5. A crash (SIGSEGV) while the token is in memory: the message is the terminal's,
# and no core file can be written (the limit is lowered to 0 at start).
export SENTRY_AUTH_TOKEN=$TOKEN
printf ':screen crash-started\n:wait-for text that is never shown\n' >"$TEST_DIR/crash-script"
(
	ulimit -c unlimited 2>/dev/null
	cd "$TEST_DIR" && SENTRY_TUI_SCRIPT="$TEST_DIR/crash-script" SENTRY_TUI_DUMP_DIR="$TEST_DIR/screens" \
		SENTRY_TUI_NOW="$PINNED_NOW" LINES=24 COLUMNS=100 \
		exec "$SENTRY_TUI_BIN" >"$OUT/crash.stdout" 2>"$OUT/crash.stderr"
) &
CRASH_PID=$!
for _ in $(seq 400); do [ -s "$TEST_DIR/screens/crash-started" ] && break; sleep 0.05; done
core_limit=$(awk '/^Max core file size/ {print $5}' "/proc/$CRASH_PID/limits" 2>/dev/null)
kill -SEGV "$CRASH_PID" 2>/dev/null
{ wait "$CRASH_PID"; } 2>/dev/null # bash's own "Segmentation fault" line
crash_status=$?
[ "$crash_status" -eq $((128 + 11)) ] || fail "the crash did not end by SIGSEGV (status $crash_status)"
[ "$core_limit" = 0 ] || fail "the core file limit while running is '$core_limit', not 0"
ls "$TEST_DIR"/core* >/dev/null 2>&1 && fail "a core file was written"

# Everything the program and its children wrote, but the server's own records and the
# secret's source. The list is printed so a reader sees what was searched.
cp "$TEST_DIR/stdout" "$TEST_DIR/stderr" "$OUT/" 2>/dev/null
mapfile -t written < <(find "$TEST_DIR" -type f ! -path "$SECRET/*" ! -name requests.log \
	! -name server.out ! -name faults.json | sort)
echo "  searched ${#written[@]} files in: $(printf '%s\n' "${written[@]}" | sed "s|^$TEST_DIR/||; s|/[^/]*$|/|; s|^[^/]*$|./|" | sort | uniq -c | awk '{printf "%s (%s) ", $2, $1}')"
[ "${#written[@]}" -ge 30 ] || fail "only ${#written[@]} files to search: the sessions did not run"
for needle in "$TOKEN" "$PREFIX"; do
	if leaks=$(grep -lF -- "$needle" "${written[@]}"); then
		fail "the token ('${needle:0:12}…') is in: $(echo "$leaks" | sed "s|^$TEST_DIR/||" | tr '\n' ' ')"
		grep -nF -- "$needle" $leaks | head -5 | sed 's/^/    /'
	fi
done
finish
