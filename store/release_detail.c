/* One release's detail and sessions (see release_detail.h). */
#include "store/release_detail.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* "14d" in seconds; 0 when it is not a number and a unit. */
static long period_seconds(const char *period)
{
	char *end = NULL;
	long n = strtol(period, &end, 10);
	static const struct { char unit; long seconds; } units[] = {
		{ 'h', 3600 }, { 'd', 86400 }, { 'w', 7 * 86400 },
	};
	for (size_t i = 0; n > 0 && end && end[1] == '\0' && i < sizeof(units) / sizeof(units[0]); i++)
		if (*end == units[i].unit)
			return n * units[i].seconds;
	return 0;
}

const char *release_chart_interval(const char *period)
{
	long seconds = period ? period_seconds(period) : 0;
	if (seconds <= 24 * 3600)
		return "1h";
	if (seconds <= 2 * 24 * 3600)
		return "2h";
	if (seconds <= 7 * 24 * 3600)
		return "6h";
	if (seconds <= 14 * 24 * 3600)
		return "12h";
	return "1d";
}

static void changed(struct release_detail_store *s)
{
	if (s->on_change)
		s->on_change(s->ctx);
}

static void on_release(void *ctx, struct release_result *r)
{
	struct release_detail_store *s = ctx;
	s->release_request = 0;
	s->release_loading = false;
	free(s->release_error);
	s->release_error = r->error ? xstrdup(r->error) : NULL;
	if (!r->error && r->n == 1) {
		if (s->release) {
			release_free(s->release);
			free(s->release);
		}
		s->release = xcalloc(1, sizeof(*s->release));
		*s->release = r->releases[0];
		memset(&r->releases[0], 0, sizeof(r->releases[0]));
	}
	release_result_free(r);
	changed(s);
}

static void on_sessions(void *ctx, struct release_result *r)
{
	struct release_detail_store *s = ctx;
	s->sessions_request = 0;
	s->sessions_loading = false;
	free(s->sessions_error);
	s->sessions_error = r->error ? xstrdup(r->error) : NULL;
	if (!r->error) {
		session_counts_free(&s->sessions);
		s->sessions = r->sessions;
		memset(&r->sessions, 0, sizeof(r->sessions));
		s->have_sessions = true;
	}
	release_result_free(r);
	changed(s);
}

void release_detail_reload(struct release_detail_store *s)
{
	if (s->release_request)
		api_cancel(s->target->client, s->release_request);
	if (s->sessions_request)
		api_cancel(s->target->client, s->sessions_request);
	s->release_loading = s->sessions_loading = true;
	s->release_request = api_get_release(s->target, s->version, s->project_id, s->period,
	                                     on_release, s);
	s->sessions_request = api_release_sessions(s->target, s->version, s->project_id,
	                                           s->environment, s->period, s->interval,
	                                           on_sessions, s);
	if (!s->release_request)
		s->release_loading = false;
	if (!s->sessions_request) {
		s->sessions_loading = false;
		free(s->sessions_error);
		s->sessions_error = xstrdup("this version cannot be put in a session query");
	}
}

void release_detail_open(struct release_detail_store *s, const struct sentry_target *target,
                         const char *version, const char *project_id, const char *environment,
                         const char *period, void (*on_change)(void *ctx), void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->target = target;
	s->version = xstrdup(version);
	s->project_id = project_id ? xstrdup(project_id) : NULL;
	s->environment = environment ? xstrdup(environment) : NULL;
	s->period = xstrdup(period ? period : "14d");
	s->interval = xstrdup(release_chart_interval(s->period));
	s->on_change = on_change;
	s->ctx = ctx;
	release_detail_reload(s);
}

void release_detail_free(struct release_detail_store *s)
{
	if (s->release_request)
		api_cancel(s->target->client, s->release_request);
	if (s->sessions_request)
		api_cancel(s->target->client, s->sessions_request);
	if (s->release) {
		release_free(s->release);
		free(s->release);
	}
	session_counts_free(&s->sessions);
	free(s->version);
	free(s->project_id);
	free(s->environment);
	free(s->period);
	free(s->interval);
	free(s->release_error);
	free(s->sessions_error);
	memset(s, 0, sizeof(*s));
}
