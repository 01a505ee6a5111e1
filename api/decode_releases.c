/* Decoding releases, their health and session counts (see release.h). */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/decode_event_parts.h"
#include "api/json_util.h"
#include "api/model.h"
#include "api/release.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

static void health_free(struct release_health *h)
{
	free(h->stats);
}

void release_free(struct release *r)
{
	if (!r)
		return;
	free(r->version);
	free(r->short_version);
	free(r->last_deploy_environment);
	for (size_t i = 0; i < r->nprojects; i++) {
		free(r->projects[i].id);
		free(r->projects[i].slug);
		health_free(&r->projects[i].health);
	}
	free(r->projects);
	memset(r, 0, sizeof(*r));
}

void releases_free(struct release *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		release_free(&r[i]);
	free(r);
}

void session_counts_free(struct session_counts *s)
{
	free(s->intervals);
	for (size_t i = 0; i < s->ngroups; i++) {
		free(s->groups[i].status);
		free(s->groups[i].series);
	}
	free(s->groups);
	memset(s, 0, sizeof(*s));
}

/* A percent 0-100; -1 when null, not a number or out of range. */
static double percent_member(const json_t *obj, const char *key)
{
	const json_t *v = member(obj, key);
	if (!json_is_number(v))
		return -1;
	double d = json_number_value(v);
	return isfinite(d) && d >= 0 && d <= 100 ? d : -1;
}

/* A count; -1 when null or not a count. */
static long long figure_member(const json_t *obj, const char *key)
{
	const json_t *v = member(obj, key);
	if (!v || json_is_null(v))
		return -1;
	return count_member(obj, key);
}

/* stats: {"24h": [[ts, n], …]} under whatever key the period was. */
static void decode_stats(const json_t *stats, struct release_health *h)
{
	if (!json_is_object(stats))
		return;
	const char *key;
	const json_t *series;
	json_object_foreach(json_unconst(stats), key, series) {
		if (!json_is_array(series))
			continue;
		size_t n = json_array_size(series);
		if (n > RELEASE_MAX_STATS)
			n = RELEASE_MAX_STATS;
		h->stats = n ? xcalloc(n, sizeof(*h->stats)) : NULL;
		for (size_t i = 0; i < n; i++) {
			uint32_t c = 0;
			if (bucket_count(json_array_get(series, i), &c))
				h->stats[h->nstats++] = c;
		}
		break; /* one period is asked */
	}
}

static void decode_health(const json_t *data, struct release_health *h)
{
	h->crash_free_sessions = percent_member(data, "crashFreeSessions");
	h->crash_free_users = percent_member(data, "crashFreeUsers");
	h->adoption = percent_member(data, "adoption");
	h->sessions_adoption = percent_member(data, "sessionsAdoption");
	h->total_sessions = figure_member(data, "totalSessions");
	h->total_sessions_24h = figure_member(data, "totalSessions24h");
	h->total_users = figure_member(data, "totalUsers");
	h->total_users_24h = figure_member(data, "totalUsers24h");
	h->sessions_crashed = figure_member(data, "sessionsCrashed");
	h->sessions_errored = figure_member(data, "sessionsErrored");
	decode_stats(member(data, "stats"), h);
}

static void decode_project(const json_t *p, struct release_project *out)
{
	out->id = id_member(p, "id");
	out->slug = string_member(p, "slug", MODEL_MAX_ID);
	out->new_groups = figure_member(p, "newGroups");
	const json_t *data = member(p, "healthData");
	struct release_health *h = &out->health;
	h->crash_free_sessions = h->crash_free_users = h->adoption = h->sessions_adoption = -1;
	h->total_sessions = h->total_sessions_24h = h->total_users = h->total_users_24h = -1;
	h->sessions_crashed = h->sessions_errored = -1;
	if (json_is_object(data))
		decode_health(data, h);
	/* The project's flag, else the health data's own. */
	h->has_health = bool_member(p, "hasHealthData") || bool_member(data, "hasHealthData");
}

