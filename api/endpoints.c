/* Issue and project list endpoints (see endpoints.h). */
#include "api/endpoints.h"

#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/link.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct call {
	void (*deliver)(struct call *call, const struct api_response *resp);
	union {
		issue_page_fn issues;
		project_page_fn projects;
	} done;
	void *ctx;
};

static void on_response(void *ctx, const struct api_response *resp)
{
	struct call *call = ctx;
	if (resp->outcome != API_CANCELLED)
		call->deliver(call, resp);
	free(call);
}

/* Takes ownership of call. */
static unsigned long submit(const struct sentry_target *t, const char *url, const char *what,
                            const char *not_found, struct call *call)
{
	struct api_request_spec spec = {
		.method = "GET", .url = url, .what = what, .not_found = not_found,
	};
	return api_submit(t->client, &spec, on_response, call);
}

/* Issues */

void issue_page_free(struct issue_page *page)
{
	if (!page)
		return;
	for (size_t i = 0; i < page->n; i++) {
		issue_free(page->issues[i]);
		free(page->issues[i]);
	}
	free(page->issues);
	free(page->next_cursor);
	free(page->error);
	free(page);
}

static void deliver_issues(struct call *call, const struct api_response *resp)
{
	struct issue_page *page = xcalloc(1, sizeof(*page));
	page->status = resp->status;
	page->hits = resp->hits;
	if (resp->outcome != API_OK) {
		page->error = xstrdup(resp->error ? resp->error : "issue list: request failed");
		page->multi_project_refused = resp->status == 400 && resp->error &&
		                              strstr(resp->error, "multi project stream");
	} else {
		struct strbuf err = STRBUF_INIT;
		if (decode_issue_list(resp->body, resp->len, &page->issues, &page->n, NULL, &err))
			page->next_cursor = link_next_cursor(resp->link);
		else
			page->error = api_malformed_message(resp, "issue list", strbuf_str(&err));
		strbuf_free(&err);
	}
	call->done.issues(call->ctx, page);
}

unsigned long api_list_issues(const struct sentry_target *t, const struct issue_query *q,
                              issue_page_fn done, void *ctx)
{
	struct issue_query asked = q ? *q : (struct issue_query){ 0 };
	asked.sort = server_issue_sort(t->caps, asked.sort);
	char *url = url_issue_list(t->base_url, t->org, &asked);
	if (!url)
		return 0;
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "organization '%s'", t->org);
	/* Sentry answers 404 for an environment name it does not know, too. */
	if (q && q->nenvironments == 1 && q->environments && q->environments[0])
		strbuf_addf(&nf, " or environment '%s'", q->environments[0]);
	struct call *call = xcalloc(1, sizeof(*call));
	call->deliver = deliver_issues;
	call->done.issues = done;
	call->ctx = ctx;
	unsigned long id = submit(t, url, "issue list", strbuf_str(&nf), call);
	strbuf_free(&nf);
	free(url);
	return id;
}

/* GET /api/0/organizations/{org}/issues-stats/?groups=ID…&statsPeriod=24h: the
 * sparklines of a server whose issue list has none (GlitchTip, docs/sentry-api.md §12),
 * as a page of issues carrying only id, counts and stats. */
unsigned long api_issue_stats(const struct sentry_target *t, const char *const *ids, size_t n,
                              issue_page_fn done, void *ctx)
{
	const char **params = xcalloc(2 * (n + 1), sizeof(*params));
	for (size_t i = 0; i < n; i++) {
		params[2 * i] = "groups";
		params[2 * i + 1] = ids[i];
	}
	params[2 * n] = "statsPeriod";
	params[2 * n + 1] = "24h";
	const char *segs[] = { "organizations", t->org, "issues-stats" };
	char *url = url_api_query(t->base_url, segs, 3, params, n + 1);
	free(params);
	if (!url)
		return 0;
	struct call *call = xcalloc(1, sizeof(*call));
	call->deliver = deliver_issues;
	call->done.issues = done;
	call->ctx = ctx;
	unsigned long id = submit(t, url, "issue stats", "the issue stats", call);
	free(url);
	return id;
}

/* Projects */

void project_page_free(struct project_page *page)
{
	if (!page)
		return;
	for (size_t i = 0; i < page->n; i++)
		project_free(&page->projects[i]);
	free(page->projects);
	free(page->next_cursor);
	free(page->error);
	free(page);
}

static void deliver_projects(struct call *call, const struct api_response *resp)
{
	struct project_page *page = xcalloc(1, sizeof(*page));
	if (resp->outcome != API_OK) {
		page->error = xstrdup(resp->error ? resp->error : "project list: request failed");
	} else {
		struct strbuf err = STRBUF_INIT;
		if (decode_project_list(resp->body, resp->len, &page->projects, &page->n, &err))
			page->next_cursor = link_next_cursor(resp->link);
		else
			page->error = api_malformed_message(resp, "project list", strbuf_str(&err));
		strbuf_free(&err);
	}
	call->done.projects(call->ctx, page);
}

unsigned long api_list_projects(const struct sentry_target *t, const char *cursor,
                                project_page_fn done, void *ctx)
{
	char *url = url_org_projects(t->base_url, t->org, cursor);
	if (!url)
		return 0;
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "organization '%s'", t->org);
	struct call *call = xcalloc(1, sizeof(*call));
	call->deliver = deliver_projects;
	call->done.projects = done;
	call->ctx = ctx;
	unsigned long id = submit(t, url, "project list", strbuf_str(&nf), call);
	strbuf_free(&nf);
	free(url);
	return id;
}
