#!/usr/bin/env bash
# Run sentry-tui against the bundled fake Sentry server with realistic demo data.
# The servers (one Sentry-shaped, one GlitchTip-shaped, a profile each) listen on
# 127.0.0.1 on free ports and stop when sentry-tui exits.
# The demo runs with a private HOME so your own config and .sentryclirc stay out of it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/sentry-tui}
DEMO_HOME=$(mktemp -d "${TMPDIR:-/tmp}/sentry-tui-demo.XXXXXX")
SERVER_PIDS=

cleanup() {
	for pid in $SERVER_PIDS; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	rm -rf "$DEMO_HOME"
}
trap cleanup EXIT INT TERM

# start NAME [server.py flags]: one fake server; its port in $DEMO_HOME/NAME.port.
start() {
	local name=$1
	shift
	python3 "$ROOT/tests/fake_sentry/server.py" --port-file "$DEMO_HOME/$name.port" \
		--token demo-token --org acme --dataset demo "$@" >"$DEMO_HOME/$name.log" 2>&1 &
	SERVER_PIDS+=" $!"
	for _ in $(seq 100); do
		[ -s "$DEMO_HOME/$name.port" ] && break
		sleep 0.05
	done
	if [ ! -s "$DEMO_HOME/$name.port" ]; then
		echo "demo: the fake server did not start:" >&2
		cat "$DEMO_HOME/$name.log" >&2
		exit 1
	fi
}
start sentry
start glitchtip --flavor glitchtip

# Two profiles: the Sentry-shaped server, and the same data as GlitchTip serves it
# (:profile glitchtip, or P, switches while it runs).
mkdir -p "$DEMO_HOME/.config/sentry-tui"
cat >"$DEMO_HOME/.config/sentry-tui/config.yml" <<YAML
profile: demo
profiles:
  demo:
    url: http://127.0.0.1:$(cat "$DEMO_HOME/sentry.port")/
    org: acme
    token: demo-token
    colour: cyan
  glitchtip:
    url: http://127.0.0.1:$(cat "$DEMO_HOME/glitchtip.port")/
    org: acme
    token: demo-token
    colour: magenta
    confirm_mutations: true
YAML
chmod 600 "$DEMO_HOME/.config/sentry-tui/config.yml"

cd "$DEMO_HOME"
status=0
env -u SENTRY_PROJECT -u SENTRY_TUI_CONFIG -u SENTRY_URL -u SENTRY_AUTH_TOKEN -u SENTRY_ORG \
	-u SENTRY_TUI_PROFILE HOME="$DEMO_HOME" XDG_CONFIG_HOME="$DEMO_HOME/.config" \
	XDG_STATE_HOME="$DEMO_HOME/.local/state" "$BIN" "${@:2}" || status=$?
exit "$status"
