#!/usr/bin/env bash
# `make bench`: sentry-tui beside the official Sentry CLIs on the fake server
# (scripts/bench/bench.py says what is measured and how), then README.md's performance
# section regenerated from docs/benchmarks.md. Numbers, not pass/fail: run it when the
# machine is quiet (the load average is printed with the results).
#   SENTRY_TUI_BENCH_RUNS=N      runs per figure (7)
#   SENTRY_TUI_BENCH_IDLE_S=S    seconds of idle CPU measured (20, scaled to a minute)
#   SENTRY_TUI_BENCH_OUT=FILE    where the results go (docs/benchmarks.md; - for stdout only)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
python3 "$ROOT/scripts/bench/bench.py"
if [ -z "${SENTRY_TUI_BENCH_OUT:-}" ]; then # the default file: README follows it
	python3 "$ROOT/scripts/bench/readme.py"
fi
