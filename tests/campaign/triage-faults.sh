#!/usr/bin/env bash
# Faults as a campaign: a seeded script of triage actions (resolve, unresolve, the archive
# menu's variants, assign, bookmark, undo, batches of marked issues over both projects)
# mixed with moves, paging, refreshes and filter changes, run through the real TUI while
# the fake server fails ~30 % of the requests at random (500/502/503, 429 with and without
# Retry-After, connection resets, truncated bodies, hangs past the timeout; a failed
# change is made first or not, by the seed). After every step the rows the TUI shows as
# settled must be what the server has; a change whose outcome was left open must have been
# read again; at the end (faults off) the screen and `sentry-tui list --format json --all`
# must equal the server, issue by issue. tests/campaign/check.py prints the counts.
#
# CAMPAIGN_SEED and CAMPAIGN_ACTIONS change the run; under ASan or valgrind fewer actions
# run (said in the output).
. "$(dirname "$0")/../lib/screen.sh"
SEED=${CAMPAIGN_SEED:-7}
ACTIONS=${CAMPAIGN_ACTIONS:-}
if [ -z "$ACTIONS" ]; then
	ACTIONS=220
	if [ -n "${SENTRY_TUI_VALGRIND:-}" ]; then
		ACTIONS=40
	elif case "$SENTRY_TUI_BIN" in */asan/*) true ;; *) false ;; esac; then
		ACTIONS=120
	fi
	[ "$ACTIONS" -lt 200 ] && echo "  (this build runs $ACTIONS actions; the plain build runs 220)"
fi
ARGS=(--query '' --period 90d)

server_start --issues 150
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
# A hang costs the timeout: keep it short.
printf 'timeout: 1\n' >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
control() { python3 -c 'import sys, urllib.request
print(urllib.request.urlopen("http://127.0.0.1:%s/__control/%s" % (sys.argv[1], sys.argv[2])).read().decode())' \
	"$PORT" "$1"; }
control state >"$TEST_DIR/initial.json"

python3 "$ROOT/tests/campaign/gen_script.py" --seed "$SEED" --actions "$ACTIONS" >"$TEST_DIR/campaign"
# Every API request may fail until the script searches for the end marker.
server_faults "[{\"random\": {\"rate\": 0.3, \"seed\": $SEED, \"until\": \"query=campaign-faults-off\"}}]"
started=$(date +%s)
tui_run "${ARGS[@]}" <"$TEST_DIR/campaign"
echo "  seed $SEED: the TUI ran the campaign in $(($(date +%s) - started)) s"

server_faults '[]'
control state >"$TEST_DIR/final.json"
SENTRY_TUI_CONFIG="$XDG_CONFIG_HOME/sentry-tui/config.yml" \
	"$SENTRY_TUI_BIN" list --all --format json "${ARGS[@]}" >"$TEST_DIR/list.json" 2>"$TEST_DIR/list.err" ||
	{ fail "sentry-tui list failed"; cat "$TEST_DIR/list.err"; }
python3 "$ROOT/tests/campaign/check.py" --log "$TEST_DIR/requests.log" --dumps "$TEST_DIR/screens" \
	--initial "$TEST_DIR/initial.json" --final "$TEST_DIR/final.json" --list "$TEST_DIR/list.json" ||
	fail "the campaign found differences (above)"
finish
