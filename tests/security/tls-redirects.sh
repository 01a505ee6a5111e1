#!/usr/bin/env bash
# A redirect is never followed: the Authorization header must not travel to another
# host or over plain HTTP. The HTTPS fake server answers the issue list with 301 to
# http:// on the same host, 302 to another host over HTTPS and 307 to another host over
# http://; two fake servers wait at those addresses and must see no request at all (so
# no token). The TUI's status line and `sentry-tui list` (stderr, exit 3) name the
# address the server pointed to.
. "$(dirname "$0")/../lib/cmdline.sh"
. "$ROOT/tests/lib/tls.sh"
if ! command -v openssl >/dev/null; then
	echo "ok - $TEST_NAME # skip: openssl is not installed (scripts/install-deps.sh installs it)"
	exit 0
fi
PKI="$TEST_DIR/pki"
make_test_pki "$PKI" || { fail "openssl could not make the test certificates"; cat "$PKI/openssl.out"; finish; }

# The redirect targets: fake servers of their own, each with its own request log.
TARGET_PIDS=()
start_target() { # name [server.py flags]
	local name=$1
	shift
	python3 "$ROOT/tests/fake_sentry/server.py" --port-file "$TEST_DIR/$name.port" \
		--log "$TEST_DIR/$name.log" --now "$PINNED_NOW" --dataset small "$@" \
		>"$TEST_DIR/$name.out" 2>&1 &
	TARGET_PIDS+=($!)
	wait_for_port "$TEST_DIR/$name.port" "redirect target $name" "$TEST_DIR/$name.out"
}
stop_targets() {
	local pid
	for pid in "${TARGET_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
}
trap 'stop_targets; cleanup' EXIT
start_target plain
start_target tls --tls "$PKI/good.pem" "$PKI/good.key"
PLAIN_PORT=$(cat "$TEST_DIR/plain.port")
TLS_PORT=$(cat "$TEST_DIR/tls.port")
ISSUES=/api/0/organizations/acme/issues/
TO_HTTP="http://127.0.0.1:$PLAIN_PORT$ISSUES"
TO_OTHER_HOST="https://localhost:$TLS_PORT$ISSUES"
TO_OTHER_HOST_HTTP="http://localhost:$PLAIN_PORT$ISSUES"

# The query picks the redirect (the control endpoint is plain HTTP, so the rules are
# given at start).
cat >"$TEST_DIR/faults.json" <<JSON
[{"match": "query=redirect301", "status": 301, "headers": {"Location": "$TO_HTTP"}},
 {"match": "query=redirect302", "status": 302, "headers": {"Location": "$TO_OTHER_HOST"}},
 {"match": "query=redirect307", "status": 307, "headers": {"Location": "$TO_OTHER_HOST_HTTP"}}]
JSON
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
printf 'ca_bundle: %s\n' "$PKI/ca.pem" >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
tls_server_start good "$PKI" --dataset small --faults "$TEST_DIR/faults.json"

# not_followed STATUS TARGET [NOTE]: the TUI and list both report the redirect to TARGET.
not_followed() {
	local status=$1 target=$2 note=${3:-}
	local sentence="issue list: 127.0.0.1 answered with a redirect (HTTP $status) to $target$note; not followed, so the auth token was not sent there (if that is your Sentry, put it in SENTRY_URL)"
	tui_run --query "redirect$status" <<EOF2
:screen redirect-$status
EOF2
	assert_screen_has "redirect-$status" "$sentence"
	assert_screen_lacks "redirect-$status" "BACKEND-"
	cli_run list --query "redirect$status"
	expect_status 3 "$status: list"
	grep -qF -- "sentry-tui: $sentence" "$TEST_DIR/err" ||
		fail "$status: list's stderr does not say: $sentence"$'\n'"    stderr: $(cat "$TEST_DIR/err")"
	[ -s "$TEST_DIR/out" ] && fail "$status: list printed something: $(head -3 "$TEST_DIR/out")"
	assert_request --method GET --path "$ISSUES" --param "query=redirect$status"
}
not_followed 301 "$TO_HTTP" " (plain HTTP)"
not_followed 302 "$TO_OTHER_HOST"
not_followed 307 "$TO_OTHER_HOST_HTTP" " (plain HTTP)"

for name in plain tls; do
	if grep -qi '"authorization"' "$TEST_DIR/$name.log" 2>/dev/null; then
		fail "the redirect target ($name) was sent the Authorization header"
	fi
	if [ -s "$TEST_DIR/$name.log" ]; then
		fail "a redirect was followed to the $name target"
		sed 's/^/    /' "$TEST_DIR/$name.log" | head -3
	fi
done
finish
