/* Endpoints behind the issue screen (docs/sentry-api.md §5, §7b). Each tries the
 * organization-scoped route first and falls back to the portable top-level
 * /api/0/issues/{id}/… route on 404 (GlitchTip serves only that one), and a
 * "recommended" event falls back to "latest" where it is not served. */
#ifndef API_ISSUE_ENDPOINTS_H
#define API_ISSUE_ENDPOINTS_H

#include "api/endpoints.h"
#include "api/event.h"
#include "api/span.h"

/* Every result is owned by the callback; error is NULL on success. */
struct detail_result {
	long status;
	char *error;
	struct issue_detail *detail;       /* api_get_issue */
	struct event *event;               /* api_get_event */
	struct span_set *spans;            /* api_get_event and api_get_project_event for a
	                                      transaction, api_get_trace; else NULL */
	struct tag_key *tags;              /* api_issue_tags */
	size_t ntags;
	struct event_summary *events;      /* api_issue_events */
	size_t nevents;
	char *next_cursor;                 /* api_issue_events: next page, or NULL */
	struct issue *issue;               /* api_lookup_short_id */
};
typedef void (*detail_fn)(void *ctx, struct detail_result *result);
void detail_result_free(struct detail_result *r);

/* GET …/issues/{id}/ */
unsigned long api_get_issue(const struct sentry_target *t, const char *issue_id,
                            detail_fn done, void *ctx);
/* GET …/issues/{id}/events/{which}/ with which = recommended | latest | oldest | an id. */
unsigned long api_get_event(const struct sentry_target *t, const char *issue_id,
                            const char *which, detail_fn done, void *ctx);
/* GET …/issues/{id}/tags/?limit=10 */
unsigned long api_issue_tags(const struct sentry_target *t, const char *issue_id,
                             detail_fn done, void *ctx);
/* GET …/issues/{id}/events/?per_page=50[&cursor=…] */
unsigned long api_issue_events(const struct sentry_target *t, const char *issue_id,
                               const char *cursor, detail_fn done, void *ctx);

/* GET /api/0/organizations/{org}/shortids/{short_id}/ -> the issue (result->issue).
 * Sentry only: other servers answer 404, which reads as "not found". */
unsigned long api_lookup_short_id(const struct sentry_target *t, const char *short_id,
                                  detail_fn done, void *ctx);
/* The short-id lookup's answer: its "group" as an issue (else groupId and shortId
 * alone). False, with err, for a body that is not such an object. */
bool decode_short_id_lookup(const char *body, size_t len, struct issue *out,
                            struct strbuf *err);

/* GET /api/0/projects/{org}/{project}/events/{event_id}/: any event, a transaction
 * with its spans (result->event, result->spans). */
unsigned long api_get_project_event(const struct sentry_target *t, const char *project,
                                    const char *event_id, detail_fn done, void *ctx);
/* GET /api/0/organizations/{org}/trace/{trace_id}/ -> result->spans (from_trace). Not
 * every server has it: a 404 (status 404, error set) means "no trace endpoint" as
 * much as "no such trace", and the caller falls back. */
unsigned long api_get_trace(const struct sentry_target *t, const char *trace_id, detail_fn done,
                            void *ctx);

#endif
