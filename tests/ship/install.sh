# make install / make uninstall honour PREFIX and DESTDIR: everything lands under the
# temporary root, the installed binary runs (--version, --help, list against the fake
# server), man -l renders the installed page, the installed bash completion works, and
# uninstall leaves no file behind.
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset small
ROOTFS=$TEST_DIR/root
make_in_tree() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s -C "$ROOT" "$@" >"$TEST_DIR/make.out" 2>&1 ||
	{ fail "make $*: $(tail -5 "$TEST_DIR/make.out")"; finish; }; }

make_in_tree install DESTDIR="$ROOTFS" PREFIX=/usr
for f in usr/bin/sentry-tui usr/share/man/man1/sentry-tui.1 \
	usr/share/bash-completion/completions/sentry-tui usr/share/zsh/site-functions/_sentry-tui \
	usr/share/fish/vendor_completions.d/sentry-tui.fish usr/share/doc/sentry-tui/README.md \
	usr/share/doc/sentry-tui/sentry-tui.yml.example; do
	[ -f "$ROOTFS/$f" ] || fail "make install did not install /$f"
done
[ -x "$ROOTFS/usr/bin/sentry-tui" ] || fail "the installed binary is not executable"
[ -e "$ROOT/usr" ] && fail "DESTDIR was not honoured: $ROOT/usr exists"
outside=$(find "$ROOTFS" -mindepth 1 -maxdepth 1 ! -name usr)
[ -z "$outside" ] && [ -z "$(find "$ROOTFS/usr" -mindepth 1 -maxdepth 1 ! -name bin ! -name share)" ] ||
	fail "PREFIX=/usr installed outside /usr: $outside"

SENTRY_TUI_BIN=$ROOTFS/usr/bin/sentry-tui
cli_run --version
expect_status 0 "installed sentry-tui --version"
grep -q '^sentry-tui [0-9]' "$TEST_DIR/out" || fail "--version prints '$(head -1 "$TEST_DIR/out")'"
cli_run --help
expect_status 0 "installed sentry-tui --help"
grep -q -- '--profile NAME' "$TEST_DIR/out" || fail "--help has no --profile"
cli_run list --format tsv
expect_status 0 "installed sentry-tui list"
head -1 "$TEST_DIR/out" | grep -q '^id	shortId	title' || fail "list --format tsv: no header row"
[ "$(wc -l <"$TEST_DIR/out")" -gt 1 ] || fail "list printed no issue"
assert_request --method GET --path /api/0/organizations/acme/issues/

MANWIDTH=80 man --warnings -l "$ROOTFS/usr/share/man/man1/sentry-tui.1" >"$TEST_DIR/man.out" 2>"$TEST_DIR/man.err"
grep -q 'sentry-tui - browse and triage Sentry issues' "$TEST_DIR/man.out" || fail "man -l does not render the installed page"
[ -s "$TEST_DIR/man.err" ] && fail "man --warnings: $(head -3 "$TEST_DIR/man.err")"
got=$(bash -c '. "$1"; COMP_WORDS=(sentry-tui list --format ""); COMP_CWORD=3; _sentry_tui; echo "${COMPREPLY[*]}"' \
	_ "$ROOTFS/usr/share/bash-completion/completions/sentry-tui")
[ "$got" = "plain tsv json" ] || fail "the installed bash completion offers '$got' for list --format"

make_in_tree uninstall DESTDIR="$ROOTFS" PREFIX=/usr
left=$(find "$ROOTFS" ! -type d)
[ -z "$left" ] || fail "make uninstall left: $left"

# PREFIX alone (no DESTDIR), as `make install PREFIX=$HOME/.local` would.
make_in_tree install PREFIX="$TEST_DIR/local"
"$TEST_DIR/local/bin/sentry-tui" --version >/dev/null || fail "PREFIX install: the binary does not run"
[ -f "$TEST_DIR/local/share/man/man1/sentry-tui.1" ] || fail "PREFIX install: no man page under PREFIX"
make_in_tree uninstall PREFIX="$TEST_DIR/local"
left=$(find "$TEST_DIR/local" ! -type d)
[ -z "$left" ] || fail "make uninstall PREFIX=... left: $left"
finish
