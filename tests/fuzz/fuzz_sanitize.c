/* libFuzzer target for the untrusted-text sanitizer (ARCHITECTURE.md rule 3).
 *
 * Properties, for any bytes:
 *   - sanitize_next() always advances to the end, and every glyph is well formed:
 *     no control, C1, bidi or zero-width code point, widths that match wcwidth();
 *   - sanitize_to_utf8() output is valid UTF-8 with no byte below 0x20, no DEL, no C1,
 *     bidi or zero-width code point, and its width (recomputed with wcwidth()) equals
 *     the returned width and never exceeds the limit;
 *   - sanitize_width() agrees with sanitize_to_utf8(), and sanitizing is idempotent.
 * Each input is checked as it is, and once more (when it has one) with every "0xFF k"
 * pair replaced by token k of a table of hostile sequences, so that the fuzzer reaches
 * bidi controls, tag characters and the like without first having to guess their 3- or
 * 4-byte encodings. Violations abort(), which libFuzzer reports as a crash.
 * See tests/fuzz/README.md. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/sanitize.h"
#include "util/strbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define check(cond)                                                                   \
	do {                                                                          \
		if (!(cond)) {                                                        \
			fprintf(stderr, "fuzz_sanitize: %s:%d: %s\n", __FILE__, __LINE__, \
				#cond);                                               \
			abort();                                                      \
		}                                                                     \
	} while (0)

static bool forbidden_code_point(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C ||
	       (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
	       cp == 0x00AD || cp == 0x180E || (cp >= 0xE0000 && cp <= 0xE007F) ||
	       cp == 0x2028 || cp == 0x2029 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

/* Strict UTF-8 check of the output; returns its display width. */
static int check_output(const char *s)
{
	static const uint32_t smallest[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	const unsigned char *p = (const unsigned char *)s;
	int width = 0;
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
			check(*p >= 0xF0 && *p <= 0xF4);
			cp = *p & 0x07;
			len = 4;
		}
		for (int i = 1; i < len; i++) {
			check((p[i] & 0xC0) == 0x80);
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		check(cp >= smallest[len]);
		check(!forbidden_code_point(cp));
		int w = wcwidth((wchar_t)cp);
		check(w >= 0);
		width += w;
		p += len;
	}
	return width;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8") || wcwidth(0x6F22) != 2) {
		fprintf(stderr, "fuzz_sanitize: needs the C.UTF-8 locale\n");
		abort();
	}
	return 0;
}

static void check_text(const uint8_t *data, size_t size, int max_width, bool ellipsis)
{

	/* Glyphs, both modes, raw bytes including NULs. */
	for (unsigned flags = 0; flags <= SANITIZE_MULTILINE; flags += SANITIZE_MULTILINE) {
		const char *p = (const char *)data, *end = p + size;
		struct glyph g;
		while (sanitize_next(&p, end, flags, &g)) {
			check(g.nwc >= 0 && g.nwc <= GLYPH_MAX_WC);
			if (g.kind == GLYPH_NEWLINE) {
				check(flags & SANITIZE_MULTILINE);
				check(g.width == 0);
				continue;
			}
			check(g.kind == GLYPH_TEXT || g.kind == GLYPH_MARK);
			check(g.nwc >= 1 && g.width >= 1);
			for (int i = 0; i < g.nwc; i++)
				check(!forbidden_code_point((uint32_t)g.wc[i]));
			if (g.kind == GLYPH_MARK && g.nwc > 1)
				check(g.width == g.nwc);
			else
				check(g.width == wcwidth(g.wc[0]));
		}
		check(p == end);
	}

	/* Strings: a NUL-terminated copy (it ends at the first NUL, as C strings do). */
	char *text = malloc(size + 1);
	if (!text)
		return;
	memcpy(text, data, size);
	text[size] = '\0';

	struct strbuf full = STRBUF_INIT, cut = STRBUF_INIT, again = STRBUF_INIT;
	int full_width = sanitize_to_utf8(text, -1, false, &full);
	check(check_output(strbuf_str(&full)) == full_width);
	check(sanitize_width(text) == full_width);
	check(sanitize_to_utf8(strbuf_str(&full), -1, false, &again) == full_width);
	check(strcmp(strbuf_str(&again), strbuf_str(&full)) == 0);

	int cut_width = sanitize_to_utf8(text, max_width, ellipsis, &cut);
	check(check_output(strbuf_str(&cut)) == cut_width);
	if (max_width >= 0) {
		check(cut_width <= max_width);
		if (full_width > max_width)
			check(cut_width > max_width - GLYPH_MAX_WC);
	}
	if (max_width < 0 || full_width <= max_width)
		check(strcmp(strbuf_str(&cut), strbuf_str(&full)) == 0);

	strbuf_free(&full);
	strbuf_free(&cut);
	strbuf_free(&again);
	free(text);
}

static const char *const tokens[] = {
	"\x1b", "\x1b[2J", "\x1b]0;t\x07", "\x1b]52;c;aGk=\x1b\\", "\r\n", "\r", "\n", "\t", "\b",
	"\x7f", "\xc2\x9b", "\xc2\x9d", "\xc2\x85", "\xc2\x9f",
	"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
	"\u2069", "\u200E", "\u200F", "\u061C",
	"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E", "\uFE0E", "\uFE0F",
	"\u2061", "\u206A", "\uFFF9", "\U000E0001", "\U000E0041", "\U000E007F", "\u2028",
	"\u2029", "\U0001D173", "\U00013430",
	"\u0301", "\u0308", "\u20DD", "\u1160", "\uD7B0", "\U000E0100",
	"\u6F22", "\U0001F600", "\U0001F3FD", "\u2764", "\uFF48", "\u3000", "\u0378",
	"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xf0\x9f\x98",
};

#define TOKEN_MARK 0xFF /* never valid in UTF-8, so also useful as a raw byte */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first byte picks the width limit and ellipsis; the rest is the text. */
	int max_width = -1;
	bool ellipsis = false;
	if (size > 0) {
		max_width = data[0] == 0xFF ? -1 : data[0] % 64;
		ellipsis = data[0] & 0x80;
		data++;
		size--;
	}
	check_text(data, size, max_width, ellipsis);

	/* Without a token the expanded text is the same text: checking it again would only
	 * halve the executions. */
	const uint8_t *mark = memchr(data, TOKEN_MARK, size);
	if (!mark || mark == data + size - 1)
		return 0;
	struct strbuf expanded = STRBUF_INIT;
	strbuf_add(&expanded, (const char *)data, (size_t)(mark - data));
	for (size_t i = (size_t)(mark - data); i < size; i++) {
		if (data[i] == TOKEN_MARK && i + 1 < size) {
			const char *token = tokens[data[++i] % (sizeof tokens / sizeof tokens[0])];
			strbuf_adds(&expanded, token);
		} else {
			strbuf_addc(&expanded, (char)data[i]);
		}
	}
	check_text((const uint8_t *)strbuf_str(&expanded), expanded.len, max_width, ellipsis);
	strbuf_free(&expanded);
	return 0;
}
