# sentry-tui list --all on a 10,000-issue server: every page is fetched as needed (the
# cursor followed to the end), every issue printed once, and memory stays flat: the
# peak RSS for 10,000 issues is not ten times the peak for 1,000 (each page is written
# and freed before the next is asked for).
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset demo --issues 10000

peak_rss_kb() { # args...: run sentry-tui; prints its exit status and peak RSS in KiB
	# ASan keeps freed memory in quarantine (256 MB): a small one measures the program.
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=1" \
	python3 - "$SENTRY_TUI_BIN" "$TEST_DIR/out" "$@" <<'PY'
import os, resource, subprocess, sys
with open(sys.argv[2], "wb") as out:
    rc = subprocess.call([sys.argv[1], *sys.argv[3:]], stdout=out)
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}

read -r rc rss_small <<<"$(peak_rss_kb list --format json --limit 1000)"
[ "$rc" -eq 0 ] || fail "list --limit 1000 exited with $rc"
n_small=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TEST_DIR/out")
[ "$n_small" -eq 1000 ] || fail "--limit 1000 printed $n_small issues"

read -r rc rss_large <<<"$(peak_rss_kb list --format json --all --query '' --period 90d)"
[ "$rc" -eq 0 ] || fail "list --all exited with $rc"
python3 - "$TEST_DIR/out" <<'PY' || fail "--all did not print the 10,000 issues once each"
import json, sys
rows = json.load(open(sys.argv[1]))
ids = [r["id"] for r in rows]
assert len(ids) == 10000 and len(set(ids)) == 10000, (len(ids), len(set(ids)))
PY
echo "  peak RSS: $rss_small KiB for 1,000 issues, $rss_large KiB for 10,000"
# Flat: allow some growth (allocator noise), far from the tenfold of a list kept whole.
[ "$rss_large" -lt $((rss_small * 3 / 2)) ] ||
	fail "memory grows with the count: $rss_small KiB for 1,000, $rss_large KiB for 10,000"
assert_request --method GET --path /api/0/organizations/acme/issues/ --param limit=100 --param query= --param statsPeriod=90d --count 100

# A reader that goes away (| head) stops the paging: no more pages are asked for.
"$SENTRY_TUI_BIN" list --all --query '' --sort new --format tsv 2>/dev/null | head -2 >/dev/null
python3 "$ROOT/tests/lib/requests.py" "$TEST_DIR/requests.log" --method GET \
	--path /api/0/organizations/acme/issues/ --param sort=new --print >"$TEST_DIR/head.log"
[ "$(wc -l <"$TEST_DIR/head.log")" -le 3 ] ||
	fail "list --all | head asked for $(wc -l <"$TEST_DIR/head.log") pages after the reader left"
finish
