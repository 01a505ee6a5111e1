# sentry-tui list in each format against the hostile data set: plain and tsv carry no
# control byte (escape sequences arrive as visible "^[" text), json parses and holds the
# hostile text exactly as the server sent it.
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset hostile

cli_run list --format json --all
expect_status 0 "list --format json"
python3 -m json.tool "$TEST_DIR/out" >/dev/null || fail "json output does not parse"
python3 - "$TEST_DIR/out" "$PORT" <<'PY' || fail "json does not hold the issues as sent"
import json, sys, urllib.request
rows = json.load(open(sys.argv[1]))
keys = ["id", "shortId", "title", "culprit", "level", "status", "substatus", "count",
        "userCount", "firstSeen", "lastSeen", "assignee", "project", "permalink"]
req = urllib.request.Request(
    "http://127.0.0.1:%s/api/0/organizations/acme/issues/?query=is:unresolved&limit=100" % sys.argv[2],
    headers={"Authorization": "Bearer demo-token"})
# Bytes that are not UTF-8 reach the decoder as U+FFFD, as here.
sent = json.loads(urllib.request.urlopen(req).read().decode("utf-8", "replace"))
assert len(rows) == len(sent) and len(rows) > 0, (len(rows), len(sent))
for row, issue in zip(rows, sent):
    assert list(row) == keys, list(row)
    for key in ("id", "shortId", "culprit", "level", "status", "substatus", "permalink"):
        assert row[key] == issue.get(key), (key, row[key], issue.get(key))
    # Titles are capped at 4 KiB by the decoder; below that they are byte for byte.
    assert issue["title"].startswith(row["title"]), (row["title"], issue["title"])
    assert row["count"] == int(issue["count"]) and row["userCount"] == issue["userCount"]
    assert row["project"] == issue["project"]["slug"]
# the escape sequences are there, intact, for jq to see
assert any("\x1b]0;pwned\x07" in r["title"] for r in rows)
PY

cli_run list --format tsv --all
expect_status 0 "list --format tsv"
no_control_bytes "tsv" tab
head -1 "$TEST_DIR/out" | grep -qx $'id\tshortId\ttitle\tculprit\tlevel\tstatus\tsubstatus\tcount\tuserCount\tfirstSeen\tlastSeen\tassignee\tproject\tpermalink' ||
	fail "tsv header row: $(head -1 "$TEST_DIR/out")"
# every row has exactly the 14 columns: no tab or newline of a title splits a field
awk -F'\t' 'NF != 14 { bad = 1 } END { exit bad }' "$TEST_DIR/out" || fail "a tsv row has a tab or newline too many"
grep -qF $'4500000001\tFRONTEND-1\t^[[2J^[]0;pwned^GTypeError' "$TEST_DIR/out" ||
	fail "tsv: the hostile title is not shown in caret form"

COLUMNS=100 cli_run list --all
expect_status 0 "list (plain)"
no_control_bytes "plain"
head -1 "$TEST_DIR/out" | grep -q '^SHORT ID  *LEVEL  *STATUS  *EVENTS  *USERS SEEN TITLE$' || fail "plain header: $(head -1 "$TEST_DIR/out")"
python3 - "$TEST_DIR/out" <<'PY' || fail "plain rows are wider than COLUMNS=100"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n")
                if unicodedata.category(c) not in ("Mn", "Me"))
    assert width <= 100, (width, line)
PY
grep -q '^FRONTEND-1 .* 100 .* 10 .*^\[\[2J^\[\]0;pwned^GTypeError' "$TEST_DIR/out" ||
	fail "plain: the first issue's row"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param query=is:unresolved
finish
