/* Issue detail, event, tags and event-list endpoints with their fallbacks
 * (see issue_endpoints.h). */
#include "api/issue_endpoints.h"

#include <stdlib.h>
#include <string.h>

#include "api/link.h"
#include "api/url.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum detail_kind { KIND_ISSUE, KIND_EVENT, KIND_TAGS, KIND_EVENTS, KIND_SHORT_ID, KIND_TRACE };

#define MAX_ROUTES 4

/* One logical request: the routes to try in order while the server answers 404. */
struct detail_call {
	enum detail_kind kind;
	const struct sentry_target *target;
	char *routes[MAX_ROUTES];
	int nroutes, next_route;
	char *what;
	char *not_found;
	detail_fn done;
	void *ctx;
	unsigned long id;         /* the id the caller holds, kept across fallbacks */
};

void detail_result_free(struct detail_result *r)
{
	if (!r)
		return;
	free(r->error);
	if (r->detail) {
		issue_detail_free(r->detail);
		free(r->detail);
	}
	if (r->event) {
		event_free(r->event);
		free(r->event);
	}
	if (r->spans) {
		span_set_free(r->spans);
		free(r->spans);
	}
	tag_keys_free(r->tags, r->ntags);
	event_summaries_free(r->events, r->nevents);
	free(r->next_cursor);
	if (r->issue) {
		issue_free(r->issue);
		free(r->issue);
	}
	free(r);
}

static void call_free(struct detail_call *c)
{
	for (int i = 0; i < c->nroutes; i++)
		free(c->routes[i]);
	free(c->what);
	free(c->not_found);
	free(c);
}

static void submit_next(struct detail_call *c);

static void decode_into(struct detail_call *c, const struct api_response *resp,
                        struct detail_result *r)
{
	struct strbuf err = STRBUF_INIT;
	bool ok = false;
	switch (c->kind) {
	case KIND_ISSUE:
		r->detail = xcalloc(1, sizeof(*r->detail));
		ok = decode_issue_detail(resp->body, resp->len, r->detail, &err);
		break;
	case KIND_EVENT:
		r->event = xcalloc(1, sizeof(*r->event));
		ok = decode_event(resp->body, resp->len, r->event, &err);
		/* A transaction's spans come from the same body (its waterfall). */
		if (ok && r->event->type && strcmp(r->event->type, "transaction") == 0) {
			struct strbuf span_err = STRBUF_INIT;
			r->spans = xcalloc(1, sizeof(*r->spans));
			if (!decode_transaction_spans(resp->body, resp->len, r->spans, &span_err)) {
				span_set_free(r->spans);
				free(r->spans);
				r->spans = NULL;
			}
			strbuf_free(&span_err);
		}
		break;
	case KIND_TAGS:
		ok = decode_issue_tags(resp->body, resp->len, &r->tags, &r->ntags, &err);
		break;
	case KIND_EVENTS:
		ok = decode_event_list(resp->body, resp->len, &r->events, &r->nevents, &err);
		if (ok)
			r->next_cursor = link_next_cursor(resp->link);
		break;
	case KIND_SHORT_ID:
		r->issue = xcalloc(1, sizeof(*r->issue));
		ok = decode_short_id_lookup(resp->body, resp->len, r->issue, &err);
		break;
	case KIND_TRACE:
		r->spans = xcalloc(1, sizeof(*r->spans));
		ok = decode_trace_spans(resp->body, resp->len, r->spans, &err);
		break;
	}
	if (!ok)
		r->error = api_malformed_message(resp, c->what, strbuf_str(&err));
	strbuf_free(&err);
}

static void on_response(void *ctx, const struct api_response *resp)
{
	struct detail_call *c = ctx;
	if (resp->outcome == API_CANCELLED) {
		call_free(c);
		return;
	}
	/* The next route when this one does not exist here: a 404, GlitchTip's 405 for the
	 * org-scoped issue (PUT only there) and its 422 for events/recommended/ (read as an
	 * event id) (docs/sentry-api.md §12). */
	if ((resp->status == 404 || resp->status == 405 || resp->status == 422) &&
	    c->next_route < c->nroutes) {
		submit_next(c);
		return;
	}
	struct detail_result *r = xcalloc(1, sizeof(*r));
	r->status = resp->status;
	if (resp->outcome != API_OK)
		r->error = xstrdup(resp->error ? resp->error : "request failed");
	else
		decode_into(c, resp, r);
	detail_fn done = c->done;
	void *done_ctx = c->ctx;
	call_free(c);
	done(done_ctx, r);
}

/* Every route is submitted under the first route's id, so the caller's api_cancel
 * reaches whichever route is in flight. */
static void submit_next(struct detail_call *c)
{
	struct api_request_spec spec = {
		.method = "GET",
		.url = c->routes[c->next_route++],
		.what = c->what,
		.not_found = c->not_found,
	};
	c->id = api_submit_as(c->target->client, c->id, &spec, on_response, c);
}

