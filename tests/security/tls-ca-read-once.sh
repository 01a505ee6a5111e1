#!/usr/bin/env bash
# The CA bundle is read once per session: libcurl keeps the certificate store it built
# from ca_bundle and each later connection uses it, instead of parsing the bundle again
# (10-20 ms for a system's bundle, on the event loop). Seen from outside: once the
# stream has loaded, the bundle file is removed, and the issue screen still opens over
# HTTPS, through connections made after the removal.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
. "$ROOT/tests/lib/tls.sh"
trap 'tmux_stop; cleanup' EXIT
if ! command -v openssl >/dev/null; then
	echo "ok - $TEST_NAME # skip: openssl is not installed (scripts/install-deps.sh installs it)"
	exit 0
fi
PKI="$TEST_DIR/pki"
make_test_pki "$PKI" || { fail "openssl could not make the test certificates"; cat "$PKI/openssl.out"; finish; }
cp "$PKI/ca.pem" "$TEST_DIR/bundle.pem"
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
printf 'ca_bundle: %s\n' "$TEST_DIR/bundle.pem" >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
# The issue's three requests answer late, so none frees its connection for another: the
# third needs a new connection, made after the bundle is gone. (Set at the start: the
# server speaks only HTTPS, its control endpoint too.)
printf '[{"match": "/issues/[0-9]+/", "delay_ms": 300}]\n' >"$TEST_DIR/faults.json"
tls_server_start good "$PKI" --dataset small --faults "$TEST_DIR/faults.json"

# The connections (client host:port) the server has seen so far.
connections() {
	python3 -c 'import json, sys; print("\n".join(sorted({json.loads(l)["client"] for l in open(sys.argv[1])})))' \
		"$TEST_DIR/requests.log"
}

tmux_start 100 30
tmux_wait_settled "3 issues"
connections >"$TEST_DIR/before"
rm "$TEST_DIR/bundle.pem"
tmux_keys Enter
tmux_wait_for "acme › "
tmux_wait_settled "(recommended) ·"
tmux_screen | grep -qE "CA bundle|certificate|TLS" && fail "the issue screen shows a TLS error: $(tmux_screen | grep -E 'CA bundle|certificate|TLS')"
connections >"$TEST_DIR/after"
new=$(comm -13 "$TEST_DIR/before" "$TEST_DIR/after" | wc -l)
[ "$new" -ge 1 ] || fail "the issue screen made no new connection, so this test proves nothing (connections: $(tr '\n' ' ' <"$TEST_DIR/after"))"
tmux_keys q q
tmux_wait_exit
[ "$TMUX_EXIT" = 0 ] || fail "exit status $TMUX_EXIT"
finish
