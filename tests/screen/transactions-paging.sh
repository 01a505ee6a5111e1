#!/usr/bin/env bash
# :transactions loads the next page when the cursor nears the end: the first page's
# Link header names a next cursor, G asks for it, and the rows of both pages are shown
# once each, the header counting them ("50+ loaded" while more are left, "53 loaded"
# after the last page); G again reaches the last row. At 120x40.
. "$(dirname "$0")/../lib/screen.sh"
server_start
EVENTS=/api/0/organizations/acme/events/
python3 - "$TEST_DIR/faults.json" <<'PY'
import json, sys
def page(first, count, more):
    # Real spans-dataset rows (fixture sentry-mcp.org-events-spans.json), newest first.
    rows = [{"id": "%016x" % (0xa000 + i), "span.op": "http.server",
             "span.description": "GET /api/page/%02d" % i, "span.duration": 100 + i,
             "span.status": "ok", "transaction": "GET /api/page/%02d" % i,
             "timestamp": "2026-11-20T%02d:%02d:00+00:00" % (11 - i // 60, 59 - i % 60),
             "project": "backend", "trace": "%032x" % (0xb000 + i),
             "transaction.span_id": "%016x" % (0xa000 + i)} for i in range(first, first + count)]
    return json.dumps({"data": rows, "meta": {"fields": {"span.duration": "duration"},
                                              "units": {"span.duration": "millisecond"}}})
url = "http://127.0.0.1/api/0/organizations/acme/events/"
link = lambda cursor, more: ('<%s?cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", '
                             '<%s?cursor=%s>; rel="next"; results="%s"; cursor="%s"'
                             % (url, url, cursor, more, cursor))
json.dump([{"match": "^GET /api/0/organizations/acme/events/.*[?&]cursor=0(:|%3[aA])50(:|%3[aA])0", "status": 200,
            "body": page(50, 3, False), "headers": {"Link": link("0:100:0", "false")}},
           {"match": "^GET /api/0/organizations/acme/events/", "status": 200,
            "body": page(0, 50, True), "headers": {"Link": link("0:50:0", "true")}}],
          open(sys.argv[1], "w"))
PY
server_faults "$(cat "$TEST_DIR/faults.json")"
LINES=40 COLUMNS=120 tui_run <<'EOF2'
:transactions
:wait-for 50+ loaded
:view first.view
G
:wait-for 53 loaded
G
:screen paged
:view paged.view
EOF2
grep -q "^rows: 50" "$TEST_DIR/screens/first.view" || fail "the first page should hold 50 rows"
grep -q "^more: yes" "$TEST_DIR/screens/first.view" || fail "the first page's Link names a next page"
assert_request --method GET --path $EVENTS --param dataset=spans --param per_page=50 --param cursor=0:50:0
grep -q "^rows: 53" "$TEST_DIR/screens/paged.view" || fail "the second page's 3 rows should follow the first 50"
grep -q "^more: no" "$TEST_DIR/screens/paged.view" || fail "the last page's Link has no next page"
assert_screen paged
assert_screen_has paged "GET /api/page/52"
finish
