# sentry-tui list takes the TUI's config: the config file's query and sort, a profile's
# project (its slug resolved to an id as the stream does), flags over both;
# --help names list and status.
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset small
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
cat >"$XDG_CONFIG_HOME/sentry-tui/config.yml" <<'YAML'
query: "is:unresolved level:error"
sort: freq
profiles:
  backend:
    projects: [backend]
YAML

cli_run list --format tsv
expect_status 0 "list with the config file's query"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param "query=is:unresolved level:error" --param sort=freq
awk -F'\t' 'NR > 1 && $5 != "error" { bad = 1 } END { exit bad }' "$TEST_DIR/out" ||
	fail "a row of another level than the config's query asked for"

cli_run list --profile backend --query 'is:unresolved' --sort new --period 24h --environment production --format json
expect_status 0 "list with a profile"
backend_id=$(python3 - "$PORT" <<'PY'
import json, sys, urllib.request
req = urllib.request.Request("http://127.0.0.1:%s/api/0/organizations/acme/projects/" % sys.argv[1],
                             headers={"Authorization": "Bearer demo-token"})
print([p["id"] for p in json.load(urllib.request.urlopen(req)) if p["slug"] == "backend"][0])
PY
)
assert_request --method GET --path /api/0/organizations/acme/issues/ --param query=is:unresolved \
	--param sort=new --param statsPeriod=24h --param "project=$backend_id" --param environment=production
python3 - "$TEST_DIR/out" <<'PY' || fail "--profile backend listed another project's issues"
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows and all(r["project"] == "backend" for r in rows), [r["project"] for r in rows]
PY

cli_run list --project nosuchproject
expect_status 2 "unknown project"
grep -qF "project 'nosuchproject' not found in organization 'acme'" "$TEST_DIR/err" || fail "unknown project: $(cat "$TEST_DIR/err")"

cli_run list --help
expect_status 0 "list --help"
grep -qF "sentry-tui list [--limit N|--all] [--format plain|tsv|json]" "$TEST_DIR/out" || fail "--help does not name list"
grep -qF "sentry-tui status [--format FIELDS] [--ascii] [--tmux]" "$TEST_DIR/out" || fail "--help does not name status"
finish
