# Helpers for scripted screen tests: the real binary, headless, driven by a script of
# keys and :commands, against the fake Sentry server. Source from a test file:
#
#   . "$(dirname "$0")/../lib/screen.sh"
#   server_start --dataset small           # fake server on an ephemeral port
#   tui_run <<'EOF'                        # script steps (see tui/script.h)
#   :screen first
#   EOF
#   assert_screen first                    # compare with tests/screen/expected/<test>/first
#   assert_request --method GET --path /api/0/organizations/acme/issues/ --param query=is:unresolved
#   finish
#
# Time is pinned (server --now and SENTRY_TUI_NOW), the size comes from LINES/COLUMNS,
# HOME and XDG dirs are private. UPDATE_SCREENS=1 rewrites the expected screens.

set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TEST_NAME=$(basename "$0" .sh)
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sentry-tui-test.XXXXXX")
EXPECTED_DIR="$ROOT/tests/screen/expected/$TEST_NAME"
PINNED_NOW=2026-11-20T12:00:00Z
FAILURES=0
SERVER_PID=
: "${SENTRY_TUI_BIN:=$ROOT/sentry-tui}"

export HOME="$TEST_DIR/home" XDG_CONFIG_HOME="$TEST_DIR/home/.config" \
	XDG_STATE_HOME="$TEST_DIR/home/.local/state" INPUTRC=/dev/null \
	LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
unset SENTRY_URL SENTRY_AUTH_TOKEN SENTRY_ORG SENTRY_PROJECT SENTRY_TUI_CONFIG NO_COLOR
# Under valgrind a TLS handshake that loads the system's CA store costs seconds of CPU;
# with four jobs on two loaded cores that once outlasted the 10 s connect limit. A test
# of that limit sets its own.
if [ -n "${SENTRY_TUI_VALGRIND:-}" ]; then
	export SENTRY_TUI_CONNECT_TIMEOUT_S=${SENTRY_TUI_CONNECT_TIMEOUT_S:-30}
fi
mkdir -p "$HOME" "$TEST_DIR/screens"
cd "$TEST_DIR"

OTHER_SERVER_PIDS=()
cleanup() {
	for pid in $SERVER_PID "${OTHER_SERVER_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	[ -z "${KEEP_TEST_DIR:-}" ] && rm -rf "$TEST_DIR"
}
trap cleanup EXIT

fail() {
	echo "  FAIL: $*"
	FAILURES=$((FAILURES + 1))
}

# wait_for_port FILE WHAT LOG: wait for the port a server just started writes to FILE
# once it listens, into STARTED_PORT; the test ends when none comes (WHAT did not start,
# LOG shown). Not in $(...): fail and finish must run in the test's own shell.
wait_for_port() {
	for _ in $(seq 600); do # up to 30 s: a loaded machine starts Python slowly
		[ -s "$1" ] && break
		sleep 0.05
	done
	if [ ! -s "$1" ]; then
		fail "$2 did not start"; cat "$3" 2>/dev/null; finish
	fi
	STARTED_PORT=$(cat "$1")
}

# server_start [server.py flags]: start the fake server, export SENTRY_URL/TOKEN/ORG.
server_start() {
	rm -f "$TEST_DIR/port"
	python3 "$ROOT/tests/fake_sentry/server.py" --port-file "$TEST_DIR/port" \
		--log "$TEST_DIR/requests.log" --now "$PINNED_NOW" "$@" \
		>"$TEST_DIR/server.out" 2>&1 &
	SERVER_PID=$!
	wait_for_port "$TEST_DIR/port" "fake server" "$TEST_DIR/server.out"
	PORT=$STARTED_PORT
	export SENTRY_URL="http://127.0.0.1:$PORT/" SENTRY_AUTH_TOKEN=demo-token SENTRY_ORG=acme
}

# raw_server_start [raw_server.py flags]: in place of the fake server, a server whose
# replies no Sentry sends (tests/fake_sentry/raw_server.py: not HTTP, huge headers, a
# silent or never accepted connection, TLS with a given certificate); sets RAW_PORT and
# an http:// SENTRY_URL on it.
raw_server_start() {
	if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; fi
	rm -f "$TEST_DIR/raw-port"
	python3 "$ROOT/tests/fake_sentry/raw_server.py" --port-file "$TEST_DIR/raw-port" "$@" \
		>"$TEST_DIR/raw.out" 2>&1 &
	SERVER_PID=$!
	wait_for_port "$TEST_DIR/raw-port" "raw server" "$TEST_DIR/raw.out"
	RAW_PORT=$STARTED_PORT
	export SENTRY_URL="http://127.0.0.1:$RAW_PORT/" SENTRY_AUTH_TOKEN=demo-token SENTRY_ORG=acme
}

# other_server_start NAME [server.py flags]: one more fake server (two servers in one
# session: profiles), its port in OTHER_PORT, its requests in $TEST_DIR/requests-NAME.log
# (other_request NAME [requests.py filters] asserts on them).
other_server_start() {
	local name=$1
	shift
	python3 "$ROOT/tests/fake_sentry/server.py" --port-file "$TEST_DIR/port-$name" \
		--log "$TEST_DIR/requests-$name.log" --now "$PINNED_NOW" "$@" \
		>"$TEST_DIR/server-$name.out" 2>&1 &
	OTHER_SERVER_PIDS+=($!)
	wait_for_port "$TEST_DIR/port-$name" "fake server $name" "$TEST_DIR/server-$name.out"
	OTHER_PORT=$STARTED_PORT
}
other_request() {
	local name=$1
	shift
	python3 "$ROOT/tests/lib/requests.py" "$TEST_DIR/requests-$name.log" "$@" 2>"$TEST_DIR/req.err" ||
		{ fail "server $name: no request matching: $*"; sed 's/^/    /' "$TEST_DIR/req.err" | head -30; }
}

