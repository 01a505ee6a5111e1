# sentry-tui list's exit statuses and messages: 0 with results, 1 when nothing matched,
# 2 for usage, 4 for a refused token (the TUI's sentence on stderr), 5 when the server
# cannot be reached, 3 for a server error; stdout stays empty on an error.
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset small

cli_run list --limit 3 --format tsv
expect_status 0 "three issues"
[ "$(wc -l <"$TEST_DIR/out")" -eq 4 ] || fail "--limit 3: header and 3 rows expected, got $(wc -l <"$TEST_DIR/out") lines"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param limit=3

cli_run list --query 'is:unresolved nothing-matches-this' --format json
expect_status 1 "nothing matched"
[ "$(cat "$TEST_DIR/out")" = "[]" ] || fail "nothing matched: json should be [], got: $(cat "$TEST_DIR/out")"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param "query=is:unresolved nothing-matches-this"

cli_run list --format xml
expect_status 2 "--format xml"
grep -qF -- "--format is plain, tsv or json" "$TEST_DIR/err" || fail "--format xml: $(cat "$TEST_DIR/err")"
cli_run list --limit ten
expect_status 2 "--limit ten"
cli_run list --limit 5 --all
expect_status 2 "--limit with --all"
cli_run list --ttl 5
expect_status 2 "status's --ttl given to list"
cli_run list --colour
expect_status 2 "unknown option"
grep -qF 'unknown option "--colour"' "$TEST_DIR/err" || fail "unknown option: $(cat "$TEST_DIR/err")"

server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 401}]'
cli_run list
expect_status 4 "401"
grep -qF "authentication failed (HTTP 401): the auth token is invalid, expired or missing a scope" "$TEST_DIR/err" ||
	fail "401 message: $(cat "$TEST_DIR/err")"
[ -s "$TEST_DIR/out" ] && fail "401: stdout is not empty"

server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 500}]'
cli_run list --format json
expect_status 3 "500"
[ -s "$TEST_DIR/out" ] && fail "500: stdout is not empty"
server_faults '[]'

SENTRY_URL="http://127.0.0.1:1/" cli_run list
expect_status 5 "network down"
grep -qF "cannot connect to 127.0.0.1" "$TEST_DIR/err" || fail "network message: $(cat "$TEST_DIR/err")"
grep -q $'\x1b' "$TEST_DIR/err" && fail "escape byte in stderr"
finish
