#!/usr/bin/env python3
"""Turn a terminal capture with SGR attributes (tmux capture-pane -e -p) into an SVG.

    ansi2svg.py --cols 120 --rows 30 [--title TEXT] < pane.ansi > pane.svg

A monospace grid: every cell at its column whatever the font's metrics (ASCII runs are
one <text>, other characters are placed one by one, wide ones take two cells), the
8/16-colour, 256-colour and 24-bit palettes, bold, dim, italic, underline, reverse and
strikethrough. Only what a terminal shows: other escape sequences are dropped.
"""
import argparse
import re
import sys
import unicodedata
from xml.sax.saxutils import escape

CELL_W = 8.4       # DejaVu Sans Mono advances 0.6 em at 14 px
CELL_H = 18
FONT_SIZE = 14
PAD = 10
DEFAULT_FG = "#d0d0d0"
DEFAULT_BG = "#1c1c1c"
# The first 16 colours as a current dark terminal theme shows them (VS Code's terminal):
# xterm's own pure blue is unreadable on a dark background.
BASE16 = ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
          "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]


def palette(n):
    """Colour n of the 256-colour palette as #rrggbb."""
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        r, g, b = steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
        return "#%02x%02x%02x" % (r, g, b)
    level = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (level, level, level)


class Style:
    __slots__ = ("fg", "bg", "bold", "dim", "italic", "underline", "reverse", "strike")

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = self.strike = False

    def key(self):
        return (self.fg, self.bg, self.bold, self.dim, self.italic, self.underline, self.reverse,
                self.strike)

    def apply(self, params):
        """Apply one SGR's parameters ("1;38;5;208", "4:3", "")."""
        fields = [p for p in params.split(";")] if params else ["0"]
        i = 0
        while i < len(fields):
            sub = fields[i].split(":")
            code = int(sub[0]) if sub[0].isdigit() else 0
            if code in (38, 48):
                colon = len(sub) > 1
                colour, used = extended_colour(sub[1:] if colon else fields[i + 1:], colon)
                if not colon:
                    i += used
                if code == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            elif code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 3:
                self.italic = True
            elif code == 4:
                self.underline = not (len(sub) > 1 and sub[1] == "0")
            elif code == 7:
                self.reverse = True
            elif code == 9:
                self.strike = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 23:
                self.italic = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.reverse = False
            elif code == 29:
                self.strike = False
            elif 30 <= code <= 37:
                self.fg = BASE16[code - 30]
            elif code == 39:
                self.fg = None
            elif 40 <= code <= 47:
                self.bg = BASE16[code - 40]
            elif code == 49:
                self.bg = None
            elif 90 <= code <= 97:
                self.fg = BASE16[code - 90 + 8]
            elif 100 <= code <= 107:
                self.bg = BASE16[code - 100 + 8]
            i += 1


def extended_colour(rest, colon):
    """After 38/48: 5;N or 2;R;G;B (with colons: 5:N, 2:R:G:B or 2:ID:R:G:B).
    Returns (#rrggbb or None, how many of rest it used)."""
    if rest[:1] == ["5"] and len(rest) > 1 and rest[1].isdigit():
        return palette(int(rest[1]) % 256), 2
    if rest[:1] == ["2"]:
        nums = rest[1:]
        if colon and len(nums) == 4:
            nums = nums[1:]  # a colour space id before the components
        nums = nums[:3]
        if len(nums) == 3 and all(n.isdigit() for n in nums):
            return "#%02x%02x%02x" % tuple(int(n) % 256 for n in nums), 4
        return None, 4
    return None, len(rest)


def width(ch):
    if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


SEQUENCE = re.compile(r"\x1b\[([0-9;:?<=>]*)([A-Za-z])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b.")


def parse(text, cols, rows):
    """The grid: rows of cells, each (char, style key) or None for a wide char's tail."""
    grid = [[(" ", Style().key()) for _ in range(cols)] for _ in range(rows)]
    style = Style()
    for y, line in enumerate(text.split("\n")[:rows]):
        x = pos = 0
        for m in SEQUENCE.finditer(line):
            x = put(grid[y], line[pos:m.start()], x, cols, style)
            pos = m.end()
            if m.group(2) == "m":
                style.apply(m.group(1))
        put(grid[y], line[pos:], x, cols, style)
    return grid


def put(row, text, x, cols, style):
    for ch in text:
        if ch < " " or ch == "\x7f":
            continue
        w = width(ch)
        if w == 0 or x + w > cols:
            continue
        row[x] = (ch, style.key())
        if w == 2:
            row[x + 1] = None
        x += w
    return x


def colours(key):
    fg, bg, bold, dim, italic, underline, reverse, strike = key
    fg, bg = fg or DEFAULT_FG, bg or DEFAULT_BG
    if reverse:
        fg, bg = bg, fg
    return fg, bg


