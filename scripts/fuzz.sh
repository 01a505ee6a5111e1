#!/usr/bin/env bash
# Run every libFuzzer target in build/fuzz for SECONDS each (default 60). For each target:
#   1. its regression inputs (tests/fuzz/regressions/TARGET/: inputs that once crashed or
#      broke a promise) are replayed, and any failure fails the target;
#   2. it fuzzes from its seeds (tests/fuzz/seeds/, see tests/fuzz/README.md) with its
#      dictionary and input size limit, a fresh, empty corpus folder first (libFuzzer
#      writes new inputs into the first folder it is given, and the seeds must stay as
#      they are).
# Prints one line per target and exits non-zero on any crash (the input that crashed is
# kept in build/fuzz/artifacts/). FUZZ_ONLY=fuzz_event runs
# one target; FUZZ_KEEP=DIR keeps the corpora (and logs) in DIR instead of a temporary
# folder, so a long run can go on from where the last one stopped; FUZZ_RUNS=N stops a
# target once it has run N inputs, even before SECONDS.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${1:-60}
FUZZ_DIR=$ROOT/tests/fuzz
if [ -n "${FUZZ_KEEP:-}" ]; then
	CORPUS=$FUZZ_KEEP
	mkdir -p "$CORPUS"
else
	CORPUS=$(mktemp -d "${TMPDIR:-/tmp}/sentry-tui-fuzz.XXXXXX")
	trap 'rm -rf "$CORPUS"' EXIT
fi
# Smaller quarantine, no fill of big blocks and no stack recorded per allocation: each
# malloc unwound and stored its caller's stack (a third more executions on fuzz_config
# without it). Use-after-free and overflows are still caught at once; to see where a
# block was allocated and freed, rerun the input directly (build/fuzz/fuzz_NAME FILE).
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:quarantine_size_mb=32:max_malloc_fill_size=256}

# Seeds, dictionary and input size limit of a target: what it reads, a little over the
# largest real input of that kind (bigger inputs only make every execution slower).
settings() {
	SEEDS=() DICT= MAX_LEN=4096
	case "$1" in
	fuzz_sanitize) SEEDS=("$FUZZ_DIR/seeds/json") MAX_LEN=1024 ;;
	fuzz_link) SEEDS=("$FUZZ_DIR/seeds/link") MAX_LEN=1024 ;;
	fuzz_commands) SEEDS=("$FUZZ_DIR/seeds/commands") MAX_LEN=512 ;;
	fuzz_config) SEEDS=("$FUZZ_DIR/seeds/config") DICT=$FUZZ_DIR/yaml.dict MAX_LEN=2048 ;;
	fuzz_sentryclirc) SEEDS=("$FUZZ_DIR/seeds/sentryclirc") MAX_LEN=1024 ;;
	fuzz_keys) SEEDS=("$FUZZ_DIR/seeds/keys") MAX_LEN=128 ;;
	fuzz_options) SEEDS=("$FUZZ_DIR/seeds/options") MAX_LEN=256 ;;
	*) SEEDS=("$FUZZ_DIR/seeds/json") DICT=$FUZZ_DIR/json.dict ;; # the JSON decoders
	esac
}

status=0
for bin in "$ROOT"/build/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	[ -n "${FUZZ_ONLY:-}" ] && [ "$FUZZ_ONLY" != "$name" ] && continue
	settings "$name"
	log=$CORPUS/$name.log

	regressions=("$FUZZ_DIR/regressions/$name"/*)
	if [ -e "${regressions[0]}" ]; then
		if ! "$bin" "${regressions[@]}" >"$log" 2>&1; then
			echo "not ok - fuzz $name (a regression input fails again)"
			grep -m5 'broken promise\|ERROR\|SUMMARY\|Running: ' "$log" | sed 's/^/    /'
			status=1
			continue
		fi
		replayed=${#regressions[@]}
	else
		replayed=0
	fi

	mkdir -p "$CORPUS/$name" "$ROOT/build/fuzz/artifacts"
	# A crashing input is kept where the corpus is not deleted.
	args=(-max_total_time="$SECONDS_EACH" -max_len="$MAX_LEN" -print_final_stats=1
	      -artifact_prefix="$ROOT/build/fuzz/artifacts/$name-")
	[ -n "$DICT" ] && args+=(-dict="$DICT")
	[ -n "${FUZZ_RUNS:-}" ] && args+=(-runs="$FUZZ_RUNS")
	if "$bin" "${args[@]}" "$CORPUS/$name" "${SEEDS[@]}" >"$log" 2>&1; then
		runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
		took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
		echo "ok - fuzz $name (${runs:-?} runs in ${took:-$SECONDS_EACH}s, $replayed regression inputs)"
	else
		echo "not ok - fuzz $name"
		grep -m5 'broken promise\|ERROR\|SUMMARY\|Test unit written' "$log" | sed 's/^/    /'
		status=1
	fi
done
exit $status
