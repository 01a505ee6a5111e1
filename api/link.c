/* Pagination Link header parser (see link.h).
 *
 * A small scanner instead of sentry-cli's split on ", <": it has to survive GlitchTip's
 * Python-set wrapping, attributes in any order, quoted values that contain commas, and
 * plain garbage. Every read is bounded by the end of the header. */
#include "api/link.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/hex.h"
#include "util/xalloc.h"

/* Sentry cursors are a few dozen bytes, GlitchTip's base64 tokens not much more. A
 * longer one was not made for us: dropping it (no next page) is safer than cutting it
 * (the wrong page). */
#define LINK_MAX_CURSOR 1024

struct span {
	const char *s;
	size_t len;
};

/* One "<url>; key=value; ..." entry; spans point into the header. */
struct link_entry {
	struct span url;
	struct span rel;
	struct span results;
	struct span cursor;
	bool has_rel, has_results, has_cursor;
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Bytes between entries that mean nothing: blanks, the separating comma, and the {'…'}
 * of the Python set GlitchTip assigns to the header. */
static bool is_noise(char c)
{
	return is_blank(c) || c == ',' || c == '{' || c == '}' || c == '\'';
}

/* Characters of an attribute name or an unquoted value. */
static bool is_token(char c)
{
	return c != '\0' && !is_blank(c) && c != ';' && c != ',' && c != '=' && c != '"' &&
	       c != '<' && c != '>' && c != '\'' && c != '{' && c != '}';
}

static bool span_is(struct span sp, const char *word)
{
	size_t n = strlen(word);
	return sp.len == n && strncasecmp(sp.s, word, n) == 0;
}

/* Whether the space-separated rel list (RFC 8288 allows "next last") names word. */
static bool rel_has(struct span rel, const char *word)
{
	const char *p = rel.s, *end = rel.s + rel.len;
	while (p < end) {
		while (p < end && is_blank(*p))
			p++;
		const char *start = p;
		while (p < end && !is_blank(*p))
			p++;
		if (p > start && span_is((struct span){ start, (size_t)(p - start) }, word))
			return true;
	}
	return false;
}

/* p is at an opening quote; returns the span inside and moves p past the closing one
 * (or to end when it never closes). */
static struct span scan_quoted(const char **pp, const char *end)
{
	const char *p = *pp + 1;
	struct span value = { p, 0 };
	while (p < end && *p != '"') {
		if (*p == '\\' && p + 1 < end)
			p++;
		p++;
	}
	value.len = (size_t)(p - value.s);
	*pp = p < end ? p + 1 : end;
	return value;
}

static void set_attribute(struct link_entry *e, struct span key, struct span value)
{
	/* The first occurrence wins; repeats are noise. */
	if (span_is(key, "rel") && !e->has_rel) {
		e->rel = value;
		e->has_rel = true;
	} else if (span_is(key, "results") && !e->has_results) {
		e->results = value;
		e->has_results = true;
	} else if (span_is(key, "cursor") && !e->has_cursor) {
		e->cursor = value;
		e->has_cursor = true;
	}
}

/* Scan one entry from *pp, leaving *pp after its closing comma (or at the next "<"). */
static void scan_entry(const char **pp, const char *end, struct link_entry *e)
{
	const char *p = *pp;
	memset(e, 0, sizeof(*e));
	if (p < end && *p == '<') {
		const char *close = memchr(p + 1, '>', (size_t)(end - p - 1));
		e->url.s = p + 1;
		e->url.len = (size_t)((close ? close : end) - e->url.s);
		p = close ? close + 1 : end;
	}
	while (p < end) {
		if (*p == ',') {
			p++;
			break;
		}
		if (*p == '<') /* a new entry without a comma before it */
			break;
		if (*p == '"') { /* stray quoted text: its commas do not split */
			scan_quoted(&p, end);
			continue;
		}
		if (!is_token(*p)) {
			p++;
			continue;
		}
		struct span key = { p, 0 };
		while (p < end && is_token(*p))
			p++;
		key.len = (size_t)(p - key.s);
		while (p < end && is_blank(*p))
			p++;
		struct span value = { p, 0 };
		if (p < end && *p == '=') {
			p++;
			while (p < end && is_blank(*p))
				p++;
			if (p < end && *p == '"') {
				value = scan_quoted(&p, end);
			} else {
				value.s = p;
				while (p < end && is_token(*p))
					p++;
				value.len = (size_t)(p - value.s);
			}
		}
		set_attribute(e, key, value);
	}
	*pp = p;
}

/* A cursor we can send back: not empty, not too long, no control bytes (a "%00" would
 * cut the C string and ask for the wrong page). */
static char *cursor_copy(const char *s, size_t len, bool url_decode)
{
	if (len == 0 || len > LINK_MAX_CURSOR)
		return NULL;
	char *out = xmalloc(len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		int hi, lo;
		if (url_decode && c == '%' && i + 2 < len && (hi = hex_digit_value(s[i + 1])) >= 0 &&
		    (lo = hex_digit_value(s[i + 2])) >= 0) {
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		/* "+" stays "+": GlitchTip's base64 cursors may carry a literal one. */
		if ((unsigned char)c < 0x20 || c == 0x7f) {
			free(out);
			return NULL;
		}
		out[n++] = c;
	}
	out[n] = '\0';
	if (n == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* The cursor= query parameter of a link URL, URL-decoded; NULL when absent. */
static char *cursor_from_url(struct span url)
{
	if (!url.s) /* an entry without <url> */
		return NULL;
	const char *end = url.s + url.len;
	const char *q = memchr(url.s, '?', url.len);
	if (!q)
		return NULL;
	const char *fragment = memchr(q, '#', (size_t)(end - q));
	if (fragment)
		end = fragment;
	const char *p = q + 1;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		if ((size_t)(stop - p) >= 7 && memcmp(p, "cursor=", 7) == 0)
			return cursor_copy(p + 7, (size_t)(stop - p - 7), true);
		p = amp ? amp + 1 : end;
	}
	return NULL;
}

static void fill_page(struct link_page *page, const struct link_entry *e)
{
	page->present = true;
	page->results = e->has_results && span_is(e->results, "true");
	/* The attribute is what Sentry documents; the URL is the fallback for servers that
	 * leave it out (GlitchTip's "no more" link). */
	if (e->has_cursor)
		page->cursor = cursor_copy(e->cursor.s, e->cursor.len, false);
	if (!page->cursor)
		page->cursor = cursor_from_url(e->url);
}

void link_parse(const char *header, struct link_header *out)
{
	memset(out, 0, sizeof(*out));
	if (!header)
		return;
	const char *p = header, *end = header + strlen(header);
	while (p < end) {
		if (is_noise(*p)) {
			p++;
			continue;
		}
		struct link_entry e;
		scan_entry(&p, end, &e);
		if (!e.has_rel)
			continue;
		/* The first link of each kind wins, as the first attribute does. */
		if (rel_has(e.rel, "next") && !out->next.present)
			fill_page(&out->next, &e);
		else if ((rel_has(e.rel, "previous") || rel_has(e.rel, "prev")) &&
		         !out->previous.present)
			fill_page(&out->previous, &e);
	}
}

void link_header_free(struct link_header *lh)
{
	if (!lh)
		return;
	free(lh->previous.cursor);
	free(lh->next.cursor);
	memset(lh, 0, sizeof(*lh));
}

char *link_next_cursor(const char *header)
{
	struct link_header lh;
	link_parse(header, &lh);
	char *cursor = NULL;
	if (lh.next.present && lh.next.results && lh.next.cursor) {
		cursor = lh.next.cursor;
		lh.next.cursor = NULL;
	}
	link_header_free(&lh);
	return cursor;
}
