/* Where a waterfall's spans come from: the issue screen's event (borrowed), one
 * transaction event fetched by project and id, or a whole trace (both owned, see
 * store/span_fetch.h). The waterfall reads every source through these calls and never
 * knows which it has, so it depends on no other view (ARCHITECTURE.md, "Views"). */
#ifndef STORE_SPAN_SOURCE_H
#define STORE_SPAN_SOURCE_H

#include <stdbool.h>

#include "api/span.h"
#include "util/strbuf.h"

struct span_source_ops {
	/* The spans now; NULL while loading, after an error, or when the event has none.
	 * A new pointer means new spans (another event, a refresh). */
	const struct span_set *(*spans)(void *ctx);
	bool (*loading)(void *ctx);
	/* Why there are no spans (server text allowed: drawn sanitized), or NULL. */
	const char *(*error)(void *ctx);
	/* Fetch again; the spans pointer changes when the answer arrives. */
	void (*reload)(void *ctx);
	/* What the spans belong to, for the title: "BACKEND-1N", "backend", "trace 1a2b3c4d". */
	void (*label)(void *ctx, struct strbuf *out);
	/* The event shown, or NULL (a trace has several). */
	const char *(*event_id)(void *ctx);
	/* Free an owned source; NULL for a borrowed one. */
	void (*release)(void *ctx);
};

struct span_source {
	const struct span_source_ops *ops;
	void *ctx;
	/* Put under the cursor and marked when the spans arrive: an error's span, else
	 * the trace node that holds the error event. Owned; either may be NULL. */
	char *focus_span_id;
	char *focus_event_id;
};

/* Release an owned source and free the focus ids. */
void span_source_free(struct span_source *src);

#endif
