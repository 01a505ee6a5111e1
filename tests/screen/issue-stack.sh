#!/usr/bin/env bash
# Stack trace: the chain with the raised exception first and its root cause marked;
# i collapses system frames into "N system frames"; o puts the oldest frame first;
# Enter on a frame shows its source with the faulting line marked, and its variables;
# x shows the raw (minified) frames where the event has them.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open BACKEND-1
:screen chain
i
:screen in-app
jj
<Enter>
:screen expanded
o
:screen oldest-first
q
:open FRONTEND-1
x
:screen raw
EOF2
assert_screen chain
assert_screen in-app
assert_screen expanded
assert_screen raw
assert_screen_has chain "KeyError: 'EU-XX' root cause"
assert_screen_has in-app "6 system frames"
assert_screen_has expanded "→ 9 finalize_invoice(order, region=region)"
assert_screen_has expanded "region = 'EU-XX'"
assert_screen oldest-first
sed -n 9p "$TEST_DIR/screens/oldest-first" | grep -q "^KeyError: 'EU-XX'" ||
	fail "o did not put the root cause (oldest) first"
finish
