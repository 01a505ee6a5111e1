/* The recent transactions list behind `:transactions` (api/discover.h): one project
 * selection, environment and period (the stream's, when it opened), a name filter and
 * a sort, paged lazily. The dataset the server understands is found once: "spans"
 * first, "transactions" after a 400; a 404 means the server lists none. What the rows
 * were fetched with is kept apart from what was asked last, so the header never shows
 * a filter the rows did not come from. */
#ifndef STORE_TRANSACTIONS_H
#define STORE_TRANSACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "api/discover.h"

struct transaction_filter {
	char *name;                  /* NULL = any */
	enum discover_sort sort;
};

struct transaction_store {
	const struct sentry_target *target;
	char **project_ids;
	size_t nproject_ids;
	char *environment;           /* NULL = all */
	char *period;
	enum discover_dataset dataset;
	bool dataset_known;          /* a page came back: a later 400 is about the filter */
	bool unsupported;            /* 404: the server has no events endpoint */

	struct transaction_filter asked;    /* what the next or running request asks */
	struct transaction_filter applied;  /* what the rows came from */
	struct transaction_row *rows;
	size_t n, cap;
	char *next_cursor;           /* NULL = no more pages */
	bool loading, reloading;
	char *error;
	unsigned long request;
	void (*on_change)(void *ctx);
	void *ctx;
};

/* Start with the first page, newest first. project_ids (numeric) and the rest are
 * copied. */
void transaction_store_open(struct transaction_store *s, const struct sentry_target *target,
                            const char *const *project_ids, size_t nproject_ids,
                            const char *environment, const char *period,
                            void (*on_change)(void *ctx), void *ctx);
/* Fetch the first page again with a new name filter (NULL or "" = any) or sort; the
 * old rows stay until the answer arrives. */
void transaction_store_set_filter(struct transaction_store *s, const char *name,
                                  enum discover_sort sort);
void transaction_store_reload(struct transaction_store *s);
/* The next page, when there is one and nothing is loading. */
void transaction_store_load_more(struct transaction_store *s);
void transaction_store_free(struct transaction_store *s);

#endif
