/* One release of one project for the release screen: its detail (with health) and its
 * sessions over the period by status, fetched together; each shows when it arrives. */
#ifndef STORE_RELEASE_DETAIL_H
#define STORE_RELEASE_DETAIL_H

#include <stdbool.h>

#include "api/release.h"

struct release_detail_store {
	const struct sentry_target *target;
	char *version;
	char *project_id;             /* NULL: every project of the release */
	char *environment;
	char *period;
	char *interval;               /* the chart's bucket: 1h … 1d, from the period */

	struct release *release;      /* NULL until it arrives */
	char *release_error;
	bool release_loading;
	unsigned long release_request;

	struct session_counts sessions;
	bool have_sessions;
	char *sessions_error;
	bool sessions_loading;
	unsigned long sessions_request;

	void (*on_change)(void *ctx);
	void *ctx;
};

/* The interval a period's chart is drawn in ("24h" -> "1h", "14d" -> "12h"). */
const char *release_chart_interval(const char *period);

void release_detail_open(struct release_detail_store *s, const struct sentry_target *target,
                         const char *version, const char *project_id, const char *environment,
                         const char *period, void (*on_change)(void *ctx), void *ctx);
void release_detail_reload(struct release_detail_store *s);
void release_detail_free(struct release_detail_store *s);

#endif
