/* The sanitizer is the security boundary for server text (ARCHITECTURE.md rule 3): these tests
 * feed it what an attacker with a public DSN could put into an event and assert what
 * the user would see instead. */
/* wcwidth() is XSI (the ncursesw pkg-config flags usually define this already). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "tui/sanitize.h"
#include "util/strbuf.h"

#define FFFD "\xEF\xBF\xBD" /* U+FFFD as UTF-8 */

/* ---- helpers ---- */

/* The sanitized one-line text of s, clipped; the caller frees it. */
static char *clip(const char *s, int max_width, bool ellipsis, int *width)
{
	struct strbuf out = STRBUF_INIT;
	int w = sanitize_to_utf8(s, max_width, ellipsis, &out);
	if (width)
		*width = w;
	return strbuf_detach(&out);
}

static char *clean(const char *s)
{
	return clip(s, -1, false, NULL);
}

#define assert_clean(input, expected)                    \
	do {                                             \
		char *got_ = clean(input);               \
		assert_string_equal(got_, expected);     \
		free(got_);                              \
	} while (0)

/* Decode [s, s+len) into at most max glyphs; returns how many there were. */
static int glyphs(const char *s, size_t len, unsigned flags, struct glyph *out, int max)
{
	const char *p = s, *end = s + len;
	struct glyph g;
	int n = 0;
	while (sanitize_next(&p, end, flags, &g)) {
		if (n < max)
			out[n] = g;
		n++;
	}
	assert_ptr_equal(p, end);
	return n;
}

/* Encode one code point (test-side, independent of the code under test). */
static void utf8(uint32_t cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		buf[1] = 0;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		buf[2] = 0;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		buf[3] = 0;
	} else {
		buf[0] = (char)(0xF0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (cp & 0x3F));
		buf[4] = 0;
	}
}

/* ---- escape sequences: none may reach the terminal ---- */

static void test_esc_alone(void **state)
{
	struct glyph g[4];
	assert_int_equal(glyphs("\x1b", 1, 0, g, 4), 1);
	assert_int_equal(g[0].kind, GLYPH_MARK);
	assert_int_equal(g[0].width, 2);
	assert_int_equal(g[0].nwc, 2);
	assert_true(g[0].wc[0] == L'^' && g[0].wc[1] == L'[');

	assert_clean("a\x1b" "b", "a^[b");
	assert_int_equal(sanitize_width("a\x1b" "b"), 4);
}

static void test_csi_clear_screen(void **state)
{
	char *out = clean("before\x1b[2Jafter");
	assert_string_equal(out, "before^[[2Jafter");
	assert_null(strchr(out, 0x1b));
	free(out);
	assert_clean("\x1b[31mred\x1b[0m", "^[[31mred^[[0m");
	assert_clean("\x1b[10;10H", "^[[10;10H");
}

static void test_osc_set_title(void **state)
{
	char *out = clean("\x1b]0;pwned\x07title");
	assert_string_equal(out, "^[]0;pwned^Gtitle");
	assert_null(strchr(out, 0x1b));
	assert_null(strchr(out, 0x07));
	free(out);
}

static void test_osc52_clipboard(void **state)
{
	/* BEL-terminated and ST-terminated forms. */
	char *out = clean("\x1b]52;c;aGk=\x07");
	assert_string_equal(out, "^[]52;c;aGk=^G");
	assert_null(strchr(out, 0x1b));
	free(out);
	out = clean("\x1b]52;c;aGk=\x1b\\");
	assert_string_equal(out, "^[]52;c;aGk=^[\\");
	assert_null(strchr(out, 0x1b));
	free(out);
}

/* ---- C0, TAB, LF, CR, BS, DEL ---- */

