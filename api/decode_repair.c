/* Body repairs before jansson parses (see decode_repair.h). */
#include "api/decode_repair.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/hex.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- invalid UTF-8 ----------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (1-4), or 0 if the byte there starts none. */
static size_t utf8_valid_at(const unsigned char *p, size_t left)
{
	unsigned char c = p[0];
	size_t n;
	unsigned min;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, min = 0x80, cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, min = 0x800, cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, min = 0x10000, cp = c & 0x07;
	} else {
		return 0;
	}
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* Length of the run of ASCII bytes at the start of p. Bodies are mostly ASCII, so the
 * run is tested 32, then eight bytes at a time (a byte at 0x80 or over has its top bit
 * set): byte by byte, this check was a third of fuzz_event's time. */
static size_t ascii_run(const unsigned char *p, size_t len)
{
	const uint64_t top_bits = UINT64_C(0x8080808080808080);
	size_t i = 0;
	for (; len - i >= 32; i += 32) {
		uint64_t words[4];
		memcpy(words, p + i, 32);
		if ((words[0] | words[1] | words[2] | words[3]) & top_bits)
			break;
	}
	for (; len - i >= 8; i += 8) {
		uint64_t word;
		memcpy(&word, p + i, 8);
		if (word & top_bits)
			break;
	}
	while (i < len && p[i] < 0x80)
		i++;
	return i;
}

/* Length of the valid UTF-8 at the start of p. */
static size_t valid_run(const unsigned char *p, size_t len)
{
	size_t i = 0, n;
	for (;;) {
		i += ascii_run(p + i, len - i);
		if (i == len || (n = utf8_valid_at(p + i, len - i)) == 0)
			return i;
		i += n;
	}
}

/* A server (or a proxy) can let raw bytes from an event through. The bad bytes are
 * counted first, so the copy is one allocation of its exact size and valid runs are
 * copied whole (fuzz_event's profile had a copy per character and the buffer's
 * regrowth on top, run before every parse of a mutated body). */
char *repair_utf8(const char *body, size_t len, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)body;
	size_t bad = 0;
	for (size_t i = valid_run(p, len); i < len; i += 1 + valid_run(p + i + 1, len - i - 1))
		bad++;
	if (!bad)
		return NULL;
	/* Each bad byte becomes the three bytes of U+FFFD. */
	char *out = xmalloc(len + 2 * bad + 1), *o = out;
	size_t i = 0;
	while (i < len) {
		size_t run = i;
		i += valid_run(p + i, len - i);
		memcpy(o, body + run, i - run);
		o += i - run;
		if (i < len) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		}
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

/* ---- lone UTF-16 surrogates ---------------------------------------------------------- */

/* The code unit of the "\uXXXX" escape at s[i], or -1 when s[i] does not start one. */
static long escape_unit_at(const char *s, size_t len, size_t i)
{
	if (len - i < 6 || s[i] != '\\' || s[i + 1] != 'u')
		return -1;
	long unit = 0;
	for (size_t k = 2; k < 6; k++) {
		int d = hex_digit_value(s[i + k]);
		if (d < 0)
			return -1;
		unit = unit * 16 + d;
	}
	return unit;
}

static bool is_high_surrogate(long unit)
{
	return unit >= 0xd800 && unit <= 0xdbff;
}

static bool is_low_surrogate(long unit)
{
	return unit >= 0xdc00 && unit <= 0xdfff;
}

char *repair_lone_surrogates(const char *body, size_t len, size_t *out_len)
{
	struct strbuf sb = STRBUF_INIT;
	bool repaired = false;
	size_t copied = 0; /* body[0..copied) is already in sb */
	size_t i = 0;
	/* Backslashes only occur inside strings in valid JSON, and each starts an escape:
	 * walking escape by escape from the start keeps "\\" pairs apart from "\u". */
	while (i < len) {
		const char *slash = memchr(body + i, '\\', len - i);
		if (!slash)
			break;
		i = (size_t)(slash - body);
		long unit = escape_unit_at(body, len, i);
		if (unit < 0) {
			i += 2; /* "\\", "\"", "\n"...: the escaped character is not an escape */
			continue;
		}
		if (is_high_surrogate(unit) && is_low_surrogate(escape_unit_at(body, len, i + 6))) {
			i += 12; /* a valid pair */
			continue;
		}
		/* "\u0000" too: jansson refuses it in an object key (a hostile tag name would
		 * make the whole event unreadable), and a C string would end there. */
		if (unit != 0 && !is_high_surrogate(unit) && !is_low_surrogate(unit)) {
			i += 6;
			continue;
		}
		strbuf_add(&sb, body + copied, i - copied);
		strbuf_adds(&sb, "\\ufffd");
		i += 6;
		copied = i;
		repaired = true;
	}
	if (!repaired)
		return NULL;
	strbuf_add(&sb, body + copied, len - copied);
	*out_len = sb.len;
	return strbuf_detach(&sb);
}

char *repair_json_text(const char *body, size_t len, size_t *out_len)
{
	size_t utf8_len = 0;
	char *utf8 = repair_utf8(body, len, &utf8_len);
	if (utf8) {
		body = utf8;
		len = utf8_len;
	}
	char *surrogates = repair_lone_surrogates(body, len, out_len);
	if (!surrogates) {
		*out_len = len;
		return utf8;
	}
	free(utf8);
	return surrogates;
}
