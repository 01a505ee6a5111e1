/* The issue stream model: the issues loaded so far for the current filters, fetched a
 * page at a time (lazily, as the cursor nears the end), with the paging cursor, the
 * hit count, when it was last updated and the last error.
 *
 * Each issue is its own allocation, so views may hold indexes across appends. A reload
 * keeps the old rows visible until the new first page arrives, then replaces them.
 *
 * Orgs without the multi-project ("global views") feature answer 400 to a request
 * over several projects; the stream then falls back to one request per project and
 * merges the pages by the sort key (docs/sentry-api.md §3.1). */
#ifndef STORE_ISSUE_STREAM_H
#define STORE_ISSUE_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "api/endpoints.h"
#include "store/projects.h"

#define ISSUE_PAGE_SIZE 100

struct issue_filters {
	char *query;        /* Sentry search; "" = everything */
	char *sort;         /* date | new | freq | user */
	char *period;       /* statsPeriod: 24h, 14d, ... */
	char *environment;  /* NULL = all */
	char **projects;    /* slugs; none = all projects */
	size_t nprojects;
};

struct issue_stream;

struct project_cursor {
	struct issue_stream *stream;
	char *project_id;
	char *cursor;       /* next page, NULL when exhausted */
	bool started;
	unsigned long request;
};

struct issue_stream {
	const struct sentry_target *target;
	struct project_store *projects;
	struct issue_filters filters;   /* what was asked for last (what a reload requests) */
	/* The filters the rows came from: set by a first page that arrived. A reload the
	 * server refuses puts `filters` back to these, so the header never shows a filter
	 * over rows that did not come from it. */
	struct issue_filters applied;
	bool has_applied;
	/* The query text of a refused reload (400) that changed the query, for the view to
	 * offer again; NULL otherwise. issue_stream_take_rejected_query hands it over. */
	char *rejected_query;

	struct issue **items;
	size_t n, cap;
	char *next_cursor;       /* NULL = no more pages (results="false") */
	bool has_more;
	long long hits;          /* X-Hits of the last first page; -1 = unknown */
	int pages;               /* pages loaded since the last reload */
	time_t updated_at;       /* wall clock of the last successful first page; 0 = never */
	unsigned first_pages;    /* how many first pages have replaced the rows */

	bool loading;            /* a request is in flight */
	bool reloading;          /* the in-flight request replaces items */
	bool waiting_for_projects;
	unsigned long request;
	long long asked_us;      /* monotonic time the request in flight (or the per-project
	                            round) was sent: its rows may predate what happened since */
	unsigned long stats_request; /* sparklines of a server whose list has none */

	/* The session's first page sized to the screen (0: a full page): fewer issues for
	 * the server to build and for us to decode before the first rows show. The rest of
	 * a full page is asked for as soon as it arrives, so paging goes on as before. */
	int first_page_rows;
	int page_limit;          /* the limit of the page in flight */

	bool per_project;        /* fallback mode, see above */
	struct project_cursor *pc;
	size_t npc;
	int pending_pages;       /* per-project pages still in flight for this round */
	struct issue **round;    /* issues of the round being collected */
	size_t nround, round_cap;
	bool round_failed;       /* a page of this round failed ... */
	long round_status;       /* ... with this HTTP status */

	char *error;             /* last failure, or NULL: stays while it explains the rows
	                            (until a load succeeds or the filters change) */
	unsigned version;        /* bumped on every change */

	/* Called on every batch of rows as it arrives, with when they were asked for (marks,
	 * triage settled since then and triage in flight go back on). */
	void (*overlay)(void *ctx, struct issue **items, size_t n, long long asked_us);
	void *overlay_ctx;

	/* Told (state changes only) about errors and completed loads. */
	void (*on_change)(void *ctx, const char *error);
	void *ctx;
};

void issue_stream_init(struct issue_stream *s, const struct sentry_target *target,
                       struct project_store *projects,
                       void (*on_change)(void *ctx, const char *error), void *ctx);
void issue_stream_free(struct issue_stream *s);

/* Replace one filter (copies value; NULL allowed for environment). */
void issue_filters_set(char **field, const char *value);
void issue_filters_set_projects(struct issue_filters *f, char *const *slugs, size_t n);
void issue_filters_free(struct issue_filters *f);
/* dst becomes a deep copy of src (dst's old contents are freed). */
void issue_filters_copy(struct issue_filters *dst, const struct issue_filters *src);
bool issue_filters_equal(const struct issue_filters *a, const struct issue_filters *b);

/* Size the session's first page to a screen of rows (before the first load). */
void issue_stream_set_first_page_rows(struct issue_stream *s, int rows);
/* Start over with the current filters (cancels what is in flight). */
void issue_stream_reload(struct issue_stream *s);
/* Fetch the next page if there is one and nothing is in flight. */
void issue_stream_load_more(struct issue_stream *s);
/* The refused query text (caller frees), or NULL; clears it. */
char *issue_stream_take_rejected_query(struct issue_stream *s);
/* The total number of matches when it is known and believable (X-Hits, never fewer
 * than the rows loaded), else -1. */
long long issue_stream_total(const struct issue_stream *s);
/* Index of the issue with this id, or -1. */
long issue_stream_find(const struct issue_stream *s, const char *id);
/* Projects store finished loading: start a request that was waiting for ids. */
void issue_stream_projects_loaded(struct issue_stream *s);

#endif
