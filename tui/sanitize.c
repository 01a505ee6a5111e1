/* Untrusted text -> display-safe glyphs (see sanitize.h for the mapping).
 *
 * Everything here is written so that no input can produce a glyph that a terminal would
 * interpret: every code point is classified before it is let through, and the default
 * for anything unexpected is a visible U+FFFD, never a pass-through. */

/* wcwidth() is an XSI function; _POSIX_C_SOURCE alone does not declare it. (The
 * ncursesw pkg-config flags usually define _XOPEN_SOURCE already.) */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "tui/sanitize.h"

#include <stdint.h>
#include <string.h>

#define REPLACEMENT_CHAR 0xFFFD /* "�": invalid UTF-8, bidi controls, unprintables */
#define RETURN_SYMBOL    0x23CE /* "⏎": a newline inside one-line text */
#define ELLIPSIS         0x2026 /* "…": the last cell of clipped text */

/* What one decoded code point turns into. */
enum cp_kind {
	CP_TEXT,      /* printable, width >= 1 */
	CP_COMBINING, /* width 0, attaches to the glyph before it */
	CP_DROP,      /* invisible and meaningless on screen: removed */
	CP_REPLACE,   /* hostile or unprintable: shown as U+FFFD */
	CP_CONTROL,   /* C0 or DEL: caret form */
	CP_C1,        /* U+0080-U+009F: "\x9b" form */
	CP_TAB,
	CP_NEWLINE,
};

/* Decode one UTF-8 encoded scalar value from [s, end). Returns the number of bytes it
 * used, or 0 when the bytes at s are not a complete shortest-form encoding of a value in
 * U+0000-U+10FFFF outside the surrogates. On 0 the caller consumes exactly one byte as
 * U+FFFD, so every bad byte of a broken sequence becomes its own U+FFFD and a good
 * character right after a truncated sequence is never swallowed. */
static size_t utf8_decode(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
	unsigned char lead = s[0];
	size_t len;
	uint32_t value, smallest;

	if (lead < 0x80) {
		*cp = lead;
		return 1;
	}
	if (lead >= 0xC2 && lead <= 0xDF) { /* 0xC0, 0xC1 could only encode overlongs */
		len = 2;
		value = lead & 0x1F;
		smallest = 0x80;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		len = 3;
		value = lead & 0x0F;
		smallest = 0x800;
	} else if (lead >= 0xF0 && lead <= 0xF4) { /* 0xF5.. would be above U+10FFFF */
		len = 4;
		value = lead & 0x07;
		smallest = 0x10000;
	} else {
		return 0; /* a continuation byte where a lead byte belongs, or 0xC0/0xC1/0xF5.. */
	}
	if ((size_t)(end - s) < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		value = (value << 6) | (s[i] & 0x3F);
	}
	if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
		return 0;
	*cp = value;
	return len;
}

/* Controls that reorder text (Trojan Source): shown, never obeyed. */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Invisible characters that only matter for line breaking, joining or byte order.
 * ZWJ is dropped too, so an emoji ZWJ sequence shows as its parts, each of the width
 * wcwidth() says. The emoji and text variation selectors are dropped because terminals
 * disagree on whether VS16 widens a character: without it every terminal draws the
 * base character at its wcwidth() width. */
static bool is_dropped(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
	       cp == 0x00AD || cp == 0x180E || cp == 0xFE0E || cp == 0xFE0F;
}

/* The other invisible format characters (general category Cf). glibc gives them width 0,
 * not -1, so without this list they would pass as combining marks. Tag characters hide
 * whole ASCII messages ("ASCII smuggling"), so they are made visible rather than dropped. */
static bool is_hidden_format(uint32_t cp)
{
	return (cp >= 0x2061 && cp <= 0x2064) ||   /* invisible math operators */
	       (cp >= 0x206A && cp <= 0x206F) ||   /* deprecated shaping/swapping controls */
	       (cp >= 0xFFF9 && cp <= 0xFFFB) ||   /* interlinear annotation */
	       (cp >= 0x13430 && cp <= 0x1343F) || /* Egyptian hieroglyph format controls */
	       (cp >= 0x1BCA0 && cp <= 0x1BCA3) || /* shorthand format controls */
	       (cp >= 0x1D173 && cp <= 0x1D17A) || /* musical beam/slur/phrase controls */
	       cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F); /* tags */
}

static enum cp_kind classify(uint32_t cp, int *width)
{
	*width = 1;
	if (cp >= 0x20 && cp < 0x7F) /* the common case, without a wcwidth() call */
		return CP_TEXT;
	if (cp == '\t')
		return CP_TAB;
	if (cp == '\n')
		return CP_NEWLINE;
	if (cp < 0x20 || cp == 0x7F)
		return CP_CONTROL;
	if (cp < 0xA0)
		return CP_C1;
	if (is_bidi_control(cp))
		return CP_REPLACE;
	if (is_dropped(cp))
		return CP_DROP;
	if (is_hidden_format(cp))
		return CP_REPLACE;
	int w = wcwidth((wchar_t)cp);
	if (w < 0) /* unassigned, U+2028/2029, or any non-ASCII in a non-UTF-8 locale */
		return CP_REPLACE;
	if (w == 0)
		return CP_COMBINING;
	*width = w;
	return CP_TEXT;
}

static void set_single(struct glyph *g, enum glyph_kind kind, uint32_t cp, int width)
{
	g->kind = kind;
	g->width = width;
	g->nwc = 1;
	g->wc[0] = (wchar_t)cp;
}

/* A multi-cell marker: one width-1 ASCII character per cell. */
static void set_marker(struct glyph *g, const char *cells)
{
	g->kind = GLYPH_MARK;
	g->nwc = 0;
	while (*cells && g->nwc < GLYPH_MAX_WC)
		g->wc[g->nwc++] = (wchar_t)*cells++;
	g->width = g->nwc;
}

