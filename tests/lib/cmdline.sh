# Helpers for the command-line tests (sentry-tui list / status): the screen tests' server
# and request log (tests/lib/screen.sh), plus cli_run to run a subcommand.
. "$(dirname "${BASH_SOURCE[0]}")/screen.sh"

# cli_run ARGS...: run sentry-tui with ARGS; stdout in $TEST_DIR/out, stderr in
# $TEST_DIR/err, the exit status in CLI_STATUS. Under SENTRY_TUI_VALGRIND a leak or a
# memory error makes the status 99.
cli_run() {
	local runner=()
	if [ -n "${SENTRY_TUI_VALGRIND:-}" ]; then
		runner=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
			--errors-for-leak-kinds=definite)
	fi
	SENTRY_TUI_NOW="$PINNED_NOW" SENTRY_TUI_BACKOFF_MS="${SENTRY_TUI_BACKOFF_MS:-50}" \
		timeout 300 "${runner[@]}" "$SENTRY_TUI_BIN" "$@" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	CLI_STATUS=$?
}

# expect_status N WHAT: the last cli_run exited with N.
expect_status() {
	if [ "$CLI_STATUS" -ne "$1" ]; then
		fail "$2: exit status $CLI_STATUS, expected $1"
		sed 's/^/    stderr: /' "$TEST_DIR/err" | head -10
	fi
}

# no_control_bytes WHAT: stdout holds no C0 control byte but LF (and TAB for tsv), no DEL,
# no C1 control (U+0080-U+009F as UTF-8).
no_control_bytes() { # what allow_tab
	if python3 - "$TEST_DIR/out" "${2:-}" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
allowed = {0x0a} | ({0x09} if sys.argv[2] else set())
bad = [b for b in data if (b < 0x20 and b not in allowed) or b == 0x7f]
text = data.decode("utf-8")  # also: the output is valid UTF-8
bad += [c for c in text if 0x80 <= ord(c) <= 0x9f]
sys.exit(1 if bad else 0)
PY
	then :; else fail "$1: control bytes or invalid UTF-8 in the output"; fi
}
