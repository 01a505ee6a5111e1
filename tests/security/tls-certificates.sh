#!/usr/bin/env bash
# The fake Sentry server over HTTPS (server.py --tls) with certificates made here by a
# local CA: without ca_bundle the connection is refused and the TUI's status line and
# `sentry-tui list` (stderr, exit 5) say why, and the three faults read differently:
# an issuer this system does not trust (the only one that suggests ca_bundle), a
# certificate for another name, an expired one. With ca_bundle naming the CA the same
# server works. A refusal is final: no request reaches the server by another way (no
# retry without verification, no plain-HTTP fallback on the same port).
. "$(dirname "$0")/../lib/cmdline.sh"
. "$ROOT/tests/lib/tls.sh"
if ! command -v openssl >/dev/null; then
	echo "ok - $TEST_NAME # skip: openssl is not installed (scripts/install-deps.sh installs it)"
	exit 0
fi
PKI="$TEST_DIR/pki"
make_test_pki "$PKI" || { fail "openssl could not make the test certificates"; cat "$PKI/openssl.out"; finish; }

use_ca_bundle() { # file
	mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
	printf 'ca_bundle: %s\n' "$1" >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
}
no_ca_bundle() { rm -f "$XDG_CONFIG_HOME/sentry-tui/config.yml"; }

server_stop() {
	kill "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=
}

# refused CASE SENTENCE: the TUI's first screen and list's stderr both say SENTENCE,
# list exits 5 with nothing on stdout, and nothing reached the server's API.
refused() {
	local case=$1 sentence=$2
	tui_run <<EOF2
:screen $case
EOF2
	assert_screen_has "$case" "issue list: $sentence"
	assert_screen_lacks "$case" "BACKEND-"
	cli_run list --format tsv
	expect_status 5 "$case: list"
	grep -qF -- "sentry-tui: issue list: $sentence" "$TEST_DIR/err" ||
		fail "$case: list's stderr does not say: $sentence"$'\n'"    stderr: $(cat "$TEST_DIR/err")"
	[ -s "$TEST_DIR/out" ] && fail "$case: list printed something: $(head -3 "$TEST_DIR/out")"
	if [ -s "$TEST_DIR/requests.log" ]; then
		fail "$case: a request reached the server after the certificate was refused"
		sed 's/^/    /' "$TEST_DIR/requests.log" | head -5
	fi
	if grep -q "HTTP_REQUEST" "$TEST_DIR/server.out"; then
		fail "$case: the client fell back to plain HTTP on the TLS port"
	fi
}

# A CA this system does not know: the only case where ca_bundle is the fix.
no_ca_bundle
tls_server_start good "$PKI" --dataset small
refused untrusted "the certificate of 127.0.0.1 is signed by an issuer this system does not trust"
assert_screen_has untrusted "for a private CA set ca_bundle in the config"
assert_screen_lacks untrusted "not valid for that name"
assert_screen_lacks untrusted "expired"
grep -q "tls: handshake failed" "$TEST_DIR/server.out" || fail "untrusted: the server saw no refused handshake"

# ca_bundle set, but to a file that does not hold the issuer: the bundle is named.
use_ca_bundle "$PKI/wrong-name.pem"
refused other-bundle "the certificate of 127.0.0.1 is signed by an issuer that is not in ca_bundle $PKI/wrong-name.pem"
server_stop

# Trusted issuer, other name: the server's fault, so no ca_bundle advice.
use_ca_bundle "$PKI/ca.pem"
tls_server_start wrong-name "$PKI" --dataset small
refused wrong-name "the certificate of 127.0.0.1 is not valid for that name (is the host in SENTRY_URL the server's own name?)"
assert_screen_lacks wrong-name "ca_bundle"
assert_screen_lacks wrong-name "expired"
server_stop

# Trusted issuer, right name, expired in 2020.
tls_server_start expired "$PKI" --dataset small
refused expired "the certificate of 127.0.0.1 has expired (or this machine's clock is wrong)"
assert_screen_lacks expired "ca_bundle"
assert_screen_lacks expired "not valid for that name"
grep -q "CERTIFICATE_EXPIRED" "$TEST_DIR/server.out" || fail "expired: the server did not see the client refuse an expired certificate"
server_stop

# The control: the same CA through ca_bundle, the right name, in date: rows, exit 0,
# and the requests went over TLS to the API.
tls_server_start good "$PKI" --dataset small
tui_run <<'EOF2'
:screen trusted
EOF2
assert_screen_has trusted "BACKEND-1"
assert_screen_lacks trusted "certificate"
cli_run list --format tsv
expect_status 0 "trusted: list"
grep -q "^[0-9]*	BACKEND-1	" "$TEST_DIR/out" || fail "trusted: list did not print BACKEND-1: $(head -3 "$TEST_DIR/out")"
assert_request --method GET --path /api/0/organizations/acme/issues/ --header "authorization=Bearer demo-token"
grep -q "tls: handshake failed" "$TEST_DIR/server.out" && fail "trusted: a handshake failed: $(cat "$TEST_DIR/server.out")"
finish
