/* The issue stream model and its paging (see issue_stream.h). */
#include "store/issue_stream.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/strpool.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

void issue_filters_set(char **field, const char *value)
{
	free(*field);
	*field = xstrdup_or_null(value);
}

void issue_filters_set_projects(struct issue_filters *f, char *const *slugs, size_t n)
{
	for (size_t i = 0; i < f->nprojects; i++)
		free(f->projects[i]);
	free(f->projects);
	f->projects = n ? xcalloc(n, sizeof(char *)) : NULL;
	for (size_t i = 0; i < n; i++)
		f->projects[i] = xstrdup(slugs[i]);
	f->nprojects = n;
}

void issue_filters_free(struct issue_filters *f)
{
	free(f->query);
	free(f->sort);
	free(f->period);
	free(f->environment);
	issue_filters_set_projects(f, NULL, 0);
	memset(f, 0, sizeof(*f));
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

void issue_filters_copy(struct issue_filters *dst, const struct issue_filters *src)
{
	if (dst == src)
		return;
	issue_filters_set(&dst->query, src->query);
	issue_filters_set(&dst->sort, src->sort);
	issue_filters_set(&dst->period, src->period);
	issue_filters_set(&dst->environment, src->environment);
	issue_filters_set_projects(dst, src->projects, src->nprojects);
}

bool issue_filters_equal(const struct issue_filters *a, const struct issue_filters *b)
{
	if (!same_text(a->query, b->query) || !same_text(a->sort, b->sort) ||
	    !same_text(a->period, b->period) || !same_text(a->environment, b->environment) ||
	    a->nprojects != b->nprojects)
		return false;
	for (size_t i = 0; i < a->nprojects; i++)
		if (!same_text(a->projects[i], b->projects[i]))
			return false;
	return true;
}

void issue_stream_init(struct issue_stream *s, const struct sentry_target *target,
                       struct project_store *projects,
                       void (*on_change)(void *ctx, const char *error), void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->target = target;
	s->projects = projects;
	s->hits = -1;
	s->on_change = on_change;
	s->ctx = ctx;
}

static void free_issues(struct issue **items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		issue_free(items[i]);
		free(items[i]);
	}
}

static void clear_items(struct issue_stream *s)
{
	free_issues(s->items, s->n);
	s->n = 0;
}

static void cancel_requests(struct issue_stream *s)
{
	if (s->request)
		api_cancel(s->target->client, s->request);
	s->request = 0;
	for (size_t i = 0; i < s->npc; i++)
		if (s->pc[i].request)
			api_cancel(s->target->client, s->pc[i].request);
	if (s->stats_request)
		api_cancel(s->target->client, s->stats_request);
	s->stats_request = 0;
	s->pending_pages = 0;
	free_issues(s->round, s->nround);
	s->nround = 0;
	s->round_failed = false;
	s->loading = false;
}

static void free_project_cursors(struct issue_stream *s)
{
	for (size_t i = 0; i < s->npc; i++) {
		free(s->pc[i].project_id);
		free(s->pc[i].cursor);
	}
	free(s->pc);
	s->pc = NULL;
	s->npc = 0;
}

void issue_stream_free(struct issue_stream *s)
{
	cancel_requests(s);
	clear_items(s);
	free(s->items);
	free(s->round);
	free_project_cursors(s);
	free(s->next_cursor);
	free(s->error);
	free(s->rejected_query);
	issue_filters_free(&s->filters);
	issue_filters_free(&s->applied);
	memset(s, 0, sizeof(*s));
}

static void set_error(struct issue_stream *s, const char *msg)
{
	free(s->error);
	s->error = xstrdup_or_null(msg);
}

static void changed(struct issue_stream *s)
{
	s->version++;
	if (s->on_change)
		s->on_change(s->ctx, s->error);
}

#define STATS_BATCH 100

static void request_stats(struct issue_stream *s);

/* Rows whose sparkline was asked for (STATS_ASKED) or could not be had (STATS_NONE)
 * carry that word as their stats period, so no row is asked for twice. */
static const char STATS_ASKED[] = "asked", STATS_NONE[] = "none";

static bool stats_word(const struct issue *row, const char *word)
{
	return row->stats_period && strcmp(row->stats_period, word) == 0;
}

static void set_stats_period(struct issue *row, const char *period)
{
	strpool_release(row->stats_period);
	row->stats_period = xstrdup(period);
}

