/* Project list cache (see projects.h). */
#include "store/projects.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

void project_store_init(struct project_store *ps, const struct sentry_target *target,
                        void (*on_loaded)(void *ctx), void *ctx)
{
	memset(ps, 0, sizeof(*ps));
	ps->target = target;
	ps->on_loaded = on_loaded;
	ps->ctx = ctx;
}

/* A list that loaded fine but is empty leaves the user nothing to look at: every issue
 * query would come back empty. Say so instead of showing an empty screen as normal. */
static char *no_projects_message(const struct sentry_target *target)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "project list: no projects in organization '%s' are visible to this token",
	            target->org);
	return strbuf_detach(&sb);
}

static void on_page(void *ctx, struct project_page *page)
{
	struct project_store *ps = ctx;
	ps->request = 0;
	if (page->error) {
		ps->error = page->error;
		page->error = NULL;
		ps->loading = false;
	} else {
		/* An empty page leaves items NULL: memcpy must not see that pointer. */
		if (page->n) {
			xgrow((void **)&ps->items, &ps->cap, ps->n + page->n, sizeof(*ps->items));
			memcpy(ps->items + ps->n, page->projects, page->n * sizeof(*ps->items));
			ps->n += page->n;
			page->n = 0;
		}
		if (page->next_cursor) {
			ps->request = api_list_projects(ps->target, page->next_cursor, on_page, ps);
		} else {
			ps->loading = false;
			ps->ready = true;
			if (ps->n == 0)
				ps->error = no_projects_message(ps->target);
		}
	}
	project_page_free(page);
	if (!ps->loading && ps->on_loaded)
		ps->on_loaded(ps->ctx);
}

void project_store_load(struct project_store *ps)
{
	if (ps->loading || ps->ready)
		return;
	free(ps->error);
	ps->error = NULL;
	ps->loading = true;
	ps->request = api_list_projects(ps->target, NULL, on_page, ps);
}

const struct project *project_store_find(const struct project_store *ps, const char *slug)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->items[i].slug && strcmp(ps->items[i].slug, slug) == 0)
			return &ps->items[i];
	return NULL;
}

void project_store_free(struct project_store *ps)
{
	if (ps->request)
		api_cancel(ps->target->client, ps->request);
	for (size_t i = 0; i < ps->n; i++)
		project_free(&ps->items[i]);
	free(ps->items);
	free(ps->error);
	memset(ps, 0, sizeof(*ps));
}
