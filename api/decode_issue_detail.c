/* The issue detail endpoint: the issue object plus releases, both stats series and how
 * the issue was resolved or archived in words (docs/sentry-api.md §3.4, §8.2). */
#include "api/decode_event_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* ---- stats ------------------------------------------------------------------------- */

/* The sum of a series' buckets into *sum; false when it has none (absent, empty or
 * not a series), which is no count at all rather than zero events. */
static bool series_sum(const json_t *series, uint64_t *sum)
{
	bool any = false;
	uint32_t count;
	*sum = 0;
	for (size_t i = 0; i < json_array_size(series); i++) {
		if (bucket_count(json_array_get(series, i), &count)) {
			*sum = *sum > UINT64_MAX - count ? UINT64_MAX : *sum + count;
			any = true;
		}
	}
	return any;
}

/* The buckets of a series, the newest MODEL_MAX_STATS of them, oldest first. */
static void decode_series(const json_t *series, uint32_t **out, size_t *n)
{
	size_t total = json_array_size(series), valid = 0;
	uint32_t count;
	for (size_t i = 0; i < total; i++)
		valid += bucket_count(json_array_get(series, i), &count);
	if (valid == 0)
		return;
	size_t skip = valid > MODEL_MAX_STATS ? valid - MODEL_MAX_STATS : 0;
	*out = xcalloc(valid - skip, sizeof(**out));
	for (size_t i = 0; i < total; i++) {
		if (!bucket_count(json_array_get(series, i), &count))
			continue;
		if (skip)
			skip--;
		else
			(*out)[(*n)++] = count;
	}
}

/* ---- status in words --------------------------------------------------------------- */

/* A user object's name as the screen shows people: name, else email, else username. */
static char *person_name(const json_t *actor)
{
	char *name = nonempty_member(actor, "name", MODEL_MAX_FIELD);
	if (!name)
		name = nonempty_member(actor, "email", MODEL_MAX_FIELD);
	if (!name)
		name = nonempty_member(actor, "username", MODEL_MAX_FIELD);
	return name;
}

static void add_count(struct strbuf *t, long long n, const char *unit)
{
	strbuf_addf(t, "%lld %s%s", n, unit, n == 1 ? "" : "s");
}

/* statusDetails of an ignored issue; only one condition is set at a time (§8.2), and
 * the order below is how Sentry's own UI checks them. */
static void add_archived(const json_t *details, const char *substatus, time_t until,
                         struct strbuf *t)
{
	long long n, window;
	strbuf_adds(t, "archived ");
	if ((substatus && strcmp(substatus, "archived_until_escalating") == 0) ||
	    bool_member(details, "ignoreUntilEscalating")) {
		strbuf_adds(t, "until escalating");
	} else if ((n = count_member(details, "ignoreCount")) > 0) {
		strbuf_adds(t, "until ");
		add_count(t, n, "more event");
		if ((window = count_member(details, "ignoreWindow")) > 0) {
			strbuf_adds(t, " in ");
			add_count(t, window, "minute");
		}
	} else if ((n = count_member(details, "ignoreUserCount")) > 0) {
		strbuf_adds(t, "until ");
		add_count(t, n, "more user");
		if ((window = count_member(details, "ignoreUserWindow")) > 0) {
			strbuf_adds(t, " in ");
			add_count(t, window, "minute");
		}
	} else if ((n = count_member(details, "ignoreDuration")) > 0) {
		strbuf_adds(t, "for ");
		add_count(t, n, "minute");
	} else if (until) {
		/* An absolute time: a duration worked out now would be stale on screen later.
		 * archived_until lets the view say "in 3h" itself. */
		char when[32];
		struct tm tm;
		if (gmtime_r(&until, &tm) && strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm))
			strbuf_addf(t, "until %s", when);
		else
			strbuf_adds(t, "for a while");
	} else if (substatus && strcmp(substatus, "archived_until_condition_met") == 0) {
		strbuf_adds(t, "until a condition is met");
	} else {
		/* Plain "ignored" ends as archived_forever (§8.2). */
		strbuf_adds(t, "forever");
	}
}

