/* Quoting of search terms (see search_term.h). */
#include "api/search_term.h"

#include <stdbool.h>
#include <string.h>

static bool has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

static bool key_char(unsigned char c, bool colon_ok)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-' || (colon_ok && c == ':');
}

/* A value that reads as itself without quotes: no spaces, quotes, parentheses, list
 * brackets or commas, and no leading character with a meaning (!, <, >, =, [). */
static bool value_is_bare(const char *v)
{
	if (!*v || strchr("!<>=[", *v))
		return false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p == ' ' || *p == '"' || *p == '(' || *p == ')' || *p == '[' || *p == ']' ||
		    *p == ',')
			return false;
	return true;
}

const char *search_term_append(struct strbuf *out, const char *key, const char *value)
{
	if (!key || !*key)
		return "this tag has no name, so it cannot be searched";
	if (!value)
		value = "";
	bool needs_quoted_key = false;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		if (key_char(*p, false))
			continue;
		if (*p == ':') {
			needs_quoted_key = true;
			continue;
		}
		return "this tag's name has characters Sentry's search cannot express "
		       "(only letters, digits and _ . : -)";
	}
	if (has_control(value))
		return "this value holds a newline or control character, which a search cannot "
		       "contain";
	bool bare = value_is_bare(value);
	size_t len = strlen(value);
	if (!bare && len && value[len - 1] == '\\')
		return "this value ends in a backslash inside quotes, which Sentry's search cannot "
		       "express";
	if (needs_quoted_key)
		strbuf_addf(out, "\"%s\":", key);
	else
		strbuf_addf(out, "%s:", key);
	if (bare) {
		strbuf_adds(out, value);
		return NULL;
	}
	strbuf_addc(out, '"');
	for (const char *p = value; *p; p++) {
		if (*p == '"')
			strbuf_addc(out, '\\');
		strbuf_addc(out, *p);
	}
	strbuf_addc(out, '"');
	return NULL;
}

const char *search_term_append_raw(struct strbuf *out, const char *term)
{
	if (!term || !*term)
		return "the server suggested an empty search term";
	if (has_control(term))
		return "the server's search term holds a newline or control character, which a "
		       "search cannot contain";
	strbuf_adds(out, term);
	return NULL;
}
