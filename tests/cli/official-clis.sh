#!/usr/bin/env bash
# The official Sentry command-line clients against the fake server: what they print
# must be the fake's data, and what they change must change the fake's state. They are
# Sentry's own clients, so where one disagrees with the fake server, the fake is wrong.
#
#   sentry-cli (npm @sentry/cli)  info, issues list / resolve / mute / unresolve, releases list / info,
#                                 events list
#   sentry     (npm sentry)       issue list / view / events / resolve / archive,
#                                 release list / view / deploys, trace view
#
# Both are installed once with npm into a cache that outlives test runs
# ($SENTRY_TUI_NPM_CACHE, set by tests/run; else $XDG_CACHE_HOME or ~/.cache +
# /sentry-tui-test/npm). When npm or its registry cannot be reached the test prints
# "skipped: <reason>" and passes: the CLIs are a check on the fake server, not our code.
set -u
CLI_CACHE=${SENTRY_TUI_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sentry-tui-test/npm}
# Pinned so that a run is repeatable; raise them to check the fake against newer clients.
SENTRY_CLI_VERSION=3.8.0
SENTRY_NPM_VERSION=0.49.0

skip() {
	echo "skipped: $*"
	echo "ok - official-clis (skipped)"
	exit 0
}

installed_version() { # package
	node -p "require(process.argv[1]).version" "$CLI_CACHE/node_modules/$1/package.json" 2>/dev/null
}

install_clis() {
	[ "$(installed_version @sentry/cli)" = "$SENTRY_CLI_VERSION" ] &&
		[ "$(installed_version sentry)" = "$SENTRY_NPM_VERSION" ] && return 0
	command -v npm >/dev/null && command -v node >/dev/null ||
		skip "npm and node are not installed (scripts/install-deps.sh installs them)"
	mkdir -p "$CLI_CACHE" || skip "cannot create the npm cache folder $CLI_CACHE"
	local log="$CLI_CACHE/install.log"
	echo "installing @sentry/cli@$SENTRY_CLI_VERSION and sentry@$SENTRY_NPM_VERSION into $CLI_CACHE"
	timeout 600 npm install --prefix "$CLI_CACHE" --no-audit --no-fund \
		"@sentry/cli@$SENTRY_CLI_VERSION" "sentry@$SENTRY_NPM_VERSION" >"$log" 2>&1
	local rc=$?
	[ "$rc" -eq 124 ] && skip "npm install did not finish within 10 minutes"
	if [ "$rc" -ne 0 ]; then
		local cause
		cause=$(grep -m1 -oiE 'E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)|socket hang up|network|proxy|certificate' "$log")
		[ -n "$cause" ] && skip "the npm registry cannot be reached ($cause)"
		echo "not ok - official-clis (npm install failed; $log):"
		tail -20 "$log" | sed 's/^/    /'
		exit 1
	fi
}

install_clis
BIN=$CLI_CACHE/node_modules/.bin
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
# Everything stays on this machine: no telemetry, no update checks, no proxy for the fake.
export SENTRY_CLI_NO_TELEMETRY=1 DO_NOT_TRACK=1 SENTRY_CLI_NO_UPDATE_CHECK=1 \
	SENTRY_DISABLE_UPDATE_CHECK=true NO_COLOR=1 NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY

OUT=$TEST_DIR/cli.out
# cli NAME ARGS...: run one client (sentry-cli or sentry); its output is in $OUT.
cli() {
	local name=$1
	shift
	CLI_LINE="$name $*"
	timeout 120 "$BIN/$name" "$@" >"$OUT" 2>&1 </dev/null
	CLI_STATUS=$?
	[ "$CLI_STATUS" -eq 0 ] || { fail "'$CLI_LINE' exited with $CLI_STATUS"; sed 's/^/    /' "$OUT" | head -20; }
}

# says TEXT...: the last client's output contains every TEXT.
says() {
	local text
	for text in "$@"; do
		grep -qF -- "$text" "$OUT" || { fail "'$CLI_LINE' does not print: $text"; sed 's/^/    /' "$OUT" | head -30; }
	done
}

# never_says TEXT: the last client's output does not contain TEXT.
never_says() {
	! grep -qF -- "$1" "$OUT" || fail "'$CLI_LINE' prints what it must not: $1"
}