# server_control PATH JSON: POST JSON to the server's /__control/PATH (see
# tests/fake_sentry/README.md).
server_control() {
	python3 - "$PORT" "$1" "$2" <<'PY'
import sys, urllib.request
req = urllib.request.Request("http://127.0.0.1:%s/__control/%s" % (sys.argv[1], sys.argv[2]),
                             data=sys.argv[3].encode(), method="POST")
urllib.request.urlopen(req).read()
PY
}

# server_faults JSON: replace the server's fault rules at run time.
server_faults() { server_control faults "$1"; }

# server_issues JSON: change the server's issues at run time (hide, show, set).
server_issues() { server_control issues "$1"; }

# server_control_after_first_list PATH JSON [PATH JSON ...]: in the background, once the
# first issue list has been answered, POST each JSON to /__control/PATH in order (a
# change the screen should find by itself, after its first rows).
server_control_after_first_list() {
	python3 "$ROOT/tests/lib/control_later.py" "$PORT" "$TEST_DIR/requests.log" "$@" &
}

# tui_run [sentry-tui args] < script: run the binary headless; sets TUI_STATUS.
tui_run() {
	cat >"$TEST_DIR/script"
	local runner=()
	if [ -n "${SENTRY_TUI_VALGRIND:-}" ]; then
		runner=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
			--errors-for-leak-kinds=definite)
	fi
	SENTRY_TUI_SCRIPT="$TEST_DIR/script" SENTRY_TUI_DUMP_DIR="$TEST_DIR/screens" \
		SENTRY_TUI_NOW="$PINNED_NOW" SENTRY_TUI_BACKOFF_MS="${SENTRY_TUI_BACKOFF_MS:-50}" \
		LINES="${LINES:-24}" COLUMNS="${COLUMNS:-100}" \
		timeout 120 "${runner[@]}" "$SENTRY_TUI_BIN" "$@" \
		>"$TEST_DIR/stdout" 2>"$TEST_DIR/stderr"
	TUI_STATUS=$?
	if [ "$TUI_STATUS" -ne 0 ] && [ -z "${EXPECT_FAILURE:-}" ]; then
		fail "sentry-tui exited with $TUI_STATUS"
		sed 's/^/    stderr: /' "$TEST_DIR/stderr" | head -20
	fi
}

# assert_screen NAME: the dump equals tests/screen/expected/<test>/NAME.
assert_screen() {
	local name=$1 actual="$TEST_DIR/screens/$1" expected="$EXPECTED_DIR/$1"
	if [ ! -f "$actual" ]; then
		fail "no screen dump '$name' (did the script reach :screen $name?)"
		return
	fi
	# The fake server's port changes every run; links that contain it must not.
	sed -i 's/127\.0\.0\.1:[0-9][0-9]*/127.0.0.1:PORT/g' "$actual"
	if [ -n "${UPDATE_SCREENS:-}" ]; then
		mkdir -p "$EXPECTED_DIR"
		cp "$actual" "$expected"
		return
	fi
	if ! diff -u "$expected" "$actual" >"$TEST_DIR/diff" 2>&1; then
		fail "screen '$name' differs from $expected"
		sed 's/^/    /' "$TEST_DIR/diff" | head -60
	fi
}

# The screen's text with rows joined by single spaces, so a sentence wrapped over
# several rows (long error messages) still reads as one.
screen_text() {
	tr '\n' ' ' <"$TEST_DIR/screens/$1" | tr -s ' '
}

# assert_screen_has NAME TEXT / assert_screen_lacks NAME TEXT
assert_screen_has() {
	if [ ! -f "$TEST_DIR/screens/$1" ] || ! screen_text "$1" | grep -qF -- "$2"; then
		fail "screen '$1' does not show: $2"
		sed 's/^/    | /' "$TEST_DIR/screens/$1" 2>/dev/null
	fi
}
assert_screen_lacks() {
	if [ -f "$TEST_DIR/screens/$1" ] && screen_text "$1" | grep -qF -- "$2"; then
		fail "screen '$1' shows what it must not: $2"
	fi
}

# assert_request [requests.py filters]: at least one (or --count N) logged request matches.
assert_request() {
	python3 "$ROOT/tests/lib/requests.py" "$TEST_DIR/requests.log" "$@" 2>"$TEST_DIR/req.err" ||
		{ fail "no request matching: $*"; sed 's/^/    /' "$TEST_DIR/req.err" | head -30; }
}

# assert_stderr_has TEXT
assert_stderr_has() {
	grep -qF -- "$1" "$TEST_DIR/stderr" ||
		{ fail "stderr does not say: $1"; sed 's/^/    stderr: /' "$TEST_DIR/stderr" | head; }
}

finish() {
	if [ "$FAILURES" -eq 0 ]; then
		echo "ok - $TEST_NAME"
		exit 0
	fi
	echo "not ok - $TEST_NAME ($FAILURES failed checks)"
	exit 1
}