static void test_c0_controls_caret_form(void **state)
{
	for (unsigned c = 0; c < 0x20; c++) {
		if (c == '\t' || c == '\n' || c == '\r')
			continue; /* have their own tests */
		char in[1] = { (char)c };
		struct glyph g[2];
		assert_int_equal(glyphs(in, 1, 0, g, 2), 1);
		assert_int_equal(g[0].kind, GLYPH_MARK);
		assert_int_equal(g[0].width, 2);
		assert_int_equal(g[0].nwc, 2);
		assert_int_equal(g[0].wc[0], L'^');
		assert_int_equal(g[0].wc[1], (wchar_t)('@' + c));
	}
	/* NUL can only arrive through sanitize_next with an explicit end. */
	struct glyph g[4];
	assert_int_equal(glyphs("a\0b", 3, 0, g, 4), 3);
	assert_int_equal(g[1].wc[0], L'^');
	assert_int_equal(g[1].wc[1], L'@');

	assert_clean("\x01\x1f", "^A^_");
	assert_clean("bell\x07", "bell^G");
	assert_clean("vt\x0b" "ff\x0c", "vt^Kff^L");
}

static void test_tab_is_one_space(void **state)
{
	struct glyph g[4];
	assert_int_equal(glyphs("\t", 1, 0, g, 4), 1);
	assert_int_equal(g[0].kind, GLYPH_TEXT);
	assert_int_equal(g[0].width, 1);
	assert_int_equal(g[0].wc[0], L' ');
	assert_clean("a\tb\t\tc", "a b  c");
	assert_int_equal(sanitize_width("a\tb"), 3);
}

static void test_lf_one_line_shows_return_symbol(void **state)
{
	struct glyph g[4];
	assert_int_equal(glyphs("a\nb", 3, 0, g, 4), 3);
	assert_int_equal(g[1].kind, GLYPH_MARK);
	assert_int_equal(g[1].width, 1);
	assert_int_equal(g[1].wc[0], 0x23CE);
	assert_clean("line1\nline2", "line1\u23CEline2");
	assert_int_equal(sanitize_width("a\nb"), 3);
}

static void test_lf_multiline_ends_line(void **state)
{
	struct glyph g[8];
	assert_int_equal(glyphs("a\n\nb", 4, SANITIZE_MULTILINE, g, 8), 4);
	assert_int_equal(g[0].kind, GLYPH_TEXT);
	assert_int_equal(g[1].kind, GLYPH_NEWLINE);
	assert_int_equal(g[1].width, 0);
	assert_int_equal(g[2].kind, GLYPH_NEWLINE);
	assert_int_equal(g[3].kind, GLYPH_TEXT);
	assert_int_equal(g[3].wc[0], L'b');
}

static void test_cr(void **state)
{
	/* A lone CR would let "EVIL" overwrite "safe" on a terminal. */
	assert_clean("safe\rEVIL", "safe^MEVIL");
	assert_clean("end\r", "end^M");
	assert_clean("a\r\rb", "a^M^Mb");
	/* CR LF is one line break, in both modes. */
	assert_clean("a\r\nb", "a\u23CEb");
	struct glyph g[8];
	assert_int_equal(glyphs("a\r\nb", 4, SANITIZE_MULTILINE, g, 8), 3);
	assert_int_equal(g[1].kind, GLYPH_NEWLINE);
	/* Only the CR right before the LF goes. */
	assert_int_equal(glyphs("a\r\r\nb", 5, SANITIZE_MULTILINE, g, 8), 4);
	assert_int_equal(g[1].kind, GLYPH_MARK);
	assert_int_equal(g[2].kind, GLYPH_NEWLINE);
}

static void test_backspace(void **state)
{
	/* "password\b\b\b\b\b\b\b\bhunter2" must not visually erase anything. */
	assert_clean("abc\b\b\bxyz", "abc^H^H^Hxyz");
	assert_int_equal(sanitize_width("abc\b\b\bxyz"), 12);
}

static void test_del(void **state)
{
	struct glyph g[2];
	assert_int_equal(glyphs("\x7f", 1, 0, g, 2), 1);
	assert_int_equal(g[0].kind, GLYPH_MARK);
	assert_int_equal(g[0].width, 2);
	assert_clean("a\x7f" "b", "a^?b");
}

/* ---- C1 ---- */

