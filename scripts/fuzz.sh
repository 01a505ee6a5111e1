#!/usr/bin/env bash
# Run every libFuzzer target in build/fuzz for SECONDS each, seeded from the fixtures
# (a fresh, empty corpus folder comes first: libFuzzer writes new inputs into the first
# folder it is given). Prints one line per target and exits non-zero on any crash.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${1:-60}
CORPUS=$(mktemp -d "${TMPDIR:-/tmp}/sentry-tui-fuzz.XXXXXX")
trap 'rm -rf "$CORPUS"' EXIT
status=0
for bin in "$ROOT"/build/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	mkdir -p "$CORPUS/$name"
	if "$bin" -max_total_time="$SECONDS_EACH" -print_final_stats=1 "$CORPUS/$name" \
		"$ROOT/tests/fixtures/sentry/api" "$ROOT/tests/fixtures/sentry/ingest" \
		>"$CORPUS/$name.log" 2>&1; then
		runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$CORPUS/$name.log" | grep -o '[0-9]*$')
		echo "ok - fuzz $name (${runs:-?} runs in ${SECONDS_EACH}s)"
	else
		echo "not ok - fuzz $name"
		grep -m5 'ERROR\|SUMMARY\|Test unit written' "$CORPUS/$name.log" | sed 's/^/    /'
		status=1
	fi
done
exit $status