static bool decode_one(const json_t *obj, struct release *out)
{
	memset(out, 0, sizeof(*out));
	out->version = string_member(obj, "version", MODEL_MAX_TITLE);
	if (!out->version)
		return false;
	out->short_version = string_member(obj, "shortVersion", MODEL_MAX_TITLE);
	out->created = time_member(obj, "dateCreated");
	out->released = time_member(obj, "dateReleased");
	out->first_event = time_member(obj, "firstEvent");
	out->last_event = time_member(obj, "lastEvent");
	out->new_groups = figure_member(obj, "newGroups");
	out->commit_count = figure_member(obj, "commitCount");
	out->deploy_count = figure_member(obj, "deployCount");
	const json_t *deploy = member(obj, "lastDeploy");
	out->last_deploy_environment = string_member(deploy, "environment", MODEL_MAX_FIELD);
	out->last_deploy = time_member(deploy, "dateFinished");
	const json_t *projects = member(obj, "projects");
	size_t n = json_is_array(projects) ? json_array_size(projects) : 0;
	out->projects = n ? xcalloc(n, sizeof(*out->projects)) : NULL;
	for (size_t i = 0; i < n; i++) {
		const json_t *p = json_array_get(projects, i);
		if (json_is_object(p))
			decode_project(p, &out->projects[out->nprojects++]);
	}
	return true;
}

bool decode_release_list(const char *body, size_t len, struct release **out, size_t *n,
                         struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!json_is_array(root)) {
		if (err)
			strbuf_addf(err, "expected a list of releases, got %s", json_kind(root));
		json_decref(root);
		return false;
	}
	size_t count = json_array_size(root);
	struct release *list = count ? xcalloc(count, sizeof(*list)) : NULL;
	for (size_t i = 0; i < count; i++) {
		const json_t *obj = json_array_get(root, i);
		if (json_is_object(obj) && decode_one(obj, &list[*n]))
			(*n)++;
		else
			release_free(&list[*n]);
	}
	json_decref(root);
	*out = list;
	return true;
}

bool decode_release(const char *body, size_t len, struct release *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	bool ok = json_is_object(root) && decode_one(root, out);
	if (!ok) {
		release_free(out);
		if (err)
			strbuf_addf(err, "expected a release object with a version, got %s", json_kind(root));
	}
	json_decref(root);
	return ok;
}

bool decode_session_counts(const char *body, size_t len, const char *field,
                           struct session_counts *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	const json_t *intervals = member(root, "intervals");
	const json_t *groups = member(root, "groups");
	if (!json_is_array(intervals) || !json_is_array(groups)) {
		if (err)
			strbuf_addf(err, "expected an object with \"intervals\" and \"groups\" lists, got %s",
			            json_kind(root));
		json_decref(root);
		return false;
	}
	size_t ni = json_array_size(intervals);
	if (ni > RELEASE_MAX_INTERVALS)
		ni = RELEASE_MAX_INTERVALS;
	out->intervals = ni ? xcalloc(ni, sizeof(*out->intervals)) : NULL;
	for (size_t i = 0; i < ni; i++) {
		const json_t *v = json_array_get(intervals, i);
		time_t t = 0;
		if (json_is_string(v) && !time_parse_iso8601(json_string_value(v), &t))
			t = 0;
		out->intervals[out->nintervals++] = t;
	}
	size_t ng = json_array_size(groups);
	out->groups = ng ? xcalloc(ng, sizeof(*out->groups)) : NULL;
	for (size_t g = 0; g < ng; g++) {
		const json_t *grp = json_array_get(groups, g);
		if (!json_is_object(grp))
			continue;
		struct session_group *sg = &out->groups[out->ngroups++];
		sg->status = string_member(member(grp, "by"), "session.status", MODEL_MAX_FIELD);
		uint64_t total = 0;
		if (u64_member(member(grp, "totals"), field, &total))
			sg->total = total;
		const json_t *series = member(member(grp, "series"), field);
		/* One count per interval: a shorter series is padded, a longer one cut. */
		sg->n = out->nintervals;
		sg->series = sg->n ? xcalloc(sg->n, sizeof(*sg->series)) : NULL;
		for (size_t i = 0; i < sg->n && json_is_array(series) && i < json_array_size(series); i++) {
			const json_t *v = json_array_get(series, i);
			if (json_is_integer(v) && json_integer_value(v) > 0)
				sg->series[i] = (uint64_t)json_integer_value(v);
			else if (json_is_real(v) && json_real_value(v) > 0 && isfinite(json_real_value(v)))
				sg->series[i] = (uint64_t)json_real_value(v);
		}
	}
	json_decref(root);
	return true;
}
