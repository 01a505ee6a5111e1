#!/usr/bin/env bash
# Enter on a stream row opens the issue screen: the issue, its recommended event and its
# tags are requested together (one round trip, not three), the header shows what the
# issue is and which event is shown, the stack opens on the crash (the crashing in-app
# frame's source with the faulting line marked, and its variables), and q returns to the
# stream on the same row.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events --latency-ms 300
tui_run <<'EOF2'
:open BACKEND-1
:screen stack
:view stack.view
q
:view back.view
EOF2
assert_screen stack
for path in /api/0/organizations/acme/issues/4500000001/ \
	/api/0/organizations/acme/issues/4500000001/events/recommended/ \
	/api/0/organizations/acme/issues/4500000001/tags/; do
	assert_request --method GET --path "$path" --count 1
done
python3 - "$TEST_DIR/requests.log" <<'PY' || fail "issue, event and tags were not requested in parallel"
import json, sys
reqs = [json.loads(l) for l in open(sys.argv[1])]
t = [r["time"] for r in reqs if "/issues/4500000001/" in r["path"]]
# With 300 ms of server latency, one after another would take 0.6 s between first and last.
sys.exit(0 if len(t) == 3 and max(t) - min(t) < 0.25 else 1)
PY
grep -q "^section: Stack trace$" "$TEST_DIR/screens/stack.view" || fail "the issue did not open on the stack trace"
assert_screen_has stack "→ 24 raise RuntimeError(\"checkout failed: tax calculation error\") from exc"
assert_screen_has stack "region = 'EU-XX'"
grep -q "^line: ● finalize_invoice  billing/invoices.py:24$" "$TEST_DIR/screens/stack.view" ||
	fail "the cursor is not on the crashing frame"
grep -q "^event: 546e7245ad415ab0b395b23cb90de46b$" "$TEST_DIR/screens/stack.view" ||
	fail "the recommended event is not the one shown"
grep -q "^view: issues$" "$TEST_DIR/screens/back.view" || fail "q did not return to the stream"
grep -q "^selected: BACKEND-1$" "$TEST_DIR/screens/back.view" || fail "the stream lost its row"
finish
