#!/usr/bin/env bash
# A slow tags endpoint does not hold up the stack trace: it shows while tags still load,
# and keys keep working.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
server_faults '[{"match": "GET /api/0/organizations/acme/issues/4500000001/tags/", "delay_ms": 3000}]'
tui_run <<'EOF2'
:open BACKEND-1
:wait-for finalize_invoice
~:screen stack-before-tags
~3
~:screen tags-loading
:screen tags-loaded
EOF2
assert_screen_has stack-before-tags "finalize_invoice"
assert_screen_has tags-loading "Loading tags…"
assert_screen_has tags-loaded "iPhone 15 Pro"
finish
