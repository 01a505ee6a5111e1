/* Everything the issue screen shows for one issue: the issue detail, the event being
 * looked at, the issue-wide tag distributions, and (when asked) the list of its events.
 * Opening fetches the issue, its recommended event and its tags in parallel (one round
 * trip, not three); each part shows as soon as it arrives. Tags are fetched here only,
 * never per list row (the server allows few concurrent tag requests per org). */
#ifndef STORE_ISSUE_DETAIL_H
#define STORE_ISSUE_DETAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "api/issue_endpoints.h"
#include "store/span_source.h"

struct detail_part {
	bool loading;
	char *error;
	unsigned long request;
};

struct issue_detail_store {
	const struct sentry_target *target;
	char *issue_id;

	struct issue_detail *detail;
	struct detail_part detail_state;
	long long detail_asked_us; /* when the issue in flight was asked for (time_mono_us) */

	struct event *event;
	struct span_set *spans;    /* the event's spans when it is a transaction, else NULL */
	char *event_which;         /* what was asked: recommended | latest | oldest | an id */
	struct detail_part event_state;

	struct tag_key *tags;
	size_t ntags;
	struct detail_part tags_state;

	struct event_summary *events;
	size_t nevents;
	char *events_cursor;       /* next page of the event list, NULL at the end */
	bool events_loaded;        /* the first page is in */
	struct detail_part events_state;

	unsigned version;
	void (*on_change)(void *ctx, const char *error);
	void *ctx;
	/* Called with the issue as it arrives, before it is shown, with when it was asked
	 * for: triage settled since then and triage in flight go back on it. Set after
	 * opening (answers come from the event loop, never during the call). */
	void (*overlay)(void *ctx, struct issue_detail *detail, long long asked_us);
	void *overlay_ctx;
};

/* event: the event to show first (an id, latest, oldest); NULL = the recommended one. */
void issue_detail_store_open(struct issue_detail_store *s, const struct sentry_target *target,
                             const char *issue_id, const char *event,
                             void (*on_change)(void *ctx, const char *error), void *ctx);
/* Show another event: recommended | latest | oldest | an event id. */
void issue_detail_store_load_event(struct issue_detail_store *s, const char *which);
/* Fetch the issue, the event shown and the tags again. */
void issue_detail_store_refresh(struct issue_detail_store *s);
/* Fetch (the next page of) the issue's event list. */
void issue_detail_store_load_events(struct issue_detail_store *s);
void issue_detail_store_free(struct issue_detail_store *s);
/* The store's event as a waterfall's spans (borrowed: the store must outlive it). */
struct span_source issue_detail_span_source(struct issue_detail_store *s);

#endif
