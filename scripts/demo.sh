#!/usr/bin/env bash
# Run sentry-tui against the bundled fake Sentry server with realistic demo data.
# The server listens on 127.0.0.1 on a free port and stops when sentry-tui exits.
# The demo runs with a private HOME so your own config and .sentryclirc stay out of it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/sentry-tui}
DEMO_HOME=$(mktemp -d "${TMPDIR:-/tmp}/sentry-tui-demo.XXXXXX")
SERVER_PID=

cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$DEMO_HOME"
}
trap cleanup EXIT INT TERM

python3 "$ROOT/tests/fake_sentry/server.py" --port-file "$DEMO_HOME/port" \
	--token demo-token --org acme --dataset demo >"$DEMO_HOME/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
	[ -s "$DEMO_HOME/port" ] && break
	sleep 0.05
done
if [ ! -s "$DEMO_HOME/port" ]; then
	echo "demo: the fake server did not start:" >&2
	cat "$DEMO_HOME/server.log" >&2
	exit 1
fi

cd "$DEMO_HOME"
status=0
env -u SENTRY_PROJECT -u SENTRY_TUI_CONFIG HOME="$DEMO_HOME" XDG_CONFIG_HOME="$DEMO_HOME/.config" \
	XDG_STATE_HOME="$DEMO_HOME/.local/state" \
	SENTRY_URL="http://127.0.0.1:$(cat "$DEMO_HOME/port")/" SENTRY_AUTH_TOKEN=demo-token \
	SENTRY_ORG=acme "$BIN" "${@:2}" || status=$?
exit "$status"
