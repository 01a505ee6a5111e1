#!/usr/bin/env bash
# Stack trace: the issue opens on the crash, as Sentry's web UI does: the crashing in-app
# frame expanded (its source with the faulting line marked, its variables) and the cursor
# on it; Enter on the exception's heading collapses and expands that frame. The chain
# has the raised exception first and its root cause marked; i collapses system frames
# into "N system frames"; o puts the oldest frame first; Enter on a frame shows its
# source and variables; x shows the raw (minified) frames where the event has them.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open BACKEND-1
:screen crash
:view crash.view
k
<Enter>
:screen chain
:view heading.view
<Enter>
:screen heading-expanded
<Enter>
i
:screen in-app
jj
<Enter>
:screen expanded
O
:screen oldest-first
q
:open FRONTEND-1
:screen minified
x
:screen raw
EOF2
assert_screen crash
assert_screen_has crash "→ 24 raise RuntimeError(\"checkout failed: tax calculation error\") from exc"
assert_screen_has crash "region = 'EU-XX'"
grep -q "^line: ● finalize_invoice  billing/invoices.py:24$" "$TEST_DIR/screens/crash.view" ||
	fail "the cursor is not on the crashing in-app frame"
assert_screen chain
assert_screen_lacks chain "→ 24"
grep -q "^line: RuntimeError: checkout failed: tax calculation error" "$TEST_DIR/screens/heading.view" ||
	fail "k did not reach the exception's heading"
assert_screen_has heading-expanded "→ 24 raise RuntimeError"
assert_screen_has heading-expanded "exc = ValueError(\"no tax rate for region 'EU-XX'\")"
assert_screen in-app
assert_screen expanded
assert_screen raw
assert_screen minified
assert_screen_has chain "KeyError: 'EU-XX' root cause"
assert_screen_has in-app "6 system frames"
assert_screen_has expanded "→ 9 finalize_invoice(order, region=region)"
assert_screen_has expanded "region = 'EU-XX'"
assert_screen oldest-first
sed -n 9p "$TEST_DIR/screens/oldest-first" | grep -q "^KeyError: 'EU-XX'" ||
	fail "o did not put the root cause (oldest) first"
finish