/* The sparklines of the rows that had none. */
static void on_stats(void *ctx, struct issue_page *page)
{
	struct issue_stream *s = ctx;
	s->stats_request = 0;
	for (size_t i = 0; !page->error && i < page->n; i++) {
		struct issue *got = page->issues[i];
		long at = got->id ? issue_stream_find(s, got->id) : -1;
		if (at < 0 || !stats_word(s->items[at], STATS_ASKED) || got->nstats == 0)
			continue;
		struct issue *row = s->items[at];
		free(row->stats);
		strpool_release(row->stats_period);
		row->stats = got->stats;
		row->nstats = got->nstats;
		row->stats_period = got->stats_period ? got->stats_period : xstrdup("24h");
		got->stats = NULL;
		got->nstats = 0;
		got->stats_period = NULL;
	}
	issue_page_free(page);
	for (size_t i = 0; i < s->n; i++)
		if (stats_word(s->items[i], STATS_ASKED))
			set_stats_period(s->items[i], STATS_NONE);
	changed(s);
	request_stats(s);
}

static void request_stats(struct issue_stream *s)
{
	if (s->stats_request || server_has(s->target->caps, FEATURE_LIST_SPARKLINES))
		return;
	const char *ids[STATS_BATCH];
	size_t n = 0;
	for (size_t i = 0; i < s->n && n < STATS_BATCH; i++) {
		struct issue *row = s->items[i];
		if (row->nstats || !row->id || stats_word(row, STATS_ASKED) || stats_word(row, STATS_NONE))
			continue;
		set_stats_period(row, STATS_ASKED);
		ids[n++] = row->id;
	}
	if (n)
		s->stats_request = api_issue_stats(s->target, ids, n, on_stats, s);
}

static void append(struct issue_stream *s, struct issue **items, size_t n)
{
	if (n == 0) /* an empty page has no array: memcpy from NULL is undefined */
		return;
	xgrow((void **)&s->items, &s->cap, s->n + n, sizeof(*s->items));
	memcpy(s->items + s->n, items, n * sizeof(*items));
	if (s->overlay)
		s->overlay(s->overlay_ctx, s->items + s->n, n, s->asked_us);
	s->n += n;
	request_stats(s);
}

/* A reload's first page (or round) arrived: the old rows go, and the filters asked for
 * are now the ones the rows belong to. */
static void accept_reload(struct issue_stream *s)
{
	clear_items(s);
	s->pages = 0;
	s->reloading = false;
	s->updated_at = time_now();
	s->first_pages++;
	issue_filters_copy(&s->applied, &s->filters);
	s->has_applied = true;
	free(s->rejected_query);
	s->rejected_query = NULL;
}

/* A reload failed (the server refused it, or a project is unknown): the rows stay and
 * so does the filter they came from; the reason stays in s->error. A refused (400) query
 * change is kept aside so the view can offer the text again for fixing. */
static void reject_reload(struct issue_stream *s, const char *error, long status)
{
	set_error(s, error);
	s->reloading = false;
	bool query_changed = !s->has_applied || !same_text(s->filters.query, s->applied.query);
	free(s->rejected_query);
	s->rejected_query = status == 400 && query_changed
	                  ? xstrdup(s->filters.query ? s->filters.query : "") : NULL;
	if (s->has_applied)
		issue_filters_copy(&s->filters, &s->applied);
}

/* Resolve the filter's project slugs to ids. Returns false when the projects store is
 * still loading (the caller waits) or a slug is unknown (error set). */
static bool project_ids(struct issue_stream *s, const char ***ids, size_t *n, bool all_if_none)
{
	*ids = NULL;
	*n = 0;
	size_t want = s->filters.nprojects;
	if (want == 0 && !all_if_none)
		return true;
	if (!s->projects->ready) {
		if (s->projects->error && !s->projects->loading) {
			set_error(s, s->projects->error);
			return false;
		}
		s->waiting_for_projects = true;
		project_store_load(s->projects);
		return false;
	}
	size_t cap = want ? want : s->projects->n;
	const char **out = xcalloc(cap ? cap : 1, sizeof(char *));
	if (want == 0) {
		for (size_t i = 0; i < s->projects->n; i++)
			out[(*n)++] = s->projects->items[i].id;
	} else {
		for (size_t i = 0; i < want; i++) {
			const struct project *p = project_store_find(s->projects, s->filters.projects[i]);
			if (!p || !p->id) {
				struct strbuf sb = STRBUF_INIT;
				strbuf_addf(&sb, "project '%s' not found in organization '%s'",
				            s->filters.projects[i], s->target->org);
				set_error(s, strbuf_str(&sb));
				strbuf_free(&sb);
				free(out);
				*n = 0;
				return false;
			}
			out[(*n)++] = p->id;
		}
	}
	*ids = out;
	return true;
}

static void fill_query(const struct issue_stream *s, struct issue_query *q, const char **pids,
                       size_t npids, const char *const *envs, const char *cursor)
{
	memset(q, 0, sizeof(*q));
	q->query = s->filters.query ? s->filters.query : "";
	q->sort = s->filters.sort;
	q->stats_period = s->filters.period;
	q->group_stats_period = "24h";
	q->project_ids = pids;
	q->nproject_ids = npids;
	q->environments = envs;
	q->nenvironments = s->filters.environment ? 1 : 0;
	q->limit = ISSUE_PAGE_SIZE;
	q->cursor = cursor;
	q->expand = "inbox"; /* the review state, for the row's mark */
}

