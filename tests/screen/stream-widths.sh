#!/usr/bin/env bash
# The stream at 80x24, 100x30 and 200x50 with realistic rows (long titles, every badge,
# assignees, bookmarks, marks): at 80 columns a title keeps at least 30 cells while the
# sparkline, assignee and counts narrow or go; the column the stream is sorted by stays
# at every width; badges are whole or absent; the header keeps query, counts and scope;
# the key hints are whole hints; read-only mode shows in the header.
. "$(dirname "$0")/../lib/screen.sh"
server_start
tui_run <<'EOF2'
:query level:error
<Space><Space>j<Space>
:resize 80x24
:screen 80x24
:resize 100x30
:screen 100x30
:resize 200x50
:screen 200x50
:resize 80x24
s
:screen 80x24-first-seen
s
:screen 80x24-events
s
:screen 80x24-users
:resize 60x20
:screen 60x20-users
EOF2
# The key hints (no message in the status line) at each width.
for size in 80x24 100x30 200x50; do
	COLUMNS=${size%x*} LINES=${size#*x} tui_run --query level:error <<EOF2
:screen hints-${size%x*}
EOF2
done
for s in 80x24 100x30 200x50 80x24-first-seen 80x24-events 80x24-users 60x20-users hints-80 \
	hints-100 hints-200; do
	assert_screen "$s"
done
python3 - "$TEST_DIR/screens" <<'PY' || fail "a layout rule is broken (see above)"
import os, re, sys
d = sys.argv[1]
bad = []
def title_width(header):
    start = header.index("ISSUE")
    rest = header[start + 5:]
    m = re.search(r"\S", rest)
    # the badge column has an empty header: the title ends where the next header starts
    # minus the badge's 6 cells when rows show badges
    return start, start + 5 + (m.start() if m else len(rest))
hints_checked = 0
for name, sort_header in [("80x24", "SEEN▼"), ("100x30", "SEEN▼"), ("200x50", "SEEN▼"),
                          ("80x24-first-seen", "AGE▼"), ("80x24-events", "EVENTS▼"),
                          ("80x24-users", "USR▼"), ("60x20-users", "USR▼"),
                          ("hints-80", "SEEN▼"), ("hints-100", "SEEN▼"), ("hints-200", "SEEN▼")]:
    lines = open(os.path.join(d, name), encoding="utf-8").read().split("\n")
    header = lines[1]
    if sort_header not in header:
        bad.append(f"{name}: the sort column {sort_header} is not shown")
    start, end = title_width(header)
    width = int(re.search(r"(\d+)", name).group(1))
    # the widest title on screen, up to its clip mark or the badge column
    widest = max((len(l[start:end - 6].rstrip()) for l in lines[2:-2] if len(l) > start), default=0)
    if width >= 80 and widest < 30:
        bad.append(f"{name}: titles get only {widest} cells")
    for line in lines[2:-2]:
        if re.search(r"\b(RESL|RES|ARCH|ARC|ESCA|ESC|REG|ONG|NE)…", line):
            bad.append(f"{name}: a badge is cut: {line}")
    hints = lines[-2] if lines[-1] == "" else lines[-1]
    if not hints.startswith("? help"):
        continue  # a message, not the hints
    hints_checked += 1
    if hints.endswith("…"):
        bad.append(f"{name}: the hints are cut: {hints}")
    for hint in filter(None, hints.strip().split("  ")):
        if not re.fullmatch(r"\S+ (help|query|sort|period|env|project|resolve|archive|assign|mark|open|refresh|quit)", hint):
            bad.append(f"{name}: not a whole hint: [{hint}]")
    top = lines[0]
    if "level:error" not in top or "all projects" not in top or "issues" not in top:
        bad.append(f"{name}: the header lost the query, the scope or the count: {top}")
if hints_checked < 3:
    bad.append(f"the hints were checked on {hints_checked} screens only")
for b in bad:
    print("   ", b)
sys.exit(1 if bad else 0)
PY
# Read-only: a badge in the header, whole, at 80 columns.
COLUMNS=80 tui_run --read-only <<'EOF2'
:screen read-only
EOF2
assert_screen read-only
head -1 "$TEST_DIR/screens/read-only" | grep -q "READ-ONLY" || fail "read-only mode is not in the header"
finish
