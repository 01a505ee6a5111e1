# make deb builds a Debian package with the Debian tools: its control fields (version,
# Depends from dpkg-shlibdeps), its files (owned by root), installed with dpkg -i into a
# private root where the binary runs (list against the fake server) and man renders the
# page, then removed with dpkg -r leaving nothing; lintian, when installed, finds no error
# and no warning.
. "$(dirname "$0")/../lib/cmdline.sh"
server_start --dataset small
VERSION=$(sed -n 's/^VERSION := //p' "$ROOT/Makefile")
ARCH=$(dpkg --print-architecture)
DEB=$ROOT/build/deb/sentry-tui_${VERSION}_$ARCH.deb
rm -f "$DEB"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s -C "$ROOT" deb >"$TEST_DIR/make.out" 2>&1 ||
	{ fail "make deb: $(tail -5 "$TEST_DIR/make.out")"; finish; }
grep -q 'warning' "$TEST_DIR/make.out" && fail "make deb warns: $(grep warning "$TEST_DIR/make.out" | head -3)"
[ -f "$DEB" ] || { fail "make deb made no $DEB"; finish; }

dpkg-deb -I "$DEB" >"$TEST_DIR/info" || fail "dpkg-deb -I cannot read the package"
field() { dpkg-deb -f "$DEB" "$1"; }
[ "$(field Package)" = sentry-tui ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$VERSION" ] || fail "Version: $(field Version), the Makefile says $VERSION"
[ "$(field Architecture)" = "$ARCH" ] || fail "Architecture: $(field Architecture)"
depends=$(field Depends)
for lib in libc6 libncursesw6 libcurl4 libjansson4 libyaml-0-2 libreadline8; do
	echo ", $depends," | grep -Eq ", $lib( \([^)]*\))?," || fail "Depends lacks $lib: $depends"
done
[ -n "$(field Description)" ] && [ -n "$(field Maintainer)" ] && [ -n "$(field Installed-Size)" ] ||
	fail "control lacks Description, Maintainer or Installed-Size"

dpkg-deb -c "$DEB" >"$TEST_DIR/contents"
for f in ./usr/bin/sentry-tui ./usr/share/man/man1/sentry-tui.1.gz \
	./usr/share/bash-completion/completions/sentry-tui ./usr/share/zsh/vendor-completions/_sentry-tui \
	./usr/share/fish/vendor_completions.d/sentry-tui.fish ./usr/share/doc/sentry-tui/copyright \
	./usr/share/doc/sentry-tui/changelog.gz ./usr/share/doc/sentry-tui/sentry-tui.yml.example \
	./usr/share/doc/sentry-tui/README.md; do
	grep -q " $f\$" "$TEST_DIR/contents" || fail "the package has no $f"
done
grep -v ' root/root ' "$TEST_DIR/contents" | grep -q . && fail "files not owned by root: $(grep -v ' root/root ' "$TEST_DIR/contents" | head -2)"
grep -Eq '^-rwxr-xr-x .* \./usr/bin/sentry-tui$' "$TEST_DIR/contents" || fail "the binary is not mode 755"

# Installed with dpkg into a private root (its own dpkg database; the libraries are the
# system's, so dependencies are not checked there).
R=$TEST_DIR/dpkgroot
mkdir -p "$R/var/lib/dpkg/info" "$R/var/lib/dpkg/updates"
: >"$R/var/lib/dpkg/status"
dpkg --root="$R" --force-depends --force-script-chrootless -i "$DEB" >"$TEST_DIR/dpkg.out" 2>&1 ||
	fail "dpkg -i: $(tail -3 "$TEST_DIR/dpkg.out")"
SENTRY_TUI_BIN=$R/usr/bin/sentry-tui
cli_run --version
expect_status 0 "packaged sentry-tui --version"
grep -q "^sentry-tui $VERSION" "$TEST_DIR/out" || fail "--version says '$(cat "$TEST_DIR/out")'"
cli_run list --format json --limit 3
expect_status 0 "packaged sentry-tui list"
python3 -c 'import json,sys; rows=json.load(open(sys.argv[1])); assert len(rows) == 3, rows' "$TEST_DIR/out" ||
	fail "packaged list --limit 3 did not print 3 issues"
MANWIDTH=80 man --warnings -l "$R/usr/share/man/man1/sentry-tui.1.gz" >"$TEST_DIR/man.out" 2>"$TEST_DIR/man.err"
grep -q '^SENTRY-TUI(1)' "$TEST_DIR/man.out" || fail "man -l does not render the packaged page"
[ -s "$TEST_DIR/man.err" ] && fail "man --warnings on the packaged page: $(head -3 "$TEST_DIR/man.err")"
dpkg --root="$R" -r sentry-tui >"$TEST_DIR/dpkg.out" 2>&1 || fail "dpkg -r: $(tail -3 "$TEST_DIR/dpkg.out")"
[ -d "$R/usr" ] && fail "dpkg -r left: $(find "$R/usr" | head -5)"

if command -v lintian >/dev/null; then
	lintian --fail-on error,warning "$DEB" >"$TEST_DIR/lintian.out" 2>&1 ||
		fail "lintian: $(grep '^[EW]:' "$TEST_DIR/lintian.out" | head -5)"
fi
finish