/* One org-wide page */

static void on_page(void *ctx, struct issue_page *page);

static void request_page_sized(struct issue_stream *s, const char *cursor, int limit);

static void request_page(struct issue_stream *s, const char *cursor)
{
	bool first = !cursor && s->first_pages == 0 && s->n == 0;
	int rows = s->first_page_rows;
	request_page_sized(s, cursor, first && rows > 0 && rows < ISSUE_PAGE_SIZE ? rows
	                                                                       : ISSUE_PAGE_SIZE);
}

static void request_page_sized(struct issue_stream *s, const char *cursor, int limit)
{
	const char **pids;
	size_t npids;
	if (!project_ids(s, &pids, &npids, false)) {
		if (!s->waiting_for_projects) {
			if (s->reloading) {
				char *why = xstrdup_or_null(s->error);
				reject_reload(s, why, 0);
				free(why);
			}
			changed(s);
		}
		return;
	}
	const char *envs[1] = { s->filters.environment };
	struct issue_query q;
	fill_query(s, &q, pids, npids, envs, cursor);
	q.limit = limit;
	s->page_limit = limit;
	s->loading = true;
	s->asked_us = time_mono_us();
	s->request = api_list_issues(s->target, &q, on_page, s);
	free(pids);
}

static void start_per_project(struct issue_stream *s);

static void on_page(void *ctx, struct issue_page *page)
{
	struct issue_stream *s = ctx;
	s->request = 0;
	s->loading = false;
	if (page->multi_project_refused && !s->per_project) {
		issue_page_free(page);
		s->per_project = true;
		start_per_project(s);
		return;
	}
	/* GlitchTip refuses Sentry's sort names with a 422: ask again in its words. */
	if (page->error && page->status == 422 && server_caps_learn_sort_refused(s->target->caps)) {
		issue_page_free(page);
		char *cursor = s->reloading ? NULL : xstrdup_or_null(s->next_cursor);
		request_page(s, cursor);
		free(cursor);
		return;
	}
	if (page->error && s->reloading) {
		reject_reload(s, page->error, page->status);
	} else if (page->error) {
		set_error(s, page->error);
	} else {
		if (s->reloading) {
			accept_reload(s);
			s->hits = page->hits;
		}
		append(s, page->issues, page->n);
		page->n = 0;
		free(s->next_cursor);
		s->next_cursor = page->next_cursor;
		page->next_cursor = NULL;
		s->has_more = s->next_cursor != NULL;
		s->pages++;
		set_error(s, NULL);
		/* A first page sized to the screen: the rest of a full page at once. */
		if (s->pages == 1 && s->page_limit < ISSUE_PAGE_SIZE && s->has_more)
			request_page_sized(s, s->next_cursor, ISSUE_PAGE_SIZE - s->page_limit);
	}
	issue_page_free(page);
#ifdef __GLIBC__
	/* The page's JSON tree was freed: hand whole free pages back to the system, so the
	 * next page's tree does not sit on top of this one's leftovers (10,000 rows: 0.3 MB
	 * less at the peak, docs/benchmarks.md). */
	malloc_trim(0);
#endif
	changed(s);
}

/* Per-project fallback */

static void on_project_page(void *ctx, struct issue_page *page);

static int compare_by_sort;

static long long sort_key(const struct issue *i)
{
	switch (compare_by_sort) {
	case 1: return (long long)i->first_seen;
	case 2: return (long long)(i->count > (uint64_t)1 << 62 ? (uint64_t)1 << 62 : i->count);
	case 3: return i->user_count;
	default: return (long long)i->last_seen;
	}
}

static int compare_issues(const void *a, const void *b)
{
	long long ka = sort_key(*(struct issue *const *)a), kb = sort_key(*(struct issue *const *)b);
	return ka < kb ? 1 : ka > kb ? -1 : 0; /* descending */
}

static void sort_round(struct issue_stream *s)
{
	const char *sort = s->filters.sort ? s->filters.sort : "date";
	compare_by_sort = strcmp(sort, "new") == 0 ? 1 : strcmp(sort, "freq") == 0 ? 2
	                : strcmp(sort, "user") == 0 ? 3 : 0;
	qsort(s->round, s->nround, sizeof(*s->round), compare_issues);
}

