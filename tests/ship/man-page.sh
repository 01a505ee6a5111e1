# The man page and the completions are what the tables make of them today: the committed
# files equal a fresh generation, groff and man render the page without a warning, and
# the page and --help list the same options, every key action and every : command.
. "$(dirname "$0")/../lib/screen.sh"
DOCGEN=${SENTRY_TUI_DOCGEN:-$ROOT/build/release/tools/sentry-tui-docgen}
[ -x "$DOCGEN" ] || { fail "no $DOCGEN (make unit-bins builds it)"; finish; }

for pair in "man docs/sentry-tui.1" "bash completions/sentry-tui.bash" \
	"zsh completions/_sentry-tui" "fish completions/sentry-tui.fish"; do
	set -- $pair
	if ! "$DOCGEN" "$1" >"$TEST_DIR/fresh" 2>"$TEST_DIR/err"; then
		fail "sentry-tui-docgen $1 failed: $(cat "$TEST_DIR/err")"
	elif ! diff -u "$ROOT/$2" "$TEST_DIR/fresh" >"$TEST_DIR/diff"; then
		fail "$2 is not what the tables make of it (run make docs):"
		head -20 "$TEST_DIR/diff" | sed 's/^/    /'
	fi
done

PAGE=$ROOT/docs/sentry-tui.1
if command -v groff >/dev/null; then
	groff -ww -man -Tutf8 "$PAGE" >"$TEST_DIR/groff.out" 2>"$TEST_DIR/groff.err"
	[ -s "$TEST_DIR/groff.err" ] && fail "groff -ww warns: $(head -5 "$TEST_DIR/groff.err")"
else
	fail "groff is not installed (scripts/install-deps.sh)"
fi
MANWIDTH=80 man --warnings -l "$PAGE" >"$TEST_DIR/man.out" 2>"$TEST_DIR/man.err"
[ -s "$TEST_DIR/man.err" ] && fail "man --warnings: $(head -5 "$TEST_DIR/man.err")"
grep -q '^SENTRY-TUI(1)' "$TEST_DIR/man.out" || fail "man -l does not render the page"

# What the page says, as a reader sees it (hyphenation off so names stay whole).
MANWIDTH=200 man -l "$PAGE" 2>/dev/null | col -b >"$TEST_DIR/page.txt"
"$SENTRY_TUI_BIN" --help >"$TEST_DIR/help.txt"
for flag in $(grep -o -- '--[a-z][a-z-]*' "$TEST_DIR/help.txt" | sort -u); do
	grep -Eq -- "^[[:space:]]*(-h, )?$flag\b" "$TEST_DIR/page.txt" || fail "--help names $flag, the man page does not"
done
for flag in $(grep -o -- '--[a-z][a-z-]*' "$TEST_DIR/page.txt" | sort -u); do
	grep -q -- "$flag\b" "$TEST_DIR/help.txt" || fail "the man page names $flag, --help does not"
done
for section in NAME SYNOPSIS DESCRIPTION SUBCOMMANDS OPTIONS KEYS COMMANDS CONFIGURATION \
	ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
	grep -q "^$section\$" "$TEST_DIR/page.txt" || fail "the man page has no $section section"
done
# Every action of the request table (but the hidden redraw) with its key, every : command.
python3 - "$ROOT/tui/request.h" "$ROOT/views/commands.c" "$TEST_DIR/page.txt" <<'PY' || fail "the man page misses actions or commands"
import re, sys
header, commands, page = (open(p).read() for p in sys.argv[1:])
missing = []
for name, flags in re.findall(r'_\(\w+,\s*\w+,\s*"([a-z-]+)",\s*"[^"]*",\s*(\w+)', header):
    if "HIDDEN" not in flags and "[%s]" % name not in page:
        missing.append(name)
for name in re.findall(r'^\t\{ "([a-z-]+)", ', commands, re.M):
    if not re.search(r"^\s*:%s\b" % re.escape(name), page, re.M):
        missing.append(":" + name)
if missing:
    print("    missing:", " ".join(missing))
    sys.exit(1)
PY
grep -Eq "^[[:space:]]*y[[:space:]]+Copy: short id" "$TEST_DIR/page.txt" || fail "the yank key is not shown with its key"
grep -Eq "^[[:space:]]*4[[:space:]]+the token was refused" "$TEST_DIR/page.txt" || fail "exit status 4 is not explained"
finish
