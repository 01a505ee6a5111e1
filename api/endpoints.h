/* Endpoint functions: build the URL (api/url.h), submit (api/client.h), decode
 * (api/decode.h), and hand the caller owned models. Each returns the request id for
 * api_cancel. Callbacks run from api_perform; they never draw. */
#ifndef API_ENDPOINTS_H
#define API_ENDPOINTS_H

#include <stdbool.h>
#include <stddef.h>

#include "api/client.h"
#include "api/model.h"
#include "api/server_caps.h"
#include "api/url.h"

/* Where to send requests: one server, one organization. */
struct sentry_target {
	struct api_client *client;
	const char *base_url;
	const char *org;
	struct server_caps *caps;   /* what the server supports (NULL: Sentry) */
};

/* One page of the issue stream. The callback owns everything in it (issue_page_free). */
struct issue_page {
	struct issue **issues;
	size_t n;
	char *next_cursor;   /* NULL when results="false" */
	long long hits;      /* X-Hits, -1 if absent */
	long status;         /* HTTP status (0 = network error) */
	char *error;         /* NULL on success: a sentence for the status line */
	bool multi_project_refused; /* the 400 for orgs without the global-views feature */
};
typedef void (*issue_page_fn)(void *ctx, struct issue_page *page);
void issue_page_free(struct issue_page *page);

/* GET /api/0/organizations/{org}/issues/ (docs/sentry-api.md §3.1, §4). */
unsigned long api_list_issues(const struct sentry_target *t, const struct issue_query *q,
                              issue_page_fn done, void *ctx);

/* GET …/issues-stats/ for ids: each issue of the page carries only its id and stats. */
unsigned long api_issue_stats(const struct sentry_target *t, const char *const *ids, size_t n,
                              issue_page_fn done, void *ctx);

struct project_page {
	struct project *projects;
	size_t n;
	char *next_cursor;
	char *error;
};
typedef void (*project_page_fn)(void *ctx, struct project_page *page);
void project_page_free(struct project_page *page);

/* GET /api/0/organizations/{org}/projects/ (docs/sentry-api.md §9), one page. */
unsigned long api_list_projects(const struct sentry_target *t, const char *cursor,
                                project_page_fn done, void *ctx);

#endif
