/* The organization's projects, loaded once (all pages) and cached for the session:
 * slug -> numeric id for the issue list's project= parameter, and the list the project
 * filter cycles through. */
#ifndef STORE_PROJECTS_H
#define STORE_PROJECTS_H

#include <stdbool.h>
#include <stddef.h>

#include "api/endpoints.h"

struct project_store {
	const struct sentry_target *target;
	struct project *items;
	size_t n, cap;
	bool loading;
	bool ready;             /* all pages are in */
	char *error;            /* why loading failed, or NULL; also set when the list loaded
	                           but is empty (ready stays true: nothing failed) */
	unsigned long request;
	/* Called (state changes only) when loading finished, successfully or not. */
	void (*on_loaded)(void *ctx);
	void *ctx;
};

void project_store_init(struct project_store *ps, const struct sentry_target *target,
                        void (*on_loaded)(void *ctx), void *ctx);
/* Start loading unless loading or loaded. */
void project_store_load(struct project_store *ps);
const struct project *project_store_find(const struct project_store *ps, const char *slug);
void project_store_free(struct project_store *ps);

#endif
