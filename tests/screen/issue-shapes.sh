#!/usr/bin/env bash
# Every event shape the client must survive: native crash with threads (crashed thread
# first, addresses only, an unknown entry type), iOS address frames, a message-only
# event, nulls everywhere, 500 frames, Go; and the context section masks secrets.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open FRONTEND-2
:screen native
G
:screen native-end
q
:open FRONTEND-3
:screen cocoa
q
:open BACKEND-2
:screen message
q
:open BACKEND-4
:screen nulls-latest
<LT>
:screen nulls-middle
<LT>
:screen nulls-oldest
q
:open BACKEND-5
:screen many-frames
q
:open BACKEND-6
:screen go
q
:open BACKEND-1
4
:screen context
EOF2
for s in native cocoa message nulls-latest nulls-middle nulls-oldest many-frames go context; do
	assert_screen "$s"
done
assert_screen_has native "crashed"
assert_screen native-end
assert_screen_has native-end "not displayed: debugmeta"
assert_screen_has context "Authorization ********"
assert_screen_lacks context "secret-token-123"
assert_screen_lacks context "sessionid=abc"
finish
