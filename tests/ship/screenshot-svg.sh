# The screenshot pipeline: a real tmux pane's capture (capture-pane -e) of the stream
# becomes an SVG that holds the screen's text, cell for cell, with its colours (the header
# bar, the cursor row, red error letters, bold counts); each SGR form the converter knows
# lands as the colour or attribute it means; rsvg-convert makes a PNG of it; and every
# picture make screenshots draws is committed and small.
. "$(dirname "$0")/../lib/screen.sh"
. "$ROOT/tests/lib/tmux.sh"
trap 'tmux_stop; cleanup' EXIT
CONVERT="python3 $ROOT/scripts/ansi2svg.py"

# 1. Every SGR form, exactly: one cell each so nothing depends on the grid layout.
printf 'a\e[1mb\e[22;2mc\e[22;4md\e[24;7me\e[27;31mf\e[91mg\e[38;5;208mh\e[38;2;1;2;3mi\e[38:2::4:5:6mj\e[0;44mk\e[m' |
	$CONVERT --cols 20 --rows 1 >"$TEST_DIR/sgr.svg" || fail "ansi2svg failed on SGR forms"
python3 - "$TEST_DIR/sgr.svg" <<'PY' || fail "SGR forms are not rendered as they mean"
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
texts = {t.text: t.attrib for t in root.iter("{http://www.w3.org/2000/svg}text")}
def check(ch, **want):
    got = texts.get(ch)
    assert got is not None, "no text element for %r in %r" % (ch, texts)
    for k, v in want.items():
        k = k.replace("_", "-")
        assert got.get(k) == v, (ch, k, got.get(k), v)
check("a", fill="#d0d0d0")
check("b", font_weight="bold")
check("c", fill_opacity="0.6")
assert "font-weight" not in texts["c"], "22 did not end bold"
check("e", fill="#1c1c1c")                 # reverse: the default background as text colour
check("f", fill="#cd3131")                 # 31 red
check("g", fill="#f14c4c")                 # 91 bright red
check("h", fill="#ff8700")                 # 256-colour 208
check("i", fill="#010203")                 # 24-bit, semicolons
check("j", fill="#040506")                 # 24-bit, colons with a colour space id
check("k", fill="#d0d0d0")                 # 0 reset the colour
rects = [r.attrib for r in root.iter("{http://www.w3.org/2000/svg}rect")]
fills = [r.get("fill") for r in rects]
assert "#d0d0d0" in fills, "reverse video has no light background cell: %r" % fills
assert "#2472c8" in fills, "44 blue background missing: %r" % fills
lines = [l.attrib for l in root.iter("{http://www.w3.org/2000/svg}line")]
assert len(lines) == 1, "underline of d: %r" % lines
PY

# A wide character takes two cells: what follows it sits in the third.
printf 'x日y' | $CONVERT --cols 10 --rows 1 | grep -q '<text x="35.2" y="23.5" fill="#d0d0d0">y</text>' ||
	fail "a wide character does not take two cells"

# 2. A real pane: the stream at 100x20 in tmux, captured with its attributes.
server_start
tmux_start 100 20
tmux_wait_settled "issues" # the two captures below must see the same screen
T capture-pane -t t -e -p -N >"$TEST_DIR/pane.ansi"
tmux_screen >"$TEST_DIR/pane.txt"
grep -q $'\e\\[' "$TEST_DIR/pane.ansi" || fail "capture-pane -e gave no attributes"
$CONVERT --cols 100 --rows 20 --title stream <"$TEST_DIR/pane.ansi" >"$TEST_DIR/pane.svg" ||
	fail "ansi2svg failed on a real pane"
python3 - "$TEST_DIR/pane.svg" "$TEST_DIR/pane.txt" <<'PY' || fail "the SVG does not hold the screen"
import sys, xml.etree.ElementTree as ET
SVG = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
screen = open(sys.argv[2], encoding="utf-8").read().split("\n")
PAD, CW, CH = 10, 8.4, 18
assert float(root.get("width")) == PAD * 2 + 100 * CW, root.get("width")
assert float(root.get("height")) == PAD * 2 + 20 * CH, root.get("height")
# Rebuild the screen from the text elements by their coordinates: it must match the pane.
grid = [[" "] * 100 for _ in range(20)]
for t in root.iter(SVG + "text"):
    col = round((float(t.get("x")) - PAD) / CW)
    row = int((float(t.get("y")) - PAD) // CH)
    for i, ch in enumerate(t.text):
        grid[row][col + i] = ch
blocks = set("▁▂▃▄▅▆▇█▏▎▍▌▋▊▉░▒▓▀▐")
for row in range(20):
    want = "".join(" " if c in blocks else c for c in screen[row].ljust(100)[:100])
    got = "".join(grid[row]).rstrip()
    assert got == want.rstrip(), "row %d:\n svg:  %r\n pane: %r" % (row, got, want.rstrip())
texts = [t for t in root.iter(SVG + "text")]
rect_fills = [r.get("fill") for r in root.iter(SVG + "rect")]
# the default theme on tmux-256color is the 256-colour one: the header bar deep blue (24),
# the cursor row light cyan (116), error letters red (196), counts bold
assert rect_fills.count("#005f87") >= 1, "no blue header bar"
assert "#87d7d7" in rect_fills, "no cyan cursor row"
assert any(t.text == "E" and t.get("fill") == "#ff0000" for t in texts), "no red E level letter"
assert any(t.get("font-weight") == "bold" for t in texts), "nothing bold"
assert any("BACKEND-4B" in t.text for t in texts), "BACKEND-4B is not in the SVG"
PY
if command -v rsvg-convert >/dev/null; then
	rsvg-convert "$TEST_DIR/pane.svg" -o "$TEST_DIR/pane.png" || fail "rsvg-convert cannot render the SVG"
	head -c 8 "$TEST_DIR/pane.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || fail "rsvg-convert made no PNG"
else
	fail "rsvg-convert is not installed (librsvg2-bin; scripts/install-deps.sh)"
fi

# 3. Every picture the script draws is committed, and small.
for name in $(sed -n 's/^picture \([a-z0-9-]*\) .*/\1/p' "$ROOT/scripts/screenshots.sh"); do
	png=$ROOT/screenshots/$name.png
	if [ ! -f "$png" ]; then
		fail "screenshots/$name.png is missing (make screenshots)"
	elif [ "$(stat -c %s "$png")" -gt 100000 ]; then
		fail "screenshots/$name.png is $(stat -c %s "$png") bytes; keep pictures small"
	fi
done
finish
