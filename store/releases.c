/* The releases list (see releases.h). */
#include "store/releases.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void filter_set(struct release_filter *f, const char *version, const char *period,
                       enum release_sort sort)
{
	char *v = version && *version ? xstrdup(version) : NULL;
	char *p = period ? xstrdup(period) : NULL;
	free(f->version);
	free(f->period);
	f->version = v;
	f->period = p;
	f->sort = sort;
}

static void clear_rows(struct release_store *s)
{
	for (size_t i = 0; i < s->nreleases; i++) {
		release_free(s->releases[i]);
		free(s->releases[i]);
	}
	free(s->releases);
	free(s->rows);
	s->releases = NULL;
	s->rows = NULL;
	s->nreleases = s->releases_cap = s->n = s->cap = 0;
}

/* Take the page's releases; one row per release and project. */
static void add_page(struct release_store *s, struct release_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct release *rel = xcalloc(1, sizeof(*rel));
		*rel = r->releases[i];
		memset(&r->releases[i], 0, sizeof(r->releases[i]));
		xgrow((void **)&s->releases, &s->releases_cap, s->nreleases + 1, sizeof(*s->releases));
		s->releases[s->nreleases++] = rel;
		size_t rows = rel->nprojects ? rel->nprojects : 1;
		xgrow((void **)&s->rows, &s->cap, s->n + rows, sizeof(*s->rows));
		for (size_t p = 0; p < rows; p++)
			s->rows[s->n++] = (struct release_row){ rel, rel->nprojects ? &rel->projects[p] : NULL };
	}
}

static void submit(struct release_store *s, const char *cursor);

static void on_page(void *ctx, struct release_result *r)
{
	struct release_store *s = ctx;
	s->request = 0;
	bool first = s->reloading;
	s->loading = s->reloading = false;
	free(s->error);
	s->error = NULL;
	s->error_status = r->status;
	if (r->error) {
		s->error = xstrdup(r->error);
		filter_set(&s->asked, s->applied.version, s->applied.period, s->applied.sort);
	} else {
		if (first) {
			clear_rows(s);
			filter_set(&s->applied, s->asked.version, s->asked.period, s->asked.sort);
		}
		add_page(s, r);
		free(s->next_cursor);
		s->next_cursor = r->next_cursor;
		r->next_cursor = NULL;
	}
	release_result_free(r);
	if (s->on_change)
		s->on_change(s->ctx);
}

static void submit(struct release_store *s, const char *cursor)
{
	struct release_query q = {
		.project_ids = (const char *const *)s->project_ids,
		.nproject_ids = s->nproject_ids,
		.environment = s->environment,
		.period = s->asked.period,
		.version = s->asked.version,
		.sort = s->asked.sort,
		.cursor = cursor,
	};
	s->loading = true;
	s->request = api_list_releases(s->target, &q, on_page, s);
	if (!s->request) {
		s->loading = s->reloading = false;
		free(s->error);
		s->error = xstrdup("the release list's request could not be built from that filter");
		filter_set(&s->asked, s->applied.version, s->applied.period, s->applied.sort);
	}
}

void release_store_reload(struct release_store *s)
{
	if (s->request)
		api_cancel(s->target->client, s->request);
	s->request = 0;
	s->reloading = true;
	submit(s, NULL);
}

static void set_scope(struct release_store *s, const char *const *project_ids,
                      size_t nproject_ids, const char *environment)
{
	char **ids = nproject_ids ? xcalloc(nproject_ids, sizeof(*ids)) : NULL;
	for (size_t i = 0; i < nproject_ids; i++)
		ids[i] = xstrdup(project_ids[i]);
	char *env = environment ? xstrdup(environment) : NULL;
	for (size_t i = 0; i < s->nproject_ids; i++)
		free(s->project_ids[i]);
	free(s->project_ids);
	free(s->environment);
	s->project_ids = ids;
	s->nproject_ids = nproject_ids;
	s->environment = env;
}

void release_store_set_scope(struct release_store *s, const char *const *project_ids,
                             size_t nproject_ids, const char *environment)
{
	set_scope(s, project_ids, nproject_ids, environment);
	release_store_reload(s);
}

void release_store_open(struct release_store *s, const struct sentry_target *target,
                        const char *const *project_ids, size_t nproject_ids,
                        const char *environment, const char *period,
                        void (*on_change)(void *ctx), void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->target = target;
	set_scope(s, project_ids, nproject_ids, environment);
	s->on_change = on_change;
	s->ctx = ctx;
	filter_set(&s->asked, NULL, period, RELEASE_SORT_DATE);
	filter_set(&s->applied, NULL, period, RELEASE_SORT_DATE);
	release_store_reload(s);
}

void release_store_set_filter(struct release_store *s, const char *version, const char *period,
                              enum release_sort sort)
{
	filter_set(&s->asked, version, period, sort);
	release_store_reload(s);
}

void release_store_load_more(struct release_store *s)
{
	if (s->loading || !s->next_cursor)
		return;
	char *cursor = xstrdup(s->next_cursor);
	submit(s, cursor);
	free(cursor);
}

void release_store_free(struct release_store *s)
{
	if (s->request)
		api_cancel(s->target->client, s->request);
	clear_rows(s);
	for (size_t i = 0; i < s->nproject_ids; i++)
		free(s->project_ids[i]);
	free(s->project_ids);
	free(s->environment);
	filter_set(&s->asked, NULL, NULL, RELEASE_SORT_DATE);
	filter_set(&s->applied, NULL, NULL, RELEASE_SORT_DATE);
	free(s->next_cursor);
	free(s->error);
	memset(s, 0, sizeof(*s));
}
