# `sentry-tui list --project SLUG` makes one round trip once the slug's id is known: the
# first run asks for the projects and the issues, the next ones for the issues alone
# (the ids are remembered in the cache folder), with the same output. A remembered id
# that turns out stale (a renamed or deleted project) is asked again, and the output
# is still the same.
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset small
PROJECTS=/api/0/organizations/acme/projects/
ISSUES=/api/0/organizations/acme/issues/
backend_id=$(python3 - "$PORT" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request("http://127.0.0.1:%s/api/0/organizations/acme/projects/" % sys.argv[1],
                             headers={"Authorization": "Bearer demo-token"})
print([p["id"] for p in json.load(urllib.request.urlopen(req)) if p["slug"] == "backend"][0])
PY
)
reset_log() { curl -s -X DELETE "http://127.0.0.1:$PORT/__control/requests" >/dev/null; : >"$TEST_DIR/requests.log"; }
cache_file() { ls "$HOME"/.cache/sentry-tui/projects-* 2>/dev/null; }

reset_log
cli_run list --project backend --format tsv
expect_status 0 "first list --project backend"
cp "$TEST_DIR/out" "$TEST_DIR/first"
assert_request --method GET --path "$PROJECTS" --count 1
assert_request --method GET --path "$ISSUES" --param "project=$backend_id" --count 1
[ -n "$(cache_file)" ] || fail "the project ids were not remembered"
[ "$(stat -c %a "$(cache_file)")" = 600 ] || fail "the cache file is not 0600"
grep -q 'demo-token' "$(cache_file)" && fail "the cache file holds the token"

reset_log
cli_run list --project backend --format tsv
expect_status 0 "second list --project backend"
cmp -s "$TEST_DIR/first" "$TEST_DIR/out" || fail "the second run's output differs from the first"
assert_request --method GET --path "$PROJECTS" --count 0
assert_request --method GET --path "$ISSUES" --param "project=$backend_id" --count 1

# The remembered id is another project's (backend was renamed, and its old id reused):
# the first page shows that project's slug, is not written, and the ids are asked again.
frontend_id=$(awk -F'\t' '$2 == "frontend" { print $1 }' "$(cache_file)")
sed -i "s/^$backend_id\tbackend\$/$frontend_id\tbackend/" "$(cache_file)"
reset_log
cli_run list --project backend --format tsv
expect_status 0 "list --project backend with a stale id"
cmp -s "$TEST_DIR/first" "$TEST_DIR/out" || fail "with a stale id the output differs"
assert_request --method GET --path "$PROJECTS" --count 1
assert_request --method GET --path "$ISSUES" --param "project=$backend_id" --count 1
grep -q "^$backend_id	backend\$" "$(cache_file)" || fail "the cache was not corrected"

# The remembered id is of a project that is gone: the server refuses it (403).
sed -i "s/^$backend_id\tbackend\$/999999\tbackend/" "$(cache_file)"
reset_log
cli_run list --project backend --format tsv
expect_status 0 "list --project backend with a deleted project's id"
cmp -s "$TEST_DIR/first" "$TEST_DIR/out" || fail "with a deleted project's id the output differs"
assert_request --method GET --path "$ISSUES" --param project=999999 --count 1
assert_request --method GET --path "$PROJECTS" --count 1

# An old cache is not trusted: the projects are asked again.
python3 - "$(cache_file)" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
lines[0] = "sentry-tui-projects 1 1000000000"
open(sys.argv[1], "w").write("\n".join(lines))
PY
reset_log
cli_run list --project backend --format tsv
expect_status 0 "list --project backend with an old cache"
cmp -s "$TEST_DIR/first" "$TEST_DIR/out" || fail "with an old cache the output differs"
assert_request --method GET --path "$PROJECTS" --count 1

# A slug the cache does not have still asks the server, and an unknown one says so.
cli_run list --project nosuchproject
expect_status 2 "unknown project"
grep -qF "project 'nosuchproject' not found in organization 'acme'" "$TEST_DIR/err" || fail "unknown project: $(cat "$TEST_DIR/err")"
finish