static void test_c1_as_utf8(void **state)
{
	struct glyph g[2];
	assert_int_equal(glyphs("\xc2\x9b", 2, 0, g, 2), 1);
	assert_int_equal(g[0].kind, GLYPH_MARK);
	assert_int_equal(g[0].width, 4);
	assert_int_equal(g[0].nwc, 4);
	assert_clean("\xc2\x9b" "2J", "\\x9b2J");
	assert_int_equal(sanitize_width("\xc2\x9b" "2J"), 6);

	/* Every C1 code point, including NEL (U+0085) and OSC (U+009D). */
	for (uint32_t cp = 0x80; cp <= 0x9F; cp++) {
		char in[8], want[8];
		utf8(cp, in);
		snprintf(want, sizeof want, "\\x%02x", (unsigned)cp);
		assert_clean(in, want);
	}
}

static void test_c1_as_raw_byte(void **state)
{
	/* 0x9b on its own is the 8-bit CSI in some terminals, and invalid UTF-8. */
	struct glyph g[4];
	assert_int_equal(glyphs("\x9b" "2J", 3, 0, g, 4), 3);
	assert_int_equal(g[0].kind, GLYPH_MARK);
	assert_int_equal(g[0].wc[0], 0xFFFD);
	assert_clean("\x9b" "2J", FFFD "2J");
	assert_clean("\x9d" "0;x\x9c", FFFD "0;x" FFFD);
}

/* ---- bidi, zero-width, other invisible format characters ---- */

static void test_bidi_controls_are_shown(void **state)
{
	static const uint32_t bidi[] = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
					 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C };
	for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
		char ch[8], in[16];
		utf8(bidi[i], ch);
		snprintf(in, sizeof in, "a%sb", ch);
		struct glyph g[4];
		assert_int_equal(glyphs(in, strlen(in), 0, g, 4), 3);
		assert_int_equal(g[1].kind, GLYPH_MARK);
		assert_int_equal(g[1].width, 1);
		assert_int_equal(g[1].wc[0], 0xFFFD);
		assert_clean(in, "a" FFFD "b");
	}
	/* Trojan Source: an RLO must not make the text read backwards. */
	assert_clean("access \u202Eresu\u2066 level", "access " FFFD "resu" FFFD " level");
}

static void test_zero_width_chars_are_dropped(void **state)
{
	static const uint32_t invisible[] = { 0x200B, 0x200C, 0x200D, 0x2060,
					      0xFEFF, 0x00AD, 0x180E };
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++) {
		char ch[8], in[32];
		utf8(invisible[i], ch);
		snprintf(in, sizeof in, "%sa%s%sb%s", ch, ch, ch, ch);
		assert_clean(in, "ab");
		assert_int_equal(sanitize_width(in), 2);
		/* sanitize_next skips them and returns the next real glyph. */
		struct glyph g[4];
		assert_int_equal(glyphs(in, strlen(in), 0, g, 4), 2);
		assert_int_equal(g[0].wc[0], L'a');
		assert_int_equal(g[1].wc[0], L'b');
		/* Nothing but invisible characters: no glyph at all. */
		assert_int_equal(glyphs(ch, strlen(ch), 0, g, 4), 0);
	}
}

static void test_other_format_chars_are_shown(void **state)
{
	/* Invisible operators, shaping controls, annotations, tag characters ("ASCII
	 * smuggling") and line/paragraph separators would be invisible or worse. */
	static const uint32_t hidden[] = { 0x2061, 0x2064, 0x206A, 0x206F, 0xFFF9, 0xFFFB,
					   0xE0001, 0xE0041, 0xE007F, 0x2028, 0x2029, 0x0378,
					   0x1D173 };
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		char ch[8], in[16];
		utf8(hidden[i], ch);
		snprintf(in, sizeof in, "a%s", ch);
		assert_clean(in, "a" FFFD);
	}
}

/* ---- invalid UTF-8: one U+FFFD per bad byte ---- */

