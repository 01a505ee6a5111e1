/* The releases list behind `:releases` (api/release.h): one row per release and
 * project, with health, for the stream's projects and environment and a period; sorted
 * (session sorts flatten the list, as the server requires), filtered by a version
 * substring, paged lazily. What the rows were fetched with is kept apart from what was
 * asked last, so the header never shows a filter the rows did not come from. */
#ifndef STORE_RELEASES_H
#define STORE_RELEASES_H

#include <stdbool.h>
#include <stddef.h>

#include "api/release.h"

struct release_filter {
	char *version;                /* NULL = any */
	char *period;
	enum release_sort sort;
};

/* One row: a release and one of its projects (borrowed from releases[]). */
struct release_row {
	const struct release *release;
	const struct release_project *project;  /* NULL when the release lists none */
};

struct release_store {
	const struct sentry_target *target;
	char **project_ids;
	size_t nproject_ids;
	char *environment;
	struct release_filter asked, applied;
	struct release **releases;    /* each owned; rows point into them */
	size_t nreleases, releases_cap;
	struct release_row *rows;
	size_t n, cap;
	char *next_cursor;
	bool loading, reloading;
	char *error;
	long error_status;
	unsigned long request;
	void (*on_change)(void *ctx);
	void *ctx;
};

void release_store_open(struct release_store *s, const struct sentry_target *target,
                        const char *const *project_ids, size_t nproject_ids,
                        const char *environment, const char *period,
                        void (*on_change)(void *ctx), void *ctx);
/* Ask again with this version filter, period and sort (the rows stay until then). */
void release_store_set_filter(struct release_store *s, const char *version, const char *period,
                              enum release_sort sort);
/* Other projects (numeric ids; none = all) or environment (NULL = all): ask again. */
void release_store_set_scope(struct release_store *s, const char *const *project_ids,
                             size_t nproject_ids, const char *environment);
void release_store_reload(struct release_store *s);
void release_store_load_more(struct release_store *s);
void release_store_free(struct release_store *s);

#endif
