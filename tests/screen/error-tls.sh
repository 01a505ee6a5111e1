#!/usr/bin/env bash
# TLS failures say what is wrong with the certificate, and suggest ca_bundle only where
# it helps: a certificate for another name (trusted through ca_bundle, so the name is
# the only fault) names the host and does not suggest ca_bundle; a self-signed one
# without ca_bundle does; an unreadable ca_bundle is named; a certificate for 127.0.0.1
# in ca_bundle works.
. "$(dirname "$0")/../lib/screen.sh"
if ! command -v openssl >/dev/null; then
	echo "ok - $TEST_NAME # skip: openssl is not installed (scripts/install-deps.sh installs it)"
	exit 0
fi

# make_cert NAME SUBJECT_ALT_NAME: a self-signed certificate and key in $TEST_DIR.
make_cert() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$1" \
		-addext "subjectAltName=$2" -keyout "$TEST_DIR/$1.key" -out "$TEST_DIR/$1.pem" \
		>"$TEST_DIR/openssl.out" 2>&1 || { fail "openssl could not make a certificate"; cat "$TEST_DIR/openssl.out"; finish; }
}

# tls_start NAME: an HTTPS server on 127.0.0.1 with NAME's certificate, answering the
# real issue list fixture for issues and "[]" for everything else.
tls_start() {
	raw_server_start --reply json-list --cert "$TEST_DIR/$1.pem" --key "$TEST_DIR/$1.key" \
		--issues-body "$ROOT/tests/fixtures/sentry/api/openapi.org-issues-list.json"
	export SENTRY_URL="https://127.0.0.1:$RAW_PORT/"
}

# use_ca_bundle FILE: the YAML config's ca_bundle (the only place it can be set).
use_ca_bundle() {
	mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
	printf 'ca_bundle: %s\n' "$1" >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
}

make_cert wrong.example DNS:wrong.example
make_cert localhost IP:127.0.0.1

tls_start wrong.example
use_ca_bundle "$TEST_DIR/wrong.example.pem"
tui_run <<'EOF2'
:screen wrong-name
EOF2
assert_screen_has wrong-name "issue list: the certificate of 127.0.0.1 is not valid for that name (is the host in SENTRY_URL the server's own name?)"
assert_screen_lacks wrong-name "ca_bundle"

rm "$XDG_CONFIG_HOME/sentry-tui/config.yml"
tui_run <<'EOF2'
:screen unknown-issuer
EOF2
assert_screen_has unknown-issuer "issue list: the certificate of 127.0.0.1 is signed by an issuer this system does not trust"
assert_screen_has unknown-issuer "for a private CA set ca_bundle in the config"

# A ca_bundle that cannot be read is named as the thing to fix.
use_ca_bundle "$TEST_DIR/no-such-ca.pem"
tui_run <<'EOF2'
:screen bad-bundle
EOF2
assert_screen_has bad-bundle "issue list: cannot use the CA bundle $TEST_DIR/no-such-ca.pem (ca_bundle in the config)"

# The control: the right name, trusted through ca_bundle, loads the list (the server
# has no projects for this token).
tls_start localhost
use_ca_bundle "$TEST_DIR/localhost.pem"
tui_run <<'EOF2'
:screen trusted
EOF2
assert_screen_lacks trusted "certificate"
assert_screen_has trusted "PUMP-STATION-1"
assert_screen_has trusted "project list: no projects in organization 'acme' are visible to this token"
finish
