#!/usr/bin/env bash
# A mistyped `:` command names the one it was probably meant to be (and runs nothing);
# a key with no meaning here says where it works, or which key was meant.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset small
tui_run <<'EOF2'
:resovle
:screen typo
:frobnicate
:screen far-off
O
:screen o-in-stream
%
:screen y-in-stream
U
:screen shift-u
<Enter>
:env production
:screen env-in-issue
s
:screen s-in-issue
EOF2
assert_screen_has typo "unknown command 'resovle' — did you mean :resolve?"
assert_request --method PUT --count 0
assert_screen_has far-off "unknown command 'frobnicate' — ? lists the commands"
assert_screen_has o-in-stream "O works in the issue screen: toggle-order"
assert_screen_has y-in-stream "% is not bound here — ? lists the keys"
assert_screen_has shift-u "U is not bound here — did you mean u (unresolve)?"
assert_screen_has env-in-issue ":env works in the issue stream"
assert_screen_has s-in-issue "s works in the issue stream: sort"
finish
