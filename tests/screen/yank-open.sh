#!/usr/bin/env bash
# y opens a menu of what to copy (short id, permalink, title, event id, the frame
# under the cursor, a Markdown link); a letter copies through OSC 52 and says what was
# copied; Y copies the permalink at once. With clipboard: command the text goes to
# clipboard_command's stdin, and the child gets no token. o opens the issue with
# $BROWSER (its argv is the link, its environment has no token); without $BROWSER and
# without a display (over SSH) it says so and copies the link instead.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
unset DISPLAY WAYLAND_DISPLAY BROWSER
LINK="http://127.0.0.1:$PORT/organizations/acme/issues/4500000005/"
LINES=30 COLUMNS=120 tui_run <<'EOF2'
y
:screen menu
:view menu.view
l
:view link.view
:screen copied
Y
:view yank-link.view
o
:view open-ssh.view
:screen open-ssh
:open BACKEND-1
:wait-for Event
y
f
:view frame.view
y
m
:view markdown.view
EOF2
assert_screen_has menu "Copy from BACKEND-2"
assert_screen_has menu "s short id BACKEND-2"
assert_screen_has menu "l permalink $LINK"
grep -q "^clipboard: $LINK$" "$TEST_DIR/screens/link.view" || fail "l did not copy the permalink"
assert_screen_has copied "copied permalink: $LINK"
grep -q "^clipboard: $LINK$" "$TEST_DIR/screens/yank-link.view" || fail "Y did not copy the permalink"
grep -q "^status: copied the link (no display here to open it): $LINK" "$TEST_DIR/screens/open-ssh.view" \
	|| fail "o without a display did not say so and copy the link"
grep -q "^clipboard: billing/invoices.py:24$" "$TEST_DIR/screens/frame.view" || { cat "$TEST_DIR/screens/frame.view"; fail "f did not copy the frame as file:line"; }
grep -q '^clipboard: \[BACKEND-1: .*\](http://127.0.0.1:[0-9]*/organizations/acme/issues/4500000001/)$' \
	"$TEST_DIR/screens/markdown.view" || fail "m did not copy a Markdown link"

# A browser and a clipboard command, with a token in the environment they must not see.
cat >"$TEST_DIR/recorder" <<'SH'
#!/bin/sh
name=$(printf %s "$1" | cut -c1-4)
{ echo "argv: $*"; env; } >"$0.$name.out" 2>&1
cat >"$0.$name.stdin" 2>/dev/null
SH
chmod +x "$TEST_DIR/recorder"
mkdir -p "$HOME/.config/sentry-tui"
printf 'clipboard: command\nclipboard_command: %s copy\n' "$TEST_DIR/recorder" >"$HOME/.config/sentry-tui/config.yml"
export SENTRY_TUI_EXTRA_SECRET_TOKEN=leaky
BROWSER="$TEST_DIR/recorder" tui_run <<'EOF2'
Y
:view command.view
o
:view browser.view
EOF2
for _ in $(seq 100); do [ -s "$TEST_DIR/recorder.copy.stdin" ] && [ -s "$TEST_DIR/recorder.http.out" ] && break; sleep 0.05; done
grep -q "^status: copied the permalink: $LINK" "$TEST_DIR/screens/command.view" || fail "Y with clipboard: command did not say so"
[ "$(cat "$TEST_DIR/recorder.copy.stdin" 2>/dev/null)" = "$LINK" ] || fail "clipboard_command did not get the link on stdin"
grep -q "^status: opening $LINK" "$TEST_DIR/screens/browser.view" || fail "o did not say it opens the link"
grep -q "^argv: $LINK$" "$TEST_DIR/recorder.http.out" || fail "\$BROWSER did not get the link as its argument"
for f in "$TEST_DIR"/recorder.*.out; do
	if grep -q "demo-token\|SENTRY_AUTH_TOKEN\|leaky" "$f"; then fail "a child saw the token: $f"; fi
done
grep -q "^HOME=" "$TEST_DIR/recorder.copy.out" || fail "the clipboard command's environment is missing"
finish
