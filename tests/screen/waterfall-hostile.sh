#!/usr/bin/env bash
# A transaction whose every span field is hostile (escape sequences, C1 controls,
# bidi overrides, a clipboard write, multi-line text): the waterfall, a span's detail
# and the issue-free way in (:open PROJECT:EVENT) show them as harmless marks. A span
# whose parent is not in the transaction hangs under the root, marked ?.
. "$(dirname "$0")/../lib/screen.sh"
server_start
EVENT=ab1de5ab1de5ab1de5ab1de5ab1de5ab
python3 - "$TEST_DIR/faults.json" "$EVENT" <<'PY'
import base64, json, sys
path, event_id = sys.argv[1:3]
bad = ("\x1b[2J\x1b]0;pwned\x07 \x9b31m \u202etxt.exe \x1b]52;c;" +
       base64.b64encode(b"rm -rf ~\n").decode() + "\x07 \x00 \r\n")
t0 = 1763600000.0
spans = [{"span_id": "a%015d" % i, "parent_span_id": "r000000000000000" if i == 0 else "a%015d" % 0,
          "trace_id": "f" * 32, "op": "db" + bad, "description": "SELECT\n" + bad + "\nFROM t",
          "status": "internal" + bad, "hash": bad, "tags": {"k" + bad: "v" + bad},
          "data": {"d" + bad: [bad, {"x": bad}]},
          "start_timestamp": t0 + i * 0.01, "timestamp": t0 + i * 0.01 + 0.005} for i in range(4)]
spans.append({"span_id": "b000000000000001", "parent_span_id": "ffffffffffffffff", "trace_id": "f" * 32,
              "op": "orphan.op", "description": "no parent here",
              "start_timestamp": t0 + 0.05, "timestamp": t0 + 0.06})
event = {"id": event_id, "eventID": event_id, "groupID": "4500000098", "projectID": "2",
         "type": "transaction", "title": "GET /x" + bad, "platform": "python",
         "startTimestamp": t0, "endTimestamp": t0 + 0.1, "dateCreated": "2026-11-19T12:00:00Z",
         "contexts": {"trace": {"trace_id": "f" * 32, "span_id": "r000000000000000", "op": "http" + bad,
                                "status": "ok", "type": "trace"}},
         "measurements": {"lcp" + bad: {"value": 2.5, "unit": "ms" + bad}},
         "entries": [{"type": "spans", "data": spans}], "tags": [], "occurrence": None}
rule = {"match": "^GET /api/0/projects/acme/backend/events/" + event_id + "/", "status": 200,
        "body": json.dumps(event)}
json.dump([rule], open(path, "w"))
PY
server_faults "$(cat "$TEST_DIR/faults.json")"
LINES=30 COLUMNS=120 tui_run <<EOF2
:open backend:$EVENT
:wait-for SPAN
:screen waterfall
j
d
:screen detail
EOF2
for s in waterfall detail; do
	python3 - "$TEST_DIR/screens/$s" <<'PY' || fail "screen $s holds control characters"
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")
bad = [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f
       or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069 or ord(c) in (0x200b, 0x200d, 0xfeff)]
sys.exit(1 if bad else 0)
PY
	assert_screen_has "$s" "^["
done
assert_screen_has waterfall "5 spans"
assert_screen_has waterfall "5 spans · 1 without a kno"
assert_screen_has waterfall "?└─orphan.op no parent here"
assert_screen_has detail "description"
finish