static void test_invalid_utf8(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "\x80", FFFD },                               /* lone continuation */
		{ "a\xbf" "b", "a" FFFD "b" },
		{ "\xc0\xaf", FFFD FFFD },                      /* overlong '/' */
		{ "\xc1\xbf", FFFD FFFD },
		{ "\xe0\x80\xaf", FFFD FFFD FFFD },             /* overlong, 3 bytes */
		{ "\xf0\x80\x80\xaf", FFFD FFFD FFFD FFFD },    /* overlong, 4 bytes */
		{ "\xe2\x82", FFFD FFFD },                      /* truncated euro sign */
		{ "\xe2\x82" "A", FFFD FFFD "A" },              /* ... the A survives */
		{ "\xf0\x9f\x98", FFFD FFFD FFFD },             /* truncated emoji */
		{ "\xed\xa0\x80", FFFD FFFD FFFD },             /* surrogate U+D800 */
		{ "\xed\xbf\xbf", FFFD FFFD FFFD },             /* surrogate U+DFFF */
		{ "\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD },    /* U+110000 */
		{ "\xf5\x80\x80\x80", FFFD FFFD FFFD FFFD },    /* F5 lead */
		{ "\xf8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD },
		{ "\xfe\xff", FFFD FFFD },
		{ "\xc3" "(", FFFD "(" },                       /* lead without continuation */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_clean(cases[i].in, cases[i].want);
		assert_int_equal(sanitize_width(cases[i].in), sanitize_width(cases[i].want));
	}
	/* The shortest valid encodings at each length still decode. */
	assert_clean("\xc2\xa0", "\xc2\xa0");                 /* U+00A0 */
	assert_clean("\xe0\xa0\x80", "\xe0\xa0\x80");         /* U+0800 */
	assert_clean("\xed\x9e\xa3", "\xed\x9e\xa3");         /* U+D7A3, below surrogates */
	assert_clean("\xee\x80\x80", "\xee\x80\x80");         /* U+E000, above them */
	assert_clean("\xf0\x90\x80\x80", "\xf0\x90\x80\x80"); /* U+10000 */
}

/* ---- widths ---- */

static void test_cjk_is_two_cells(void **state)
{
	struct glyph g[4];
	assert_int_equal(glyphs("漢字", strlen("漢字"), 0, g, 4), 2);
	assert_int_equal(g[0].width, 2);
	assert_int_equal(g[0].kind, GLYPH_TEXT);
	assert_int_equal(sanitize_width("漢字"), 4);
	assert_int_equal(sanitize_width("a漢b"), 4);
	assert_int_equal(sanitize_width("ｈｉ"), 4); /* fullwidth Latin */
	assert_clean("日本語のエラー", "日本語のエラー");
}

static void test_emoji_is_two_cells(void **state)
{
	assert_int_equal(sanitize_width("\U0001F600"), 2);
	assert_int_equal(sanitize_width("ok \U0001F44D"), 5);
	/* ZWJ is dropped: a family shows as its members, each 2 cells. */
	assert_clean("\U0001F468\u200D\U0001F469", "\U0001F468\U0001F469");
	assert_int_equal(sanitize_width("\U0001F468\u200D\U0001F469"), 4);
	/* VS16 is dropped, so every terminal draws the heart in the 1 cell we count. */
	assert_clean("\u2764\uFE0F", "\u2764");
	assert_int_equal(sanitize_width("\u2764\uFE0F"), 1);
}

static void test_combining_marks(void **state)
{
	struct glyph g[4];
	/* e + COMBINING ACUTE is one glyph, one cell. */
	assert_int_equal(glyphs("e\u0301", strlen("e\u0301"), 0, g, 4), 1);
	assert_int_equal(g[0].kind, GLYPH_TEXT);
	assert_int_equal(g[0].width, 1);
	assert_int_equal(g[0].nwc, 2);
	assert_int_equal(g[0].wc[0], L'e');
	assert_int_equal(g[0].wc[1], 0x0301);
	assert_clean("caf" "e\u0301", "caf" "e\u0301");
	assert_int_equal(sanitize_width("caf" "e\u0301"), 4);

	/* "Zalgo": only SANITIZE_MAX_COMBINING marks stay. */
	const char *zalgo = "e\u0301\u0302\u0303\u0304\u0305\u0306x";
	assert_int_equal(glyphs(zalgo, strlen(zalgo), 0, g, 4), 2);
	assert_int_equal(g[0].nwc, 1 + SANITIZE_MAX_COMBINING);
	assert_int_equal(g[0].width, 1);
	assert_int_equal(g[0].wc[3], 0x0303);
	assert_int_equal(g[1].wc[0], L'x');
	assert_clean(zalgo, "e\u0301\u0302\u0303x");

	/* Leading marks, and marks after a stand-in, have nothing to attach to. */
	assert_clean("\u0301x", "x");
	assert_clean("\x1b\u0301x", "^[x");
	assert_clean("\x80\u0301", FFFD);
	/* A wide base keeps its width. */
	assert_int_equal(sanitize_width("漢\u0301"), 2);
	/* Dropped characters are transparent: the mark still finds its base. */
	assert_clean("e\u200B\u0301", "e\u0301");
}

