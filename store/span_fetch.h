/* Owned span sources: one transaction event fetched by project and event id, or a
 * whole trace from the organization's trace endpoint (docs/sentry-api.md §7). The
 * answer replaces the spans; on_change (never a draw: the app redraws on its next
 * pass) says something arrived. */
#ifndef STORE_SPAN_FETCH_H
#define STORE_SPAN_FETCH_H

#include "api/endpoints.h"
#include "store/span_source.h"

/* GET /api/0/projects/{org}/{project}/events/{event_id}/ */
struct span_source span_fetch_event(const struct sentry_target *target, const char *project,
                                    const char *event_id, void (*on_change)(void *ctx),
                                    void *ctx);
/* GET /api/0/organizations/{org}/trace/{trace_id}/ */
struct span_source span_fetch_trace(const struct sentry_target *target, const char *trace_id,
                                    void (*on_change)(void *ctx), void *ctx);

#endif