# issue_is ID FIELD VALUE: the fake's own issue detail has FIELD = VALUE (as JSON).
issue_is() {
	local actual
	actual=$(python3 - "$PORT" "$1" "$2" <<'PY'
import json, sys, urllib.request
port, issue, field = sys.argv[1:]
request = urllib.request.Request("http://127.0.0.1:%s/api/0/issues/%s/" % (port, issue),
                                 headers={"Authorization": "Bearer demo-token"})
print(json.dumps(json.load(urllib.request.urlopen(request))[field]))
PY
)
	[ "$actual" = "$3" ] || fail "after '$CLI_LINE' issue $1 has $2 = $actual, not $3"
}

# answered_ok PATH-REGEX: every logged request to a matching path was answered 2xx.
answered_ok() {
	python3 - "$TEST_DIR/requests.log" "$1" <<'PY' || fail "a request to $1 was not answered 2xx"
import json, re, sys
entries = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
hits = [e for e in entries if re.search(sys.argv[2], e["path"])]
bad = [e for e in hits if not 200 <= (e["status"] or 0) < 300]
for e in bad:
    print("    %s %s?%s -> %s" % (e["method"], e["path"], e["query"], e["status"]))
sys.exit(0 if hits and not bad else 1)
PY
}

reset_server() {
	python3 -c "import urllib.request, sys; urllib.request.urlopen(urllib.request.Request(
	'http://127.0.0.1:%s/__control/reset?requests=1' % sys.argv[1], method='POST')).read()" "$PORT"
	: >"$TEST_DIR/requests.log"
}

# ------------------------------------------------------------- sentry-cli ----
cli sentry-cli --version
echo "  sentry-cli: $(cat "$OUT")"

cli sentry-cli info
says "Sentry Server: http://127.0.0.1:$PORT" "Default Organization: acme" "User: test@example.com" "event:write"

cli sentry-cli issues list -p backend
says "4500000001" "BACKEND-1" "runtime.Error: runtime error: invalid memory address or nil pointer dereference" \
	"4500000002" "BACKEND-2" "ZeroDivisionError: division by zero" "unresolved"
never_says "FRONTEND-1"
assert_request --method GET --path /api/0/projects/acme/backend/issues/

cli sentry-cli issues list -p backend --query level:fatal
says "BACKEND-1"
never_says "BACKEND-2"
assert_request --method GET --path /api/0/projects/acme/backend/issues/ --param query=level:fatal

cli sentry-cli issues resolve -p backend -i 4500000002
says "new status: resolved"
assert_request --method PUT --path /api/0/projects/acme/backend/issues/ --param id=4500000002 \
	--body-json 'status="resolved"'
issue_is 4500000002 status '"resolved"'
issue_is 4500000001 status '"unresolved"'

cli sentry-cli issues mute -p backend -i 4500000001
says "new status: muted"
assert_request --method PUT --path /api/0/projects/acme/backend/issues/ --param id=4500000001 \
	--body-json 'status="muted"'
issue_is 4500000001 status '"ignored"'
issue_is 4500000001 substatus '"archived_forever"'

cli sentry-cli issues unresolve -p backend -i 4500000002
issue_is 4500000002 status '"unresolved"'

# Without ids sentry-cli sends ?status=unresolved; Sentry selects with the default
# query (is:unresolved) and does not read `status`.
cli sentry-cli issues resolve -p frontend --status unresolved
says "new status: resolved"
assert_request --method PUT --path /api/0/projects/acme/frontend/issues/ --param status=unresolved --no-param id
issue_is 4500000003 status '"resolved"'
issue_is 4500000002 status '"unresolved"'

cli sentry-cli issues list -p backend --query is:unresolved
says "BACKEND-2"
never_says "BACKEND-1"

cli sentry-cli releases list -p backend
says "backend@2.17.1" "backend@2.14.0"
never_says "frontend@"
assert_request --method GET --path /api/0/projects/acme/backend/releases/

cli sentry-cli releases list
says "backend@2.17.1" "frontend@5.12.0"
assert_request --method GET --path /api/0/organizations/acme/releases/

cli sentry-cli releases info backend@2.17.1 -p backend
says "backend@2.17.1" "2026-11-18 09:00:00 UTC"
assert_request --method GET --path /api/0/organizations/acme/releases/backend@2.17.1/