static void add_resolved(const json_t *details, bool next_release, struct strbuf *t)
{
	const json_t *commit = member(details, "inCommit");
	const json_t *commit_id = json_is_object(commit) ? member(commit, "id") : commit;
	char *release = nonempty_member(details, "inRelease", MODEL_MAX_FIELD);
	if (bool_member(details, "autoResolved")) {
		strbuf_adds(t, "auto-resolved");
		free(release);
		return; /* nobody did it */
	}
	if (next_release || bool_member(details, "inNextRelease")) {
		strbuf_adds(t, "resolved in the next release");
	} else if (release) {
		strbuf_addf(t, "resolved in %s", release);
	} else if (json_is_string(commit_id) && json_string_length(commit_id) > 0) {
		/* Seven hex digits, as git and Sentry abbreviate a commit. */
		strbuf_adds(t, "resolved in commit ");
		add_capped(t, json_string_value(commit_id), json_string_length(commit_id), 7);
	} else {
		strbuf_adds(t, "resolved");
	}
	free(release);
	char *actor = person_name(member(details, "actor"));
	if (actor)
		strbuf_addf(t, " by %s", actor);
	free(actor);
}

static char *status_text(const json_t *root, const struct issue *issue, time_t until)
{
	const json_t *details = member(root, "statusDetails");
	const char *status = issue->status, *substatus = issue->substatus;
	struct strbuf t = STRBUF_INIT;
	if (!status) {
		return NULL;
	} else if (strcmp(status, "resolved") == 0 || strcmp(status, "resolvedInNextRelease") == 0) {
		add_resolved(details, strcmp(status, "resolvedInNextRelease") == 0, &t);
	} else if (strcmp(status, "ignored") == 0 || strcmp(status, "muted") == 0) {
		add_archived(details, substatus, until, &t);
	} else if (strcmp(status, "unresolved") == 0) {
		/* Only the states that need attention; new and ongoing are the normal case. */
		if (substatus && (strcmp(substatus, "regressed") == 0 || strcmp(substatus, "escalating") == 0))
			strbuf_adds(&t, substatus);
	} else {
		/* reprocessing, pending_deletion, pending_merge: said as words. */
		for (const char *p = status; *p; p++)
			strbuf_addc(&t, *p == '_' ? ' ' : *p);
	}
	if (!t.len)
		return NULL;
	char *text = copy_capped(t.buf, t.len, MODEL_MAX_FIELD);
	strbuf_free(&t);
	return text;
}

static char *assignee_text(const struct actor *a)
{
	if (!a)
		return NULL;
	const char *name = a->name ? a->name : a->email ? a->email : a->id;
	struct strbuf t = STRBUF_INIT;
	/* A team's "name" is its slug; "#slug" is how Sentry writes a team. */
	if (a->type && strcmp(a->type, "team") == 0)
		strbuf_addc(&t, '#');
	strbuf_adds(&t, name ? name : "");
	return strbuf_detach(&t);
}

/* ---- the detail -------------------------------------------------------------------- */

bool decode_issue_detail(const char *body, size_t len, struct issue_detail *out,
                         struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!decode_issue(root, &out->issue)) {
		issue_free(&out->issue);
		if (json_is_object(root) && !member(root, "detail") && !member(root, "error") && err)
			strbuf_adds(err, "expected an issue, got an object without an id");
		else
			shape_error(err, root, "an issue", body, len);
		json_decref(root);
		return false;
	}
	out->first_release = release_version(member(root, "firstRelease"));
	out->last_release = release_version(member(root, "lastRelease"));
	const json_t *stats = member(root, "stats");
	decode_series(member(stats, "30d"), &out->stats_30d, &out->nstats_30d);
	out->has_events_24h = series_sum(member(stats, "24h"), &out->events_24h);
	out->has_events_30d = series_sum(member(stats, "30d"), &out->events_30d);
	out->archived_until = time_member(member(root, "statusDetails"), "ignoreUntil");
	out->status_text = status_text(root, &out->issue, out->archived_until);
	out->assignee_text = assignee_text(out->issue.assigned_to);
	json_decref(root);
	return true;
}
