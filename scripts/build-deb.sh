#!/usr/bin/env bash
# Build the Debian package from a staged `make install` with the Debian tools:
# build-deb.sh VERSION OUTDIR. The binary (stripped), the man page and changelog
# compressed as Debian policy asks, the completions where Debian's shells look, the
# README, example config and copyright under /usr/share/doc/sentry-tui; Depends come
# from dpkg-shlibdeps (the libraries the binary is linked with).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$1
OUT=$2
ARCH=$(dpkg --print-architecture)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sentry-tui-deb.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# dpkg-shlibdeps expects the package tree at debian/PACKAGE, beside debian/control.
STAGE=$WORK/src/debian/sentry-tui

changelog_version=$(sed -n '1s/^sentry-tui (\([^)]*\)).*/\1/p' "$ROOT/packaging/debian/changelog")
if [ "$changelog_version" != "$VERSION" ]; then
	echo "build-deb: packaging/debian/changelog is at $changelog_version, the Makefile at $VERSION" >&2
	exit 1
fi

# File dates in the package are the changelog's, so a rebuild gives the same package.
SOURCE_DATE_EPOCH=$(date -d "$(sed -n 's/^ -- .*>  //p' "$ROOT/packaging/debian/changelog" | head -1)" +%s)
export SOURCE_DATE_EPOCH

make --no-print-directory -s -C "$ROOT" install DESTDIR="$STAGE" PREFIX=/usr \
	ZSHCOMPDIR=/usr/share/zsh/vendor-completions
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$STAGE/usr/bin/sentry-tui"
gzip -9n "$STAGE/usr/share/man/man1/sentry-tui.1"
DOC=$STAGE/usr/share/doc/sentry-tui
install -m 644 "$ROOT/packaging/debian/copyright" "$DOC/copyright"
gzip -9n <"$ROOT/packaging/debian/changelog" >"$DOC/changelog.gz"
chmod 644 "$DOC/changelog.gz"

# dpkg-shlibdeps reads debian/control of the current directory (a minimal one does) and
# finds the package tree by its DEBIAN directory.
mkdir -p "$STAGE/DEBIAN"
printf 'Source: sentry-tui\n\nPackage: sentry-tui\nArchitecture: any\n' >"$WORK/src/debian/control"
depends=$(cd "$WORK/src" && dpkg-shlibdeps -O debian/sentry-tui/usr/bin/sentry-tui |
	sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "build-deb: dpkg-shlibdeps found no dependency" >&2; exit 1; }

size=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$size/" \
	-e "s/@DEPENDS@/$depends/" "$ROOT/packaging/debian/control.in" >"$STAGE/DEBIAN/control"
(cd "$STAGE" && find usr -type f -exec md5sum {} + | sort -k 2) >"$STAGE/DEBIAN/md5sums"
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +
chmod 644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"

mkdir -p "$OUT"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$OUT/sentry-tui_${VERSION}_$ARCH.deb" >/dev/null
echo "$OUT/sentry-tui_${VERSION}_$ARCH.deb"
