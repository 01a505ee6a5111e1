#!/usr/bin/env bash
# Watch mode's settings: --watch below 5 seconds and a `watch:` that is not a number are
# refused before the terminal is touched (exit 2, file:line for the config); `bell:`
# takes new, escalating or never. A watch pane is read-only: `r` is refused and sends
# nothing, unless --allow-triage; `watch:` in a profile turns watch mode on.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small

EXPECT_FAILURE=1 tui_run --watch 2 </dev/null
[ "$TUI_STATUS" -eq 2 ] || fail "--watch 2: exit status $TUI_STATUS, wanted 2"
assert_stderr_has "sentry-tui: --watch 2 is too often: the minimum is 5 seconds"

mkdir -p "$XDG_CONFIG_HOME/sentry-tui"
cfg="$XDG_CONFIG_HOME/sentry-tui/config.yml"
printf 'refresh_interval: 30\nwatch: abc\nbell: always\n' >"$cfg"
EXPECT_FAILURE=1 tui_run </dev/null
[ "$TUI_STATUS" -eq 2 ] || fail "watch: abc: exit status $TUI_STATUS, wanted 2"
assert_stderr_has "$cfg:2:8: watch must be a whole number of seconds from 5 to 86400 (got \"abc\")"
assert_stderr_has "$cfg:3:7: bell must be one of new, escalating, never (got \"always\")"

# watch: in a profile; `r` in a watch pane is refused and nothing is sent.
printf 'profile: pane\nprofiles:\n  pane:\n    watch: 60\n' >"$cfg"
LINES=12 COLUMNS=60 tui_run <<'EOF2'
r
:screen refused
EOF2
assert_screen refused
assert_screen_has refused "read-only mode: 'resolve' is disabled"
assert_request --method PUT --count 0

# --allow-triage: the same key resolves.
rm "$cfg"
LINES=12 COLUMNS=60 tui_run --watch --allow-triage <<'EOF2'
r
:screen allowed
EOF2
assert_screen_lacks allowed "READ-ONLY"
assert_screen_lacks allowed "read-only mode"
assert_request --method PUT --count 1
finish
