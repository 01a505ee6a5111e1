/* Search terms for Sentry's issue search, built from text we did not write (tag keys and
 * values from the server): one term stays one term, whatever the text holds.
 *
 * Sentry's search grammar (docs/sentry-api.md §3.3): `key:value`; a value with spaces,
 * quotes, parentheses or a leading special character goes in double quotes, where `"` is
 * written `\"` (the only escape Sentry undoes). A key is [a-zA-Z0-9_.-]+, or in double
 * quotes when it also holds `:` (`"sentry:user":x`); any other key cannot be searched.
 * Control characters (newlines included) cannot be sent at all, and a value that must be
 * quoted cannot end in a backslash (it would escape the closing quote). */
#ifndef API_SEARCH_TERM_H
#define API_SEARCH_TERM_H

#include "util/strbuf.h"

/* Append `key:value` to out as one term. Returns NULL on success; otherwise a sentence
 * saying why the term cannot be expressed, and out is unchanged. */
const char *search_term_append(struct strbuf *out, const char *key, const char *value);

/* A whole term as the server suggests it (a tag value's "query"): appended as is when it
 * can be sent (no control characters); else the reason, and out is unchanged. */
const char *search_term_append_raw(struct strbuf *out, const char *term);

#endif
