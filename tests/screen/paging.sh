#!/usr/bin/env bash
# Scrolling into page 2: nearing the end of the loaded rows fetches the next page with
# the cursor from the Link header, and the rows continue where page 1 ended.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
:view page1.view
<C-d><C-d><C-d><C-d><C-d><C-d><C-d>
:view near-end.view
G
:view page2.view
:screen page2
G
G
:view all.view
:screen end
EOF2
# Page 1 only at first; moving near its end loaded page 2 with Sentry's cursor.
grep -q "^rows: 100$" "$TEST_DIR/screens/page1.view" || fail "page 1 does not hold 100 rows"
grep -q "^more: yes$" "$TEST_DIR/screens/page1.view" || fail "page 1 does not know there is more"
grep -q "^rows: 186$" "$TEST_DIR/screens/page2.view" || fail "page 2 was not appended"
assert_request --path /api/0/organizations/acme/issues/ --param cursor=0:100:0 --param limit=100 --count 1
# (page 1 is two requests: the screen's 24 rows first, then the other 76)
assert_request --path /api/0/organizations/acme/issues/ --count 3
# At the end, no further request: results="false" is the end.
grep -q "^more: no$" "$TEST_DIR/screens/all.view" || fail "the stream still expects more"
grep -q "^cursor: 185$" "$TEST_DIR/screens/all.view" || fail "G did not reach the last issue"
assert_screen page2
assert_screen end
# Keep-alive: the later pages came over the connection the first one used.
python3 - "$TEST_DIR/requests.log" <<'PY' || fail "the later pages did not reuse the first page's connection"
import json, sys
clients = [json.loads(l)["client"] for l in open(sys.argv[1]) if "/issues/" in l]
sys.exit(0 if len(clients) == 3 and len(set(clients)) == 1 else 1)
PY
finish