# ----------------------------------------------------------------- sentry ----
reset_server
cli sentry --version
echo "  sentry: $(cat "$OUT")"

cli sentry issue list acme/
says "Issues in acme" "BACKEND-1" "BACKEND-2" "FRONTEND-1" "Showing 3 issues"
assert_request --method GET --path /api/0/organizations/acme/issues/

cli sentry issue view acme/BACKEND-2
says "BACKEND-2: ZeroDivisionError: division by zero" "Unresolved" "Test User" "compute_tax"
assert_request --method GET --path /api/0/organizations/acme/shortids/BACKEND-2/
answered_ok '^/api/0/organizations/acme/issues/4500000002/events/latest/$'
answered_ok '^/api/0/organizations/acme/trace/[0-9a-f]{32}/$'

cli sentry issue events acme/BACKEND-2
says "Events for BACKEND-2" "ZeroDivisionError: division by zero"
answered_ok '^/api/0/organizations/acme/issues/4500000002/events/$'

cli sentry issue resolve acme/BACKEND-2
says "Resolved"
assert_request --method PUT --path /api/0/organizations/acme/issues/4500000002/ --body-json 'status="resolved"'
issue_is 4500000002 status '"resolved"'

cli sentry issue archive acme/FRONTEND-1
says "Archived"
assert_request --method PUT --path /api/0/organizations/acme/issues/4500000003/ --body-json 'status="ignored"'
issue_is 4500000003 status '"ignored"'
issue_is 4500000003 substatus '"archived_forever"'

# The client's own help recommends status:/substatus: for lists of statuses.
cli sentry issue list acme/ --query 'status:[resolved,ignored]'
says "BACKEND-2" "FRONTEND-1" "Showing 2 issues"
never_says "BACKEND-1 "

cli sentry issue list acme/ --query substatus:archived_forever
says "FRONTEND-1" "Showing 1 issues"

cli sentry release list acme/
says "backend@2.17.1" "frontend@5.12.0" "backend@2.14.0"
answered_ok '^/api/0/organizations/acme/releases/$'

cli sentry release view acme/backend@2.17.1
says "Release backend@2.17.1" "Deploys" "production"
answered_ok '^/api/0/organizations/acme/releases/backend@2.17.1/$'

cli sentry release deploys acme/backend@2.17.1
says "backend@2.17.1 to production" "backend@2.17.1 to staging"
answered_ok '^/api/0/organizations/acme/releases/backend@2.17.1/deploys/$'

# ------------------------------------------ demo data: events and a trace ----
kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null
server_start --dataset demo
: >"$TEST_DIR/requests.log"

# api PATH PYTHON-EXPRESSION: evaluate an expression over the JSON the fake answers.
api() {
	python3 - "$PORT" "$1" "$2" <<'PY'
import json, sys, urllib.request
port, path, expression = sys.argv[1:]
request = urllib.request.Request("http://127.0.0.1:%s/api/0/%s" % (port, path),
                                 headers={"Authorization": "Bearer demo-token"})
body = json.load(urllib.request.urlopen(request))
print(eval(expression, {"body": body}))
PY
}

newest_title=$(api "projects/acme/backend/events/?per_page=1" 'body[0]["title"]')
newest_id=$(api "projects/acme/backend/events/?per_page=1" 'body[0]["id"]')
newest_uuid="${newest_id:0:8}-${newest_id:8:4}-${newest_id:12:4}-${newest_id:16:4}-${newest_id:20}"
cli sentry-cli events list -p backend --max-rows 3
says "$newest_uuid" "$newest_title"
answered_ok '^/api/0/projects/acme/backend/events/$'

# A performance issue's trace: the transaction, its spans and the N+1 queries.
n_plus_one=$(api "organizations/acme/issues/?limit=1&query=issue.type:performance_n_plus_one_db_queries" 'body[0]["id"]')
trace_id=$(api "issues/$n_plus_one/events/latest/" 'body["contexts"]["trace"]["trace_id"]')
cli sentry trace view "acme/$trace_id"
says "Trace $trace_id" "http.server — GET /api/users" "db.query — SELECT * FROM users WHERE id = 1" \
	"db.query — SELECT * FROM users WHERE id = 3" "span002"
answered_ok "^/api/0/organizations/acme/trace/$trace_id/\$"

finish