/* ---- clipping ---- */

static void test_clip_without_ellipsis(void **state)
{
	int w;
	char *out = clip("hello world", 5, false, &w);
	assert_string_equal(out, "hello");
	assert_int_equal(w, 5);
	free(out);

	out = clip("hello", 5, true, &w); /* fits: no ellipsis */
	assert_string_equal(out, "hello");
	assert_int_equal(w, 5);
	free(out);

	out = clip("hello", 0, false, &w);
	assert_string_equal(out, "");
	assert_int_equal(w, 0);
	free(out);

	/* A marker is never split: "^[" does not fit into 1 cell. */
	out = clip("a\x1b", 2, false, &w);
	assert_string_equal(out, "a");
	assert_int_equal(w, 1);
	free(out);
}

static void test_clip_with_ellipsis(void **state)
{
	int w;
	char *out = clip("hello world", 5, true, &w);
	assert_string_equal(out, "hell\u2026");
	assert_int_equal(w, 5);
	free(out);

	out = clip("hello", 1, true, &w);
	assert_string_equal(out, "\u2026");
	assert_int_equal(w, 1);
	free(out);

	out = clip("hello", 0, true, &w); /* no room even for the ellipsis */
	assert_string_equal(out, "");
	assert_int_equal(w, 0);
	free(out);

	out = clip("line1\nline2", 7, true, &w);
	assert_string_equal(out, "line1\u23CE\u2026");
	assert_int_equal(w, 7);
	free(out);
}

static void test_clip_never_splits_wide_chars(void **state)
{
	int w;
	/* 5 cells, glyphs of 2: the third would need cells 5-6, so it is dropped whole. */
	char *out = clip("漢字漢", 5, false, &w);
	assert_string_equal(out, "漢字");
	assert_int_equal(w, 4);
	free(out);

	out = clip("漢字漢", 5, true, &w); /* 4 cells of text + the ellipsis */
	assert_string_equal(out, "漢字\u2026");
	assert_int_equal(w, 5);
	free(out);

	out = clip("漢字漢", 4, true, &w); /* only 3 cells before "…": one stays empty */
	assert_string_equal(out, "漢\u2026");
	assert_int_equal(w, 3);
	free(out);

	out = clip("漢", 1, false, &w);
	assert_string_equal(out, "");
	assert_int_equal(w, 0);
	free(out);

	out = clip("ab\U0001F600", 3, false, &w);
	assert_string_equal(out, "ab");
	assert_int_equal(w, 2);
	free(out);
}

/* ---- empty, NULL, appending ---- */

static void test_empty_and_null(void **state)
{
	struct strbuf out = STRBUF_INIT;
	assert_int_equal(sanitize_to_utf8(NULL, -1, true, &out), 0);
	assert_int_equal(sanitize_to_utf8("", -1, true, &out), 0);
	assert_int_equal(sanitize_to_utf8("", 0, true, &out), 0);
	assert_string_equal(strbuf_str(&out), "");
	assert_int_equal(sanitize_width(NULL), 0);
	assert_int_equal(sanitize_width(""), 0);

	const char *empty = "";
	const char *p = empty;
	struct glyph g;
	assert_false(sanitize_next(&p, empty, 0, &g));
	assert_ptr_equal(p, empty);
	strbuf_free(&out);
}

static void test_appends_to_existing_text(void **state)
{
	struct strbuf out = STRBUF_INIT;
	strbuf_adds(&out, "title: ");
	/* "^[" cannot be split, so "…" follows "ab" and one cell stays free. */
	assert_int_equal(sanitize_to_utf8("ab\x1b" "cd", 4, true, &out), 3);
	assert_string_equal(strbuf_str(&out), "title: ab\u2026");
	strbuf_free(&out);
}

