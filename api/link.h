/* Sentry's pagination Link header (docs/sentry-api.md §4), parsed tolerantly:
 *   <url>; rel="previous"; results="false"; cursor="0:0:1", <url>; rel="next"; results="true"; cursor="0:100:0"
 * Also GlitchTip's variants: no cursor attribute on the "no more" link, a stray
 * Python set wrapping ({'…'}), and any attribute order. results="true" is the only
 * signal that more pages exist. */
#ifndef API_LINK_H
#define API_LINK_H

#include <stdbool.h>

struct link_page {
	bool present;     /* a link with this rel was found */
	bool results;     /* results="true" */
	char *cursor;     /* owned; NULL when the attribute is missing (falls back to the
	                     url's cursor= query parameter, URL-decoded, when present).
	                     Empty, over-long (> 1024 bytes) or control-byte cursors are
	                     dropped: asking for no page beats asking for the wrong one. */
};

struct link_header {
	struct link_page previous;
	struct link_page next;
};

/* Parse header (may be NULL) into *out, which is overwritten (not freed first). Never
 * fails: unknown bits are ignored; the first link of each rel wins. */
void link_parse(const char *header, struct link_header *out);
void link_header_free(struct link_header *lh);
/* The cursor of the next page when results="true", else NULL (malloc'd). */
char *link_next_cursor(const char *header);

#endif