static void request_round(struct issue_stream *s)
{
	const char *envs[1] = { s->filters.environment };
	s->asked_us = time_mono_us();
	for (size_t i = 0; i < s->npc; i++) {
		struct project_cursor *pc = &s->pc[i];
		if (pc->started && !pc->cursor)
			continue;
		const char *pids[1] = { pc->project_id };
		struct issue_query q;
		fill_query(s, &q, pids, 1, envs, pc->cursor);
		pc->request = api_list_issues(s->target, &q, on_project_page, pc);
		s->pending_pages++;
	}
	s->loading = s->pending_pages > 0;
}

static void start_per_project(struct issue_stream *s)
{
	const char **pids;
	size_t npids;
	free_project_cursors(s);
	if (!project_ids(s, &pids, &npids, true)) {
		if (!s->waiting_for_projects) {
			char *why = xstrdup_or_null(s->error);
			reject_reload(s, why, 0);
			free(why);
			changed(s);
		}
		return;
	}
	s->pc = xcalloc(npids ? npids : 1, sizeof(*s->pc));
	for (size_t i = 0; i < npids; i++) {
		s->pc[i].project_id = xstrdup(pids[i]);
		s->pc[i].stream = s;
	}
	s->npc = npids;
	free(pids);
	s->reloading = true;
	request_round(s);
	if (!s->loading) {
		s->reloading = false;
		changed(s);
	}
}

static void on_project_page(void *ctx, struct issue_page *page)
{
	struct project_cursor *pc = ctx;
	struct issue_stream *s = pc->stream;
	s->pending_pages--;
	pc->request = 0;
	pc->started = true;
	free(pc->cursor);
	pc->cursor = page->next_cursor;
	page->next_cursor = NULL;
	if (page->error) {
		set_error(s, page->error);
		s->round_status = page->status;
		s->round_failed = true;
	} else if (page->n) {
		xgrow((void **)&s->round, &s->round_cap, s->nround + page->n, sizeof(*s->round));
		memcpy(s->round + s->nround, page->issues, page->n * sizeof(*page->issues));
		s->nround += page->n;
		page->n = 0;
		if (page->hits >= 0)
			s->hits = (s->hits < 0 ? 0 : s->hits) + page->hits;
	}
	issue_page_free(page);
	if (s->pending_pages > 0)
		return;

	s->loading = false;
	if (s->round_failed && s->reloading) {
		/* One project's refusal refuses the new filter: the old rows stay. */
		s->round_failed = false;
		free_issues(s->round, s->nround);
		s->nround = 0;
		char *why = xstrdup_or_null(s->error);
		reject_reload(s, why, s->round_status);
		free(why);
		changed(s);
		return;
	}
	bool failed = s->round_failed;
	s->round_failed = false;
	if (s->reloading)
		accept_reload(s);
	if (!failed)
		set_error(s, NULL);
	sort_round(s);
	append(s, s->round, s->nround);
	s->nround = 0;
	s->has_more = false;
	for (size_t i = 0; i < s->npc; i++)
		if (s->pc[i].cursor)
			s->has_more = true;
	s->pages++;
	changed(s);
}

/* Public */

void issue_stream_set_first_page_rows(struct issue_stream *s, int rows)
{
	s->first_page_rows = rows > 0 ? rows : 0;
}

void issue_stream_reload(struct issue_stream *s)
{
	cancel_requests(s);
	/* A new filter: the last failure no longer explains what will be shown. A refresh
	 * of the same filter keeps it until the answer says otherwise. */
	if (!s->has_applied || !issue_filters_equal(&s->filters, &s->applied)) {
		free(s->error);
		s->error = NULL;
	}
	s->reloading = true;
	s->waiting_for_projects = false;
	free(s->next_cursor);
	s->next_cursor = NULL;
	if (s->per_project) {
		s->hits = -1;
		start_per_project(s);
	} else {
		request_page(s, NULL);
	}
	s->version++;
}

void issue_stream_load_more(struct issue_stream *s)
{
	if (s->loading || s->reloading || !s->has_more)
		return;
	if (s->per_project)
		request_round(s);
	else
		request_page(s, s->next_cursor);
	s->version++;
}

void issue_stream_projects_loaded(struct issue_stream *s)
{
	if (!s->waiting_for_projects)
		return;
	s->waiting_for_projects = false;
	if (s->per_project)
		start_per_project(s);
	else
		request_page(s, s->n && !s->reloading ? s->next_cursor : NULL);
	s->version++;
}

char *issue_stream_take_rejected_query(struct issue_stream *s)
{
	char *q = s->rejected_query;
	s->rejected_query = NULL;
	return q;
}

long long issue_stream_total(const struct issue_stream *s)
{
	if (s->hits < 0 || (unsigned long long)s->hits < s->n)
		return -1;
	return s->hits;
}

long issue_stream_find(const struct issue_stream *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i]->id && strcmp(s->items[i]->id, id) == 0)
			return (long)i;
	return -1;
}
