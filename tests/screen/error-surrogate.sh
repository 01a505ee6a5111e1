#!/usr/bin/env bash
# One title carries a lone UTF-16 surrogate escape ("\ud800", which jansson refuses):
# the list still shows, that title with U+FFFD where the broken half was, and the
# other issue untouched. The body is the real org issue list fixture, twice, once with
# the escape in its titles.
. "$(dirname "$0")/../lib/screen.sh"
server_start
rules=$(python3 - "$ROOT/tests/fixtures/sentry/api/openapi.org-issues-list.json" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
issue = text[text.index("[") + 1:text.rindex("]")]
broken = issue.replace("example Python", "example \\ud800Python")
assert broken.count("\\ud800") == 2
second = issue.replace('"PUMP-STATION-1"', '"PUMP-STATION-2"').replace('"1"', '"2"')
print(json.dumps([{"match": "GET /api/0/organizations/acme/issues/", "status": 200,
                   "body": "[" + broken + "," + second + "]"}]))
PY
)
server_faults "$rules"
tui_run <<'EOF2'
:screen list
EOF2
assert_screen list
assert_screen_has list "PUMP-STATION-1"
assert_screen_has list "PUMP-STATION-2"
assert_screen_lacks list "malformed"
# The broken title shows U+FFFD where the escape was (the row is clipped at 100 columns,
# so look at it on a wide screen too).
COLUMNS=200 tui_run <<'EOF2'
:screen wide
EOF2
assert_screen_has wide "This is an example �Python exception"
assert_screen_has wide "This is an example Python exception"
finish
