#!/usr/bin/env bash
# Key bindings from the config replace the defaults, and the help shows them.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
cat >"$XDG_CONFIG_HOME/sentry-tui/config.yml" <<'YAML'
bindings:
  move-down: [n, <C-n>]
  sort: S
YAML
tui_run <<'EOF2'
n
<C-n>
:view moved.view
S
?
:screen help
EOF2
grep -q "^cursor: 2$" "$TEST_DIR/screens/moved.view" || fail "the bound keys did not move the cursor"
assert_request --path /api/0/organizations/acme/issues/ --param sort=new
assert_screen_has help "j Down n Ctrl-n move-down"
finish