def render(grid, cols, rows, title):
    width_px = PAD * 2 + cols * CELL_W
    height_px = PAD * 2 + rows * CELL_H
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" '
           'shape-rendering="crispEdges">'
           % (width_px, height_px, width_px, height_px)]
    if title:
        out.append("<title>%s</title>" % escape(title))
    out.append('<rect width="100%%" height="100%%" fill="%s"/>' % DEFAULT_BG)
    out.append('<g font-family="DejaVu Sans Mono, monospace" font-size="%d" xml:space="preserve">' % FONT_SIZE)
    for y, row in enumerate(grid):
        top = PAD + y * CELL_H
        baseline = top + CELL_H * 0.75
        # Backgrounds: one rect per run of the same colour.
        x = 0
        while x < cols:
            cell = row[x]
            bg = colours(cell[1])[1] if cell else None
            start = x
            while x < cols and (row[x] is None or colours(row[x][1])[1] == bg):
                x += 1
            if bg and bg != DEFAULT_BG:
                out.append('<rect x="%g" y="%g" width="%g" height="%d" fill="%s"/>'
                           % (PAD + start * CELL_W, top, (x - start) * CELL_W, CELL_H, bg))
        # Text: ASCII runs of one style together, other characters each in their cell.
        x = 0
        while x < cols:
            cell = row[x]
            if cell is None or cell[0] == " ":
                x += 1
                continue
            ch, key = cell
            start = x
            block = block_rect(ch, x, top, key)
            if block:
                out.append(block)
                x += 1
                continue
            chars = ch
            x += 1  # a wide character's second cell is None: skipped below
            if ord(ch) < 128:
                while x < cols and row[x] is not None and row[x][1] == key and ord(row[x][0]) < 128:
                    chars += row[x][0]
                    x += 1
                chars = chars.rstrip(" ")
            out.append(text_element(chars, start, baseline, key, len(chars) if ord(ch) < 128 else width(ch)))
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


# Block elements are drawn as rectangles, as a terminal draws them: glyphs of a font
# leave seams between cells and may not fill a cell's height.
LOWER = {chr(0x2581 + i): (i + 1) / 8 for i in range(8)}   # ▁▂▃▄▅▆▇█
LEFT = {chr(0x258F - i): (i + 1) / 8 for i in range(7)}    # ▏▎▍▌▋▊▉
SHADE = {"\u2591": 0.25, "\u2592": 0.5, "\u2593": 0.75}  # ░▒▓


def block_rect(ch, col, top, key):
    fg = colours(key)[0]
    x, w, y, h, opacity = PAD + col * CELL_W, CELL_W, top, CELL_H, 1
    if ch in LOWER:
        h = CELL_H * LOWER[ch]
        y = top + CELL_H - h
    elif ch in LEFT:
        w = CELL_W * LEFT[ch]
    elif ch == "\u2580":  # ▀
        h = CELL_H / 2
    elif ch == "\u2590":  # ▐
        x, w = x + CELL_W / 2, CELL_W / 2
    elif ch in SHADE:
        opacity = SHADE[ch]
    else:
        return None
    if key[3]:  # dim
        opacity *= 0.6
    return '<rect x="%g" y="%g" width="%g" height="%g" fill="%s"%s/>' % (
        x, y, w, h, fg, ' fill-opacity="%g"' % opacity if opacity != 1 else "")


def text_element(chars, col, baseline, key, cells):
    fg = colours(key)[0]
    _, _, bold, dim, italic, underline, _, strike = key
    attrs = ['x="%g"' % (PAD + col * CELL_W), 'y="%g"' % baseline, 'fill="%s"' % fg]
    if bold:
        attrs.append('font-weight="bold"')
    if italic:
        attrs.append('font-style="italic"')
    if dim:
        attrs.append('fill-opacity="0.6"')
    element = "<text %s>%s</text>" % (" ".join(attrs), escape(chars))
    lines = []
    x0, x1 = PAD + col * CELL_W, PAD + (col + cells) * CELL_W
    if underline:
        lines.append('<line x1="%g" x2="%g" y1="%g" y2="%g" stroke="%s"/>' % (x0, x1, baseline + 2.5, baseline + 2.5, fg))
    if strike:
        lines.append('<line x1="%g" x2="%g" y1="%g" y2="%g" stroke="%s"/>' % (x0, x1, baseline - 4.5, baseline - 4.5, fg))
    return element + "".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cols", type=int, required=True)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--title", default="")
    args = ap.parse_args()
    text = sys.stdin.buffer.read().decode("utf-8", "replace").replace("\r", "")
    grid = parse(text, args.cols, args.rows)
    sys.stdout.write(render(grid, args.cols, args.rows, args.title))


if __name__ == "__main__":
    main()
