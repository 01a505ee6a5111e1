#!/usr/bin/env bash
# Install the Debian packages sentry-tui needs to build, test and run the demo.
# Uses sudo only when not already root. Safe to run again.
set -euo pipefail

packages=(
	build-essential pkg-config
	libncurses-dev libcurl4-openssl-dev libjansson-dev libyaml-dev libreadline-dev
	libcmocka-dev
	python3 tmux valgrind openssl clang
	nodejs npm
	locales
	groff man-db bash-completion zsh fish  # the man page and the completions, tested
	dpkg-dev lintian                        # make deb, and its check
	librsvg2-bin pngquant fonts-dejavu-core # make screenshots (SVG -> PNG)
)

if [ "$(id -u)" -eq 0 ]; then
	sudo=()
else
	sudo=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
	# An npm that came with another nodejs build (e.g. one that bundles it) is enough.
	[ "$p" = npm ] && command -v npm >/dev/null && continue
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
	echo "installing: ${missing[*]}"
	"${sudo[@]}" apt-get update -q
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
	echo "all build, test and demo packages are installed"
fi