static struct detail_call *call_new(enum detail_kind kind, const struct sentry_target *t,
                                    const char *what, const char *issue_id, detail_fn done,
                                    void *ctx)
{
	struct detail_call *c = xcalloc(1, sizeof(*c));
	c->kind = kind;
	c->target = t;
	c->what = xstrdup(what);
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "issue %s in organization '%s'", issue_id, t->org);
	c->not_found = strbuf_detach(&nf);
	c->done = done;
	c->ctx = ctx;
	return c;
}

static void add_route(struct detail_call *c, char *url)
{
	if (url && c->nroutes < MAX_ROUTES)
		c->routes[c->nroutes++] = url;
	else
		free(url);
}

/* The org-scoped route and the top-level one for the same path after the issue id. */
static void add_routes(struct detail_call *c, const char *issue_id, const char *const *tail,
                       size_t ntail, const char *const *params, size_t nparams)
{
	const struct sentry_target *t = c->target;
	const char *org_segs[8] = { "organizations", t->org, "issues", issue_id };
	const char *top_segs[8] = { "issues", issue_id };
	for (size_t i = 0; i < ntail && i < 4; i++) {
		org_segs[4 + i] = tail[i];
		top_segs[2 + i] = tail[i];
	}
	if (server_has(t->caps, FEATURE_ORG_ISSUE_ROUTES))
		add_route(c, url_api_query(t->base_url, org_segs, 4 + ntail, params, nparams));
	add_route(c, url_api_query(t->base_url, top_segs, 2 + ntail, params, nparams));
}

static unsigned long start(struct detail_call *c)
{
	if (c->nroutes == 0) {
		call_free(c);
		return 0;
	}
	submit_next(c);
	return c->id;
}

unsigned long api_get_issue(const struct sentry_target *t, const char *issue_id, detail_fn done,
                            void *ctx)
{
	struct detail_call *c = call_new(KIND_ISSUE, t, "issue", issue_id, done, ctx);
	add_routes(c, issue_id, NULL, 0, NULL, 0);
	return start(c);
}

unsigned long api_get_event(const struct sentry_target *t, const char *issue_id,
                            const char *which, detail_fn done, void *ctx)
{
	struct strbuf what = STRBUF_INIT;
	strbuf_addf(&what, "%s event", which);
	struct detail_call *c = call_new(KIND_EVENT, t, strbuf_str(&what), issue_id, done, ctx);
	strbuf_free(&what);
	const char *tail[] = { "events", which };
	add_routes(c, issue_id, tail, 2, NULL, 0);
	/* "recommended" is newer than some servers: "latest" is what they all serve. */
	if (strcmp(which, "recommended") == 0) {
		const char *latest[] = { "events", "latest" };
		add_routes(c, issue_id, latest, 2, NULL, 0);
	}
	return start(c);
}

unsigned long api_issue_tags(const struct sentry_target *t, const char *issue_id, detail_fn done,
                             void *ctx)
{
	struct detail_call *c = call_new(KIND_TAGS, t, "issue tags", issue_id, done, ctx);
	const char *tail[] = { "tags" };
	const char *params[] = { "limit", "10" };
	add_routes(c, issue_id, tail, 1, params, 1);
	return start(c);
}

unsigned long api_issue_events(const struct sentry_target *t, const char *issue_id,
                               const char *cursor, detail_fn done, void *ctx)
{
	struct detail_call *c = call_new(KIND_EVENTS, t, "event list", issue_id, done, ctx);
	const char *tail[] = { "events" };
	const char *params[] = { "per_page", "50", "cursor", cursor };
	add_routes(c, issue_id, tail, 1, params, 2);
	return start(c);
}

unsigned long api_lookup_short_id(const struct sentry_target *t, const char *short_id,
                                  detail_fn done, void *ctx)
{
	struct detail_call *c = call_new(KIND_SHORT_ID, t, "issue", short_id, done, ctx);
	const char *segs[] = { "organizations", t->org, "shortids", short_id };
	add_route(c, url_api(t->base_url, segs, 4));
	return start(c);
}

/* A transaction is any event of its project: the project-scoped route serves it on
 * Sentry and GlitchTip alike (docs/sentry-api.md §5, §7). */
unsigned long api_get_project_event(const struct sentry_target *t, const char *project,
                                    const char *event_id, detail_fn done, void *ctx)
{
	struct detail_call *c = call_new(KIND_EVENT, t, "transaction event", event_id, done, ctx);
	free(c->not_found);
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "event %s in project '%s'", event_id, project);
	c->not_found = strbuf_detach(&nf);
	const char *segs[] = { "projects", t->org, project, "events", event_id };
	add_route(c, url_api(t->base_url, segs, 5));
	return start(c);
}

unsigned long api_get_trace(const struct sentry_target *t, const char *trace_id, detail_fn done,
                            void *ctx)
{
	struct detail_call *c = call_new(KIND_TRACE, t, "trace", trace_id, done, ctx);
	free(c->not_found);
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "trace %s in organization '%s'", trace_id, t->org);
	c->not_found = strbuf_detach(&nf);
	const char *segs[] = { "organizations", t->org, "trace", trace_id };
	add_route(c, url_api(t->base_url, segs, 4));
	return start(c);
}
