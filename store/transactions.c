/* The recent transactions list (see transactions.h). */
#include "store/transactions.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void filter_set(struct transaction_filter *f, const char *name, enum discover_sort sort)
{
	char *copy = name && *name ? xstrdup(name) : NULL;
	free(f->name);
	f->name = copy;
	f->sort = sort;
}

static void submit(struct transaction_store *s, const char *cursor);

static void on_page(void *ctx, struct transaction_page *page)
{
	struct transaction_store *s = ctx;
	s->request = 0;
	bool first = s->reloading;
	if (page->error && page->status == 400 && s->dataset == DISCOVER_SPANS && !s->dataset_known) {
		/* Older self-hosted Sentry: no spans dataset. Once per session. */
		s->dataset = DISCOVER_TRANSACTIONS;
		transaction_page_free(page);
		submit(s, NULL);
		return;
	}
	s->loading = false;
	s->reloading = false;
	free(s->error);
	s->error = NULL;
	if (page->error) {
		if (page->status == 404) {
			s->unsupported = true;
			s->error = xstrdup("this server does not list transactions (it has no events "
			                   "endpoint for them)");
		} else {
			s->error = xstrdup(page->error);
		}
		/* The rows stay what they were, and so does what they came from. */
		filter_set(&s->asked, s->applied.name, s->applied.sort);
	} else {
		s->dataset_known = true;
		if (first) {
			transaction_rows_free(s->rows, s->n);
			s->rows = NULL;
			s->n = s->cap = 0;
			filter_set(&s->applied, s->asked.name, s->asked.sort);
		}
		xgrow((void **)&s->rows, &s->cap, s->n + page->n, sizeof(*s->rows));
		if (page->n)
			memcpy(s->rows + s->n, page->rows, page->n * sizeof(*page->rows));
		s->n += page->n;
		free(page->rows);
		page->rows = NULL;
		page->n = 0;
		free(s->next_cursor);
		s->next_cursor = page->next_cursor;
		page->next_cursor = NULL;
	}
	transaction_page_free(page);
	if (s->on_change)
		s->on_change(s->ctx);
}

static void submit(struct transaction_store *s, const char *cursor)
{
	struct transaction_query q = {
		.project_ids = (const char *const *)s->project_ids,
		.nproject_ids = s->nproject_ids,
		.environment = s->environment,
		.period = s->period,
		.name = s->asked.name,
		.sort = s->asked.sort,
		.cursor = cursor,
	};
	s->loading = true;
	s->request = api_list_transactions(s->target, s->dataset, &q, on_page, s);
	if (!s->request) {
		s->loading = s->reloading = false;
		free(s->error);
		s->error = xstrdup("the transaction list's request could not be built from that filter");
		filter_set(&s->asked, s->applied.name, s->applied.sort);
	}
}

void transaction_store_reload(struct transaction_store *s)
{
	if (s->unsupported)
		return;
	if (s->request)
		api_cancel(s->target->client, s->request);
	s->request = 0;
	s->reloading = true;
	submit(s, NULL);
}

void transaction_store_open(struct transaction_store *s, const struct sentry_target *target,
                            const char *const *project_ids, size_t nproject_ids,
                            const char *environment, const char *period,
                            void (*on_change)(void *ctx), void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->target = target;
	if (nproject_ids) {
		s->project_ids = xcalloc(nproject_ids, sizeof(*s->project_ids));
		for (size_t i = 0; i < nproject_ids; i++)
			s->project_ids[i] = xstrdup(project_ids[i]);
		s->nproject_ids = nproject_ids;
	}
	s->environment = environment ? xstrdup(environment) : NULL;
	s->period = period ? xstrdup(period) : NULL;
	s->dataset = DISCOVER_SPANS;
	s->on_change = on_change;
	s->ctx = ctx;
	transaction_store_reload(s);
}

void transaction_store_set_filter(struct transaction_store *s, const char *name,
                                  enum discover_sort sort)
{
	filter_set(&s->asked, name, sort);
	transaction_store_reload(s);
}

void transaction_store_load_more(struct transaction_store *s)
{
	if (s->loading || !s->next_cursor || s->unsupported)
		return;
	char *cursor = xstrdup(s->next_cursor);
	submit(s, cursor);
	free(cursor);
}

void transaction_store_free(struct transaction_store *s)
{
	if (s->request)
		api_cancel(s->target->client, s->request);
	transaction_rows_free(s->rows, s->n);
	for (size_t i = 0; i < s->nproject_ids; i++)
		free(s->project_ids[i]);
	free(s->project_ids);
	free(s->environment);
	free(s->period);
	free(s->asked.name);
	free(s->applied.name);
	free(s->next_cursor);
	free(s->error);
	memset(s, 0, sizeof(*s));
}