static void set_caret(struct glyph *g, uint32_t cp)
{
	char cells[3] = { '^', cp == 0x7F ? '?' : (char)('@' + cp), '\0' };
	set_marker(g, cells);
}

static void set_c1(struct glyph *g, uint32_t cp)
{
	static const char hex[] = "0123456789abcdef";
	char cells[5] = { '\\', 'x', hex[cp >> 4], hex[cp & 0xF], '\0' };
	set_marker(g, cells);
}

/* Attach the combining marks that follow a base character, keeping at most
 * SANITIZE_MAX_COMBINING (a stack of hundreds would only smear the cell and cost time)
 * and consuming the rest. Dropped characters are skipped here as everywhere else, so
 * removing them never changes what the remaining text looks like. Returns the position
 * after the consumed marks. */
static const unsigned char *attach_combining(const unsigned char *s, const unsigned char *end,
					     struct glyph *g)
{
	while (s < end && *s >= 0x80) { /* no combining mark is ASCII */
		uint32_t cp;
		int width;
		size_t len = utf8_decode(s, end, &cp);
		if (len == 0)
			break;
		enum cp_kind kind = classify(cp, &width);
		if (kind == CP_COMBINING) {
			if (g->nwc < GLYPH_MAX_WC)
				g->wc[g->nwc++] = (wchar_t)cp;
		} else if (kind != CP_DROP) {
			break;
		}
		s += len;
	}
	return s;
}

bool sanitize_next(const char **p, const char *end, unsigned flags, struct glyph *g)
{
	const unsigned char *s = (const unsigned char *)*p;
	const unsigned char *stop = (const unsigned char *)end;
	bool found = false;

	while (!found && s < stop) {
		uint32_t cp;
		int width;
		size_t len = utf8_decode(s, stop, &cp);
		if (len == 0) { /* this one bad byte becomes U+FFFD */
			s++;
			set_single(g, GLYPH_MARK, REPLACEMENT_CHAR, 1);
			found = true;
			break;
		}
		s += len;
		found = true;
		switch (classify(cp, &width)) {
		case CP_TEXT:
			set_single(g, GLYPH_TEXT, cp, width);
			s = attach_combining(s, stop, g);
			break;
		case CP_COMBINING: /* no text glyph before it (start, or after a stand-in) */
		case CP_DROP:
			found = false;
			break;
		case CP_TAB: /* one cell: expanding to tab stops would depend on the column */
			set_single(g, GLYPH_TEXT, ' ', 1);
			break;
		case CP_NEWLINE:
			if (flags & SANITIZE_MULTILINE) {
				g->kind = GLYPH_NEWLINE;
				g->width = 0;
				g->nwc = 0;
			} else {
				set_single(g, GLYPH_MARK, RETURN_SYMBOL, 1);
			}
			break;
		case CP_CONTROL:
			/* CR LF is one line break (Windows text); a lone CR, which could
			 * overwrite the start of the line on a terminal, stays visible. */
			if (cp == '\r' && s < stop && *s == '\n')
				found = false;
			else
				set_caret(g, cp);
			break;
		case CP_C1:
			set_c1(g, cp);
			break;
		case CP_REPLACE:
			set_single(g, GLYPH_MARK, REPLACEMENT_CHAR, 1);
			break;
		}
	}
	*p = (const char *)s;
	return found;
}

int sanitize_width(const char *s)
{
	if (!s)
		return 0;
	const char *end = s + strlen(s);
	struct glyph g;
	int width = 0;
	while (sanitize_next(&s, end, 0, &g))
		width += g.width;
	return width;
}

static void add_utf8(struct strbuf *out, uint32_t cp)
{
	char bytes[4];
	size_t n;
	if (cp < 0x80) {
		bytes[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		bytes[0] = (char)(0xC0 | (cp >> 6));
		bytes[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		bytes[0] = (char)(0xE0 | (cp >> 12));
		bytes[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		bytes[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		bytes[0] = (char)(0xF0 | (cp >> 18));
		bytes[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		bytes[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		bytes[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	strbuf_add(out, bytes, n);
}

static void truncate_to(struct strbuf *out, size_t len)
{
	if (out->buf && len < out->len) {
		out->len = len;
		out->buf[len] = '\0';
	}
}

/* Clipping never splits a glyph: a wide character or a multi-cell marker that does not
 * fit is dropped whole (half a "漢" cannot be drawn, and "\x9" would misinform), so the
 * result may be up to 3 cells narrower than max_width; the return value says how wide
 * it really is and the caller pads its column. The ellipsis
 * follows the last glyph that fits in max_width - 1 cells. */
int sanitize_to_utf8(const char *s, int max_width, bool ellipsis, struct strbuf *out)
{
	if (!s)
		return 0;
	const char *end = s + strlen(s);
	struct glyph g;
	int used = 0;
	/* The longest prefix that leaves a cell free for "…", in case we must cut. */
	size_t room_for_ellipsis_len = out->len;
	int room_for_ellipsis_width = 0;

	while (sanitize_next(&s, end, 0, &g)) {
		if (max_width >= 0 && used + g.width > max_width) {
			if (!ellipsis || max_width < 1)
				return used;
			truncate_to(out, room_for_ellipsis_len);
			add_utf8(out, ELLIPSIS);
			return room_for_ellipsis_width + 1;
		}
		for (int i = 0; i < g.nwc; i++)
			add_utf8(out, (uint32_t)g.wc[i]);
		used += g.width;
		if (used < max_width) {
			room_for_ellipsis_len = out->len;
			room_for_ellipsis_width = used;
		}
	}
	return used;
}
