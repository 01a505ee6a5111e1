#!/usr/bin/env bash
# refresh_interval from the config reloads the stream by itself (for a tmux dashboard):
# once the first load is answered the server starts refusing, and the automatic refresh
# five seconds in shows that without a key being pressed.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
printf 'refresh_interval: 5\n' >"$XDG_CONFIG_HOME/sentry-tui/config.yml"
cat >"$TEST_DIR/faults-later.py" <<'PY'
import json, sys, time, urllib.request
# Wait until the first issue list has been answered, then start refusing.
for _ in range(600):
    try:
        if any(json.loads(l).get("status") == 200 and l.find("/issues/") > 0
               for l in open(sys.argv[2])):
            break
    except OSError:
        pass
    time.sleep(0.05)
urllib.request.urlopen(urllib.request.Request(
    "http://127.0.0.1:%s/__control/faults" % sys.argv[1],
    data=b'[{"match": "GET /api/0/organizations/acme/issues/", "status": 401}]', method="POST")).read()
PY
python3 "$TEST_DIR/faults-later.py" "$PORT" "$TEST_DIR/requests.log" &
tui_run <<EOF2
:screen before
:wait-for authentication failed
~:screen refreshed
EOF2
assert_screen_has before "3 issues"
assert_screen_has refreshed "issue list: authentication failed (HTTP 401)"
assert_request --path /api/0/organizations/acme/issues/ --count 2
finish
