#!/usr/bin/env bash
# Benchmarks for the performance budgets (numbers, not pass/fail; run on an idle machine):
#   - peak memory with 10,000 issues loaded (budget: under 20 MB RSS);
#   - wall time to page in 10,000 issues from the local fake server;
#   - cost of a keypress on a 10,000-row list (budget: proportional to the screen, so the
#     same order as on a 100-row list).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${SENTRY_TUI_BIN:-$ROOT/sentry-tui}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/sentry-tui-bench.XXXXXX")
trap 'kill $SERVER_PID 2>/dev/null; rm -rf "$DIR"' EXIT

python3 "$ROOT/tests/fake_sentry/server.py" --port-file "$DIR/port" --issues 10000 \
	--now 2026-11-20T12:00:00Z >/dev/null 2>&1 &
SERVER_PID=$!
for _ in $(seq 200); do [ -s "$DIR/port" ] && break; sleep 0.05; done

# run NAME KEYS...: run the binary headless on a script; prints "seconds peak_kb".
run() {
	local script="$DIR/$1.script"
	shift
	printf '%s\n' ":query " ":period 90d" "$@" >"$script"
	python3 - "$BIN" "$script" "$DIR" "$(cat "$DIR/port")" <<'PY'
import os, subprocess, sys, time
binary, script, tmp, port = sys.argv[1:5]
env = dict(os.environ, SENTRY_URL="http://127.0.0.1:%s/" % port, SENTRY_AUTH_TOKEN="demo-token",
           SENTRY_ORG="acme", SENTRY_TUI_SCRIPT=script, SENTRY_TUI_DUMP_DIR=tmp,
           SENTRY_TUI_NOW="2026-11-20T12:00:00Z", LINES="40", COLUMNS="120",
           HOME=tmp, XDG_STATE_HOME=tmp, XDG_CONFIG_HOME=tmp)
start = time.monotonic()
p = subprocess.Popen([binary], env=env)
peak = 0
while p.poll() is None:
    try:
        for line in open("/proc/%d/status" % p.pid):
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]))
    except OSError:
        pass
    time.sleep(0.01)
print("%.2f %d" % (time.monotonic() - start, peak))
PY
}

# One G per step: each step waits for the page it asked for.
pages=()
for _ in $(seq 101); do pages+=(G); done
# 2,000 keypresses, one per script step so each is followed by a full redraw as at a
# terminal (j then k, so the cursor moves without reaching the end and paging).
keys=()
for _ in $(seq 10); do
	for _ in $(seq 100); do keys+=(j); done
	for _ in $(seq 100); do keys+=(k); done
done
read -r t_load peak_load <<<"$(run load "${pages[@]}" ":view loaded")"
rows=$(grep '^rows:' "$DIR/loaded" | cut -d' ' -f2)
run keys "${pages[@]}" "g" ":stamp keys-start" "${keys[@]}" ":stamp keys-end" >/dev/null
t_keys=$(( $(cat "$DIR/keys-end") - $(cat "$DIR/keys-start") ))
run small-keys ":query is:unresolved level:fatal" "g" ":stamp small-start" "${keys[@]}" \
	":stamp small-end" ":view small" >/dev/null
t_small_keys=$(( $(cat "$DIR/small-end") - $(cat "$DIR/small-start") ))
small_rows=$(grep '^rows:' "$DIR/small" | cut -d' ' -f2)
echo "rows loaded:                      $rows"
echo "page in $rows issues:          ${t_load}s"
echo "peak RSS with $rows issues:    $((peak_load / 1024)) MB (budget 20 MB)"
echo "keypress on $rows rows:         $(( t_keys * 1000 / 2000 )) µs (key, loop pass, full redraw)"
echo "keypress on $small_rows rows:            $(( t_small_keys * 1000 / 2000 )) µs"
