#!/usr/bin/env bash
# Every event shape the client must survive: native crash with threads (crashed thread
# first, addresses only, an unknown entry type), iOS address frames, a message-only
# event, nulls everywhere, 500 frames, Go; and the context section masks secrets. Each
# opens on its crash: the crashed thread's in-app frame, else the crashing frame, expanded
# when it has source or variables.
. "$(dirname "$0")/../lib/screen.sh"
server_start --dataset events
LINES=40 tui_run <<'EOF2'
:open FRONTEND-2
:screen native
:view native.view
G
:screen native-end
q
:open FRONTEND-3
:screen cocoa
:view cocoa.view
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
grep -q "^line: ● 0xbcc196b4  libacme-native.so$" "$TEST_DIR/screens/native.view" ||
	fail "the native crash did not open on the crashed thread's in-app frame"
grep -q "^line: ○ 0x7fff248b1f42  UIKitCore  -\[UITableView" "$TEST_DIR/screens/cocoa.view" ||
	fail "without in-app frames the crash did not open on the crashing frame"
assert_screen_lacks cocoa "no source context or local variables"
assert_screen_has nulls-latest "→ 88 rows = list(query)"
assert_screen_has many-frames "→ 5 result.extend(walk(child, depth + 1))"
assert_screen_has many-frames "depth = 493"
assert_screen_has go "→ 25 sentry.CaptureException(err)"
assert_screen native-end
assert_screen_has native-end "not displayed: debugmeta"
assert_screen_has context "Authorization ********"
assert_screen_lacks context "secret-token-123"
assert_screen_lacks context "sessionid=abc"
finish
