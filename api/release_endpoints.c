/* Release health requests: URLs, sorts and calls (see release.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/link.h"
#include "api/release.h"
#include "api/search_term.h"
#include "api/url.h"
#include "util/xalloc.h"

#define MAX_PARAMS 40

static const struct {
	const char *name, *label;
	bool flatten;
} sorts[RELEASE_SORT_COUNT] = {
	[RELEASE_SORT_DATE] = { "date", "newest first", false },
	[RELEASE_SORT_ADOPTION] = { "adoption", "by adoption", true },
	[RELEASE_SORT_CRASH_FREE_SESSIONS] = { "crash_free_sessions", "by crash-free sessions", true },
	[RELEASE_SORT_CRASH_FREE_USERS] = { "crash_free_users", "by crash-free users", true },
	[RELEASE_SORT_SESSIONS] = { "sessions", "by sessions", true },
	[RELEASE_SORT_USERS] = { "users", "by users", true },
};

const char *release_sort_name(enum release_sort sort)
{
	return sorts[sort].name;
}

const char *release_sort_label(enum release_sort sort)
{
	return sorts[sort].label;
}

bool release_sort_needs_flatten(enum release_sort sort)
{
	return sorts[sort].flatten;
}

bool release_sort_parse(const char *name, enum release_sort *out)
{
	for (int i = 0; i < RELEASE_SORT_COUNT; i++) {
		if (strcmp(sorts[i].name, name) == 0) {
			*out = (enum release_sort)i;
			return true;
		}
	}
	return false;
}

char *releases_url(const char *base, const char *org, const struct release_query *q)
{
	const char *params[2 * MAX_PARAMS];
	size_t n = 0;
#define PARAM(k, v) do { params[2 * n] = (k); params[2 * n + 1] = (v); n++; } while (0)
	PARAM("health", "1");
	PARAM("per_page", "25");
	PARAM("sort", sorts[q->sort].name);
	/* Sentry refuses a session sort over releases with several projects (400). */
	if (sorts[q->sort].flatten)
		PARAM("flatten", "1");
	if (q->period && *q->period) {
		PARAM("summaryStatsPeriod", q->period);
		PARAM("healthStatsPeriod", q->period);
	}
	for (size_t i = 0; i < q->nproject_ids && n < MAX_PARAMS - 4; i++)
		PARAM("project", q->project_ids[i]);
	if (q->environment && *q->environment)
		PARAM("environment", q->environment);
	/* Free text in query is a version substring. */
	if (q->version && *q->version)
		PARAM("query", q->version);
	if (q->cursor && *q->cursor)
		PARAM("cursor", q->cursor);
#undef PARAM
	const char *segs[] = { "organizations", org, "releases" };
	return url_api_query(base, segs, 3, params, n);
}

char *release_detail_url(const char *base, const char *org, const char *version,
                         const char *project_id, const char *period)
{
	const char *params[] = {
		"health", "1", "project", project_id, "summaryStatsPeriod", period,
		"healthStatsPeriod", period,
	};
	/* url_api escapes the version as one segment: "pkg@1.2.3+build", "a/b", "a b". */
	const char *segs[] = { "organizations", org, "releases", version };
	return url_api_query(base, segs, 4, params, 4);
}

char *release_sessions_url(const char *base, const char *org, const char *version,
                           const char *project_id, const char *environment,
                           const char *period, const char *interval)
{
	struct strbuf query = STRBUF_INIT;
	if (version && search_term_append(&query, "release", version)) {
		strbuf_free(&query);
		return NULL;
	}
	const char *params[] = {
		"field", "sum(session)", "groupBy", "session.status", "interval", interval,
		"statsPeriod", period, "project", project_id, "environment", environment,
		"query", query.len ? strbuf_str(&query) : NULL,
	};
	const char *segs[] = { "organizations", org, "sessions" };
	char *url = url_api_query(base, segs, 3, params, 7);
	strbuf_free(&query);
	return url;
}

void release_result_free(struct release_result *r)
{
	if (!r)
		return;
	free(r->error);
	releases_free(r->releases, r->n);
	free(r->next_cursor);
	session_counts_free(&r->sessions);
	free(r);
}

enum call_kind { CALL_LIST, CALL_DETAIL, CALL_SESSIONS };

struct release_call {
	enum call_kind kind;
	release_fn done;
	void *ctx;
};

static void on_response(void *ctx, const struct api_response *resp)
{
	struct release_call *call = ctx;
	if (resp->outcome == API_CANCELLED) {
		free(call);
		return;
	}
	static const char *const what[] = { "release list", "release", "session counts" };
	struct release_result *r = xcalloc(1, sizeof(*r));
	r->status = resp->status;
	if (resp->outcome != API_OK) {
		r->error = xstrdup(resp->error ? resp->error : "request failed");
	} else {
		struct strbuf err = STRBUF_INIT;
		bool ok = false;
		switch (call->kind) {
		case CALL_LIST:
			ok = decode_release_list(resp->body, resp->len, &r->releases, &r->n, &err);
			if (ok)
				r->next_cursor = link_next_cursor(resp->link);
			break;
		case CALL_DETAIL:
			r->releases = xcalloc(1, sizeof(*r->releases));
			ok = decode_release(resp->body, resp->len, r->releases, &err);
			r->n = ok ? 1 : 0;
			break;
		case CALL_SESSIONS:
			ok = decode_session_counts(resp->body, resp->len, "sum(session)", &r->sessions, &err);
			break;
		}
		if (!ok)
			r->error = api_malformed_message(resp, what[call->kind], strbuf_str(&err));
		strbuf_free(&err);
	}
	release_fn done = call->done;
	void *done_ctx = call->ctx;
	free(call);
	done(done_ctx, r);
}

static unsigned long submit(const struct sentry_target *t, enum call_kind kind, char *url,
                            const char *what, const char *not_found, release_fn done, void *ctx)
{
	if (!url)
		return 0;
	struct release_call *call = xcalloc(1, sizeof(*call));
	call->kind = kind;
	call->done = done;
	call->ctx = ctx;
	struct api_request_spec spec = { .method = "GET", .url = url, .what = what,
	                                 .not_found = not_found };
	unsigned long id = api_submit(t->client, &spec, on_response, call);
	free(url);
	return id;
}

unsigned long api_list_releases(const struct sentry_target *t, const struct release_query *q,
                                release_fn done, void *ctx)
{
	char nf[256];
	snprintf(nf, sizeof(nf), "organization '%s'", t->org);
	return submit(t, CALL_LIST, releases_url(t->base_url, t->org, q), "release list", nf, done, ctx);
}

unsigned long api_get_release(const struct sentry_target *t, const char *version,
                              const char *project_id, const char *period, release_fn done,
                              void *ctx)
{
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "release %s", version);
	unsigned long id = submit(t, CALL_DETAIL,
	                          release_detail_url(t->base_url, t->org, version, project_id, period),
	                          "release", strbuf_str(&nf), done, ctx);
	strbuf_free(&nf);
	return id;
}

unsigned long api_release_sessions(const struct sentry_target *t, const char *version,
                                   const char *project_id, const char *environment,
                                   const char *period, const char *interval, release_fn done,
                                   void *ctx)
{
	char nf[256];
	snprintf(nf, sizeof(nf), "the sessions of organization '%s'", t->org);
	return submit(t, CALL_SESSIONS,
	              release_sessions_url(t->base_url, t->org, version, project_id, environment,
	                                   period, interval),
	              "session counts", nf, done, ctx);
}