/* ---- properties over pseudo-random input ---- */

static uint64_t rng_state = 0x5EED5A4171CE0001ull;

static uint32_t rng(void)
{
	/* xorshift64*: fixed seed, so a failure reproduces. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32);
}

/* Pieces an attacker (or a broken SDK) would use, mixed with random bytes and code points. */
static const char *const interesting[] = {
	"\x1b", "\x1b[", "\x1b]52;c;", "\x07", "\x1b\\", "\r", "\n", "\r\n", "\t", "\b", "\x7f",
	"\xc2\x9b", "\xc2\x9d", "\x9b", "\xc2\x85", "\u202E", "\u2066", "\u200F", "\u061C",
	"\u200B", "\u200D", "\uFEFF", "\u00AD", "\uFE0F", "\U000E0041", "\u2028", "\u0301",
	"\u0308", "\u20DD", "\u1160", "漢", "\U0001F600", "\U0001F3FD", "\xe2\x82", "\xed\xa0\x80",
	"\xc0\xaf", "\xf4\x90\x80\x80", "\xf0\x9f\x98", "\x80", "\xff", "a", " ", "é",
};

static size_t random_input(char *buf, size_t cap)
{
	size_t len = 0;
	size_t pieces = rng() % 24;
	for (size_t i = 0; i < pieces; i++) {
		char piece[8];
		const char *add = piece;
		switch (rng() % 4) {
		case 0: /* any byte */
			piece[0] = (char)(rng() & 0xFF);
			piece[1] = 0;
			break;
		case 1: { /* any scalar value, well encoded */
			uint32_t cp = rng() % 0x110000;
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xFFFD;
			utf8(cp, piece);
			break;
		}
		case 2: /* a low code point: controls, Latin, combining, bidi area */
			utf8(rng() % 0x2100, piece);
			break;
		default:
			add = interesting[rng() % (sizeof interesting / sizeof interesting[0])];
			break;
		}
		size_t n = strlen(add);
		if (add[0] == '\0')
			n = 1; /* a NUL byte: only sanitize_next sees past it */
		if (len + n >= cap)
			break;
		memcpy(buf + len, add, n);
		len += n;
	}
	buf[len] = '\0';
	return len;
}

static bool forbidden_code_point(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C ||
	       (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
	       cp == 0x00AD || cp == 0x180E || (cp >= 0xE0000 && cp <= 0xE007F) ||
	       cp == 0x2028 || cp == 0x2029 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

/* Checks the output invariants with a decoder of its own (strict UTF-8) and returns
 * the display width it computes from wcwidth(). */
static int check_output(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int width = 0;
	int marks_in_a_row = 0;
	bool at_start = true;
	while (*p) {
		uint32_t cp;
		int len;
		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else if (*p >= 0xC2 && *p <= 0xDF) {
			cp = *p & 0x1F;
			len = 2;
		} else if (*p >= 0xE0 && *p <= 0xEF) {
			cp = *p & 0x0F;
			len = 3;
		} else {
			assert_true(*p >= 0xF0 && *p <= 0xF4);
			cp = *p & 0x07;
			len = 4;
		}
		for (int i = 1; i < len; i++) {
			assert_int_equal(p[i] & 0xC0, 0x80);
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		static const uint32_t smallest[5] = { 0, 0, 0x80, 0x800, 0x10000 };
		assert_true(cp >= smallest[len]); /* not overlong */
		assert_false(forbidden_code_point(cp));
		int w = wcwidth((wchar_t)cp);
		assert_true(w >= 0);
		if (w == 0) {
			assert_false(at_start); /* a mark always has a base */
			assert_true(++marks_in_a_row <= SANITIZE_MAX_COMBINING);
		} else {
			marks_in_a_row = 0;
		}
		width += w;
		at_start = false;
		p += len;
	}
	return width;
}

static void test_property_random_bytes(void **state)
{
	char in[256];
	for (int iter = 0; iter < 5000; iter++) {
		size_t len = random_input(in, sizeof in);

		/* Glyph level, multi-line, NUL bytes included. */
		const char *p = in;
		struct glyph g;
		while (sanitize_next(&p, in + len, SANITIZE_MULTILINE, &g)) {
			assert_true(g.nwc >= 0 && g.nwc <= GLYPH_MAX_WC);
			if (g.kind == GLYPH_NEWLINE) {
				assert_int_equal(g.width, 0);
				continue;
			}
			assert_true(g.width >= 1 && g.width <= GLYPH_MAX_WC);
			assert_true(g.nwc >= 1);
			for (int i = 0; i < g.nwc; i++)
				assert_false(forbidden_code_point((uint32_t)g.wc[i]));
			if (g.kind == GLYPH_MARK && g.nwc > 1)
				assert_int_equal(g.width, g.nwc);
			if (g.kind == GLYPH_TEXT)
				assert_int_equal(g.width, wcwidth(g.wc[0]));
		}
		assert_ptr_equal(p, in + len);

		/* String level, one-line; the string ends at the first NUL. */
		int full_width;
		char *full = clip(in, -1, false, &full_width);
		assert_int_equal(check_output(full), full_width);
		assert_int_equal(sanitize_width(in), full_width);
		char *again = clean(full); /* sanitizing is idempotent */
		assert_string_equal(again, full);
		free(again);

		static const int limits[] = { 0, 1, 2, 3, 5, 8, 13 };
		for (size_t l = 0; l < sizeof limits / sizeof limits[0]; l++) {
			for (int ellipsis = 0; ellipsis < 2; ellipsis++) {
				int w;
				char *cut = clip(in, limits[l], ellipsis, &w);
				assert_int_equal(check_output(cut), w);
				assert_true(w <= limits[l]);
				if (full_width <= limits[l]) {
					assert_string_equal(cut, full); /* fits: untouched */
				} else {
					size_t keep = strlen(cut);
					if (ellipsis && limits[l] > 0) {
						assert_true(keep >= 3);
						assert_string_equal(cut + keep - 3, "\u2026");
						keep -= 3;
					}
					/* Clipped text is a prefix of the full text, short of
					 * the limit by less than the widest glyph (a 4-cell
					 * "\x9b" marker) that did not fit. */
					assert_memory_equal(cut, full, keep);
					assert_true(w > limits[l] - GLYPH_MAX_WC);
				}
				free(cut);
			}
		}
		free(full);
	}
}

static int setup_locale(void **state)
{
	/* wcwidth() needs a UTF-8 locale, as the program sets up at start. */
	if (!setlocale(LC_ALL, "C.UTF-8") || wcwidth(0x6F22) != 2) {
		fprintf(stderr, "test_sanitize: C.UTF-8 locale not available\n");
		return -1;
	}
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_esc_alone),
		cmocka_unit_test(test_csi_clear_screen),
		cmocka_unit_test(test_osc_set_title),
		cmocka_unit_test(test_osc52_clipboard),
		cmocka_unit_test(test_c0_controls_caret_form),
		cmocka_unit_test(test_tab_is_one_space),
		cmocka_unit_test(test_lf_one_line_shows_return_symbol),
		cmocka_unit_test(test_lf_multiline_ends_line),
		cmocka_unit_test(test_cr),
		cmocka_unit_test(test_backspace),
		cmocka_unit_test(test_del),
		cmocka_unit_test(test_c1_as_utf8),
		cmocka_unit_test(test_c1_as_raw_byte),
		cmocka_unit_test(test_bidi_controls_are_shown),
		cmocka_unit_test(test_zero_width_chars_are_dropped),
		cmocka_unit_test(test_other_format_chars_are_shown),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_cjk_is_two_cells),
		cmocka_unit_test(test_emoji_is_two_cells),
		cmocka_unit_test(test_combining_marks),
		cmocka_unit_test(test_clip_without_ellipsis),
		cmocka_unit_test(test_clip_with_ellipsis),
		cmocka_unit_test(test_clip_never_splits_wide_chars),
		cmocka_unit_test(test_empty_and_null),
		cmocka_unit_test(test_appends_to_existing_text),
		cmocka_unit_test(test_property_random_bytes),
	};
	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
