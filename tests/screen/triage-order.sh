#!/usr/bin/env bash
# Two changes to one issue, the second made before the first has landed: the server must
# get them in the order they were made (parallel connections do not keep it), and the row
# must end as the server has it. The second waits, shown at once and pending, until the
# first is answered. (Found by the fault campaign, tests/campaign/triage-faults.sh.)
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
# The first change is slow to arrive: sent at once, the second would overtake it.
server_faults '[{"match": "^PUT ", "delay_ms": 500, "times": 1}]'
tui_run <<'EOF2'
:view loaded
~r
~m
~f
~:view waiting.view
:view done.view
:screen done
EOF2
grep -q "status=ignored substatus=archived_forever .*pending=yes" "$TEST_DIR/screens/waiting.view" ||
	fail "the second change did not show at once, pending"
assert_request --method PUT --path /api/0/organizations/acme/issues/ --count 2
python3 - "$TEST_DIR/requests.log" <<'PY' || fail "the server did not get the changes in the order they were made"
import json, sys
puts = [json.loads(line) for line in open(sys.argv[1]) if '"PUT"' in line]
bodies = [json.loads(p["body"])["status"] for p in puts]
sys.exit(0 if bodies == ["resolved", "ignored"] else (print("    order:", bodies), 1)[1])
PY
grep -q "issue: 4500000002 BACKEND-2 status=ignored substatus=archived_forever .*pending=no" \
	"$TEST_DIR/screens/done.view" || fail "the row does not show the last change"
assert_screen_has done "BACKEND-2 archived forever — z to undo"
# What the server has: the last change.
python3 - "$PORT" <<'PY' || fail "the server does not have the last change"
import json, sys, urllib.request
state = json.load(urllib.request.urlopen("http://127.0.0.1:%s/__control/state" % sys.argv[1]))
sys.exit(0 if state["4500000002"]["status"] == "ignored" else 1)
PY

# Both refused: the second change rolls back to what the first left (the first rolled back
# too: unresolved), not to the first's hoped-for result (resolved). FRONTEND-1 (unresolved,
# new) is the first row now.
server_faults '[{"match": "^PUT ", "delay_ms": 500, "status": 400, "times": 1},
                {"match": "^PUT ", "status": 400, "times": 1}]'
tui_run <<'EOF2'
:view loaded
~r
~m
~f
:view refused.view
EOF2
grep -q "issue: 4500000003 FRONTEND-1 status=unresolved substatus=new .*pending=no" \
	"$TEST_DIR/screens/refused.view" || { fail "the row did not roll back to what the server has";
	grep "4500000003" "$TEST_DIR/screens/refused.view"; }
grep -q "^status: failed, rolled back: FRONTEND-1 archived forever" "$TEST_DIR/screens/refused.view" ||
	fail "the second refusal was not said"

# The first goes through, the second (another field) is refused: the row rolls back the
# assignee only, to what the server has (nobody), and keeps the first change.
server_faults '[{"match": "^PUT ", "delay_ms": 500, "times": 1},
                {"match": "^PUT ", "status": 400, "times": 1}]'
tui_run <<'EOF2'
:view loaded
~b
~:assign John Doe
:view assign-refused.view
EOF2
grep -q "issue: 4500000003 FRONTEND-1 status=unresolved substatus=new assignee=- bookmarked=yes pending=no" \
	"$TEST_DIR/screens/assign-refused.view" || { fail "the refused assignment stayed on the row";
	grep "4500000003" "$TEST_DIR/screens/assign-refused.view"; }
grep -q "^status: failed, rolled back: FRONTEND-1 assigned to John Doe" "$TEST_DIR/screens/assign-refused.view" ||
	fail "the refused assignment was not said"
finish
