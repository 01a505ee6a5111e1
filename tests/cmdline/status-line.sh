# sentry-tui status: the line's counts (X-Hits of the query; new, escalating and regressed
# among its first 100 issues), --format fields, --ascii, --tmux; the cache (one request
# per TTL however often tmux asks, mode 0600, no token in it); a failing server prints the
# last line marked (stale) with the failure's exit status.
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset demo --issues 300
issues_requests() {
	python3 "$ROOT/tests/lib/requests.py" "$TEST_DIR/requests.log" --method GET \
		--path /api/0/organizations/acme/issues/ --print | grep -c 'GET /api/0/organizations/acme/issues/'
}

# What the server holds, counted the way status documents it.
read -r hits new esc reg <<<"$(python3 - "$PORT" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request(
    "http://127.0.0.1:%s/api/0/organizations/acme/issues/?query=is:unresolved&limit=100&sort=date&statsPeriod=14d" % sys.argv[1],
    headers={"Authorization": "Bearer demo-token"})
resp = urllib.request.urlopen(req)
rows = json.load(resp)
sub = [r.get("substatus") for r in rows]
print(resp.headers["X-Hits"], sub.count("new"), sub.count("escalating"), sub.count("regressed"))
PY
)"
[ "$esc" -gt 0 ] && [ "$new" -gt 0 ] || fail "the demo data set should have new and escalating issues ($new, $esc)"
before=$(issues_requests)

cli_run status
expect_status 0 "status"
[ "$(cat "$TEST_DIR/out")" = "⚠ $new new · $hits unresolved · $esc escalating" ] ||
	fail "status line: '$(cat "$TEST_DIR/out")', expected '⚠ $new new · $hits unresolved · $esc escalating'"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param query=is:unresolved --param limit=100

# tmux asking every few seconds: five more calls within the TTL, no more requests.
for _ in 1 2 3 4 5; do
	cli_run status --format '{new}|{unresolved}|{escalating}|{regressed}'
	expect_status 0 "status from the cache"
done
[ "$(cat "$TEST_DIR/out")" = "$new|$hits|$esc|$reg" ] || fail "--format fields: '$(cat "$TEST_DIR/out")', expected '$new|$hits|$esc|$reg'"
[ $(( $(issues_requests) - before )) -eq 1 ] ||
	fail "6 calls within the TTL sent $(( $(issues_requests) - before )) requests, expected 1"

cache=$(ls "$HOME"/.cache/sentry-tui/status-* 2>/dev/null | head -1)
[ -n "$cache" ] || fail "no cache file in \$HOME/.cache/sentry-tui"
[ "$(stat -c %a "$cache")" = 600 ] || fail "cache file mode $(stat -c %a "$cache"), expected 600"
grep -q demo-token "$cache" && fail "the token is in the cache file"

# --ttl 0: ask again; --ascii is plain ASCII, --tmux styles it.
cli_run status --ttl 0 --ascii
[ "$(cat "$TEST_DIR/out")" = "! $new new | $hits unresolved | $esc escalating" ] || fail "--ascii: '$(cat "$TEST_DIR/out")'"
LC_ALL=C grep -q '[^ -~]' "$TEST_DIR/out" && fail "--ascii output has a byte outside ASCII"
[ $(( $(issues_requests) - before )) -eq 2 ] || fail "--ttl 0 did not ask the server"
cli_run status --tmux --format '{escalating} esc'
[ "$(cat "$TEST_DIR/out")" = "#[fg=red]$esc esc#[default]" ] || fail "--tmux: '$(cat "$TEST_DIR/out")'"
grep -q '#\[' <(cli_run status; cat "$TEST_DIR/out") && fail "tmux styles without --tmux"

# A failing server: the last line, marked stale, and the exit status says why.
server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 500}]'
cli_run status --ttl 0
expect_status 3 "stale after a 500"
[ "$(cat "$TEST_DIR/out")" = "⚠ $new new · $hits unresolved · $esc escalating (stale)" ] ||
	fail "stale line: '$(cat "$TEST_DIR/out")'"
server_faults '[{"match": "GET /api/0/organizations/acme/issues/", "status": 401}]'
cli_run status --ttl 0 --format '{unresolved}{stale}'
expect_status 4 "stale after a 401"
[ "$(cat "$TEST_DIR/out")" = "$hits (stale)" ] || fail "{stale}: '$(cat "$TEST_DIR/out")'"
grep -qF "authentication failed (HTTP 401)" "$TEST_DIR/err" || fail "401 message: $(cat "$TEST_DIR/err")"
server_faults '[]'

# Nothing cached and no server: "?" for every count, exit 5.
SENTRY_URL="http://127.0.0.1:1/" cli_run status
expect_status 5 "network down, nothing cached"
[ "$(cat "$TEST_DIR/out")" = "⚠ ? new · ? unresolved · ? escalating" ] || fail "unknown line: '$(cat "$TEST_DIR/out")'"

cli_run status --format '{new} {bogus}'
expect_status 2 "unknown field"
grep -qF 'unknown field "{bogus}"' "$TEST_DIR/err" || fail "unknown field: $(cat "$TEST_DIR/err")"
cli_run status --ttl soon
expect_status 2 "--ttl soon"
finish
