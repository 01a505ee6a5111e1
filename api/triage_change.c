/* Triage changes (see triage.h): the JSON body a change sends (docs/sentry-api.md §8.2), the
 * words that say what it did, the optimistic update of the local issue, and the change
 * that undoes it. */
#include "api/triage.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/strpool.h"
#include "util/xalloc.h"

/* ---- owning ------------------------------------------------------------------------ */

void change_free(struct change *c)
{
	if (!c)
		return;
	free(c->release);
	actor_free(&c->assignee);
	free(c->status);
	free(c->substatus);
	free(c->status_details);
	memset(c, 0, sizeof(*c));
}

static void actor_copy(const struct actor *src, struct actor *dst)
{
	dst->type = xstrdup_or_null(src->type);
	dst->id = xstrdup_or_null(src->id);
	dst->name = xstrdup_or_null(src->name);
	dst->email = xstrdup_or_null(src->email);
}

void change_copy(const struct change *src, struct change *dst)
{
	*dst = *src;
	dst->release = xstrdup_or_null(src->release);
	actor_copy(&src->assignee, &dst->assignee);
	dst->status = xstrdup_or_null(src->status);
	dst->substatus = xstrdup_or_null(src->substatus);
	dst->status_details = xstrdup_or_null(src->status_details);
}

void actor_from_member(const struct member *m, struct actor *out)
{
	memset(out, 0, sizeof(*out));
	out->type = xstrdup("user");
	out->id = xstrdup_or_null(m->user_id);
	out->name = xstrdup_or_null(m->name);
	out->email = xstrdup_or_null(m->email);
}

/* The server names a team actor by its slug ({"type":"team","name":"backend"}), so the
 * optimistic assignee reads the same as the one the server sends back. */
void actor_from_team(const struct team *t, struct actor *out)
{
	memset(out, 0, sizeof(*out));
	out->type = xstrdup("team");
	out->id = xstrdup_or_null(t->id);
	out->name = xstrdup_or_null(t->slug ? t->slug : t->name);
}

static bool is_team(const struct actor *a)
{
	return a->type && strcmp(a->type, "team") == 0;
}

/* ---- the body ---------------------------------------------------------------------- */

/* NULL stays JSON null; text jansson refuses (not UTF-8) fails the whole body, because
 * a body with a key silently missing would mean something else. */
static bool set_text(json_t *obj, const char *key, const char *text)
{
	json_t *v = text ? json_string(text) : json_null();
	return v && json_object_set_new(obj, key, v) == 0;
}

static bool set_integer(json_t *obj, const char *key, long n)
{
	return json_object_set_new(obj, key, json_integer(n)) == 0;
}

/* {"status":…,"statusDetails":{…}[,"substatus":…]}; takes details. Archive bodies always
 * carry statusDetails or a substatus: a bare {"status":"ignored"} means forever. */
static json_t *status_body(const char *status, json_t *details, bool with_substatus,
                           const char *substatus)
{
	json_t *body = json_object();
	bool ok = set_text(body, "status", status) &&
	          json_object_set_new(body, "statusDetails", details) == 0;
	if (ok && with_substatus)
		ok = set_text(body, "substatus", substatus);
	if (!ok) {
		json_decref(body);
		return NULL;
	}
	return body;
}

/* {"<count_key>":n[,"<window_key>":minutes]}: a window of 0 means "ever", so it is left out. */
static json_t *threshold_details(const char *count_key, long count, const char *window_key,
                                 long minutes)
{
	json_t *details = json_object();
	set_integer(details, count_key, count);
	if (minutes > 0)
		set_integer(details, window_key, minutes);
	return details;
}

/* A SET_STATUS restores statusDetails as text; anything but a JSON object becomes {}. */
static json_t *details_from_text(const char *text)
{
	json_t *details = text ? json_loads(text, 0, NULL) : NULL;
	if (json_is_object(details))
		return details;
	json_decref(details);
	return json_object();
}

static json_t *assign_body(const struct actor *a)
{
	if (!a->id || !*a->id)
		return NULL;   /* "user:" would ask the server to guess */
	struct strbuf who = STRBUF_INIT;
	strbuf_addf(&who, "%s:%s", is_team(a) ? "team" : "user", a->id);
	json_t *body = json_object();
	if (!set_text(body, "assignedTo", strbuf_str(&who))) {
		json_decref(body);
		body = NULL;
	}
	strbuf_free(&who);
	return body;
}

static json_t *flag_body(const char *key, bool value)
{
	json_t *body = json_object();
	json_object_set_new(body, key, json_boolean(value));
	return body;
}

static json_t *body_of(const struct change *c)
{
	json_t *details;
	switch (c->kind) {
	case CHANGE_RESOLVE:
		return status_body("resolved", json_object(), true, NULL);
	case CHANGE_RESOLVE_NEXT_RELEASE:
		return status_body("resolved", json_pack("{s:b}", "inNextRelease", 1), false, NULL);
	case CHANGE_RESOLVE_IN_RELEASE:
		if (!c->release || !*c->release)
			return NULL;
		details = json_object();
		if (!set_text(details, "inRelease", c->release)) {
			json_decref(details);
			return NULL;
		}
		return status_body("resolved", details, false, NULL);
	case CHANGE_UNRESOLVE:
		return status_body("unresolved", json_object(), true, "ongoing");
	case CHANGE_ARCHIVE_ESCALATING:
		return status_body("ignored", json_object(), true, "archived_until_escalating");
	case CHANGE_ARCHIVE_FOREVER:
		return status_body("ignored", json_object(), true, "archived_forever");
	case CHANGE_ARCHIVE_DURATION:
		details = json_object();
		set_integer(details, "ignoreDuration", c->minutes);
		return status_body("ignored", details, false, NULL);
	case CHANGE_ARCHIVE_COUNT:
		details = threshold_details("ignoreCount", c->count, "ignoreWindow", c->minutes);
		return status_body("ignored", details, false, NULL);
	case CHANGE_ARCHIVE_USERS:
		details = threshold_details("ignoreUserCount", c->count, "ignoreUserWindow",
		                            c->minutes);
		return status_body("ignored", details, false, NULL);
	case CHANGE_ASSIGN:
		return assign_body(&c->assignee);
	case CHANGE_UNASSIGN:
		return json_pack("{s:s}", "assignedTo", "");
	case CHANGE_BOOKMARK:
		return flag_body("isBookmarked", true);
	case CHANGE_UNBOOKMARK:
		return flag_body("isBookmarked", false);
	case CHANGE_MARK_REVIEWED:
		return flag_body("inbox", false);
	case CHANGE_MARK_UNREVIEWED:
		return flag_body("inbox", true);
	case CHANGE_SET_STATUS:
		return status_body(c->status, details_from_text(c->status_details), true,
		                   c->substatus);
	}
	return NULL;
}

char *change_body(const struct change *c)
{
	json_t *body = body_of(c);
	if (!body)
		return NULL;
	char *text = json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(body);
	return text;
}

/* ---- words ------------------------------------------------------------------------- */

static void add_count(struct strbuf *out, long n, const char *one, const char *many)
{
	strbuf_addf(out, "%ld %s", n, n == 1 ? one : many);
}

/* Whole weeks, days, hours, else minutes. One day reads "24 hours", as in Sentry's own
 * archive menu. */
static void add_minutes(struct strbuf *out, long minutes)
{
	if (minutes > 0 && minutes % 10080 == 0)
		add_count(out, minutes / 10080, "week", "weeks");
	else if (minutes > 1440 && minutes % 1440 == 0)
		add_count(out, minutes / 1440, "day", "days");
	else if (minutes > 0 && minutes % 60 == 0)
		add_count(out, minutes / 60, "hour", "hours");
	else
		add_count(out, minutes, "minute", "minutes");
}

static void add_threshold(struct strbuf *out, long count, const char *one, const char *many,
                          long minutes)
{
	strbuf_adds(out, "archived until ");
	add_count(out, count, one, many);
	if (minutes > 0) {
		strbuf_adds(out, " in ");
		add_minutes(out, minutes);
	}
}

static void add_assignee(struct strbuf *out, const struct actor *a)
{
	strbuf_adds(out, "assigned to ");
	if (is_team(a)) {
		strbuf_addf(out, "#%s", a->name ? a->name : a->id ? a->id : "team");
		return;
	}
	const char *who = a->name && *a->name ? a->name
	                  : a->email && *a->email ? a->email
	                  : a->id ? a->id : "someone";
	strbuf_adds(out, who);
}

/* A status and substatus as a person reads them: "archived forever",
 * "unresolved (regressed)". */
static void add_state(struct strbuf *out, const char *status, const char *substatus)
{
	static const struct {
		const char *substatus, *words;
	} archived[] = {
		{ "archived_until_escalating", "archived until escalating" },
		{ "archived_forever", "archived forever" },
		{ "archived_until_condition_met", "archived until a condition is met" },
	};
	if (status && strcmp(status, "ignored") == 0) {
		for (size_t i = 0; i < sizeof(archived) / sizeof(archived[0]); i++)
			if (substatus && strcmp(substatus, archived[i].substatus) == 0) {
				strbuf_adds(out, archived[i].words);
				return;
			}
		strbuf_adds(out, "archived");
		return;
	}
	strbuf_adds(out, status ? status : "unknown status");
	if (substatus)
		strbuf_addf(out, " (%s)", substatus);
}

void change_describe(const struct change *c, struct strbuf *out)
{
	switch (c->kind) {
	case CHANGE_RESOLVE:
		strbuf_adds(out, "resolved");
		break;
	case CHANGE_RESOLVE_NEXT_RELEASE:
		strbuf_adds(out, "resolved in the next release");
		break;
	case CHANGE_RESOLVE_IN_RELEASE:
		if (c->release && strcmp(c->release, "latest") == 0)
			strbuf_adds(out, "resolved in the latest release");
		else
			strbuf_addf(out, "resolved in release %s", c->release ? c->release : "?");
		break;
	case CHANGE_UNRESOLVE:
		strbuf_adds(out, "unresolved");
		break;
	case CHANGE_ARCHIVE_ESCALATING:
		strbuf_adds(out, "archived until escalating");
		break;
	case CHANGE_ARCHIVE_FOREVER:
		strbuf_adds(out, "archived forever");
		break;
	case CHANGE_ARCHIVE_DURATION:
		strbuf_adds(out, "archived for ");
		add_minutes(out, c->minutes);
		break;
	case CHANGE_ARCHIVE_COUNT:
		add_threshold(out, c->count, "more event", "more events", c->minutes);
		break;
	case CHANGE_ARCHIVE_USERS:
		add_threshold(out, c->count, "more user", "more users", c->minutes);
		break;
	case CHANGE_ASSIGN:
		add_assignee(out, &c->assignee);
		break;
	case CHANGE_UNASSIGN:
		strbuf_adds(out, "unassigned");
		break;
	case CHANGE_BOOKMARK:
		strbuf_adds(out, "bookmarked");
		break;
	case CHANGE_UNBOOKMARK:
		strbuf_adds(out, "unbookmarked");
		break;
	case CHANGE_MARK_REVIEWED:
		strbuf_adds(out, "marked reviewed");
		break;
	case CHANGE_MARK_UNREVIEWED:
		strbuf_adds(out, "marked unreviewed");
		break;
	case CHANGE_SET_STATUS:
		strbuf_adds(out, "set to ");
		add_state(out, c->status, c->substatus);
		break;
	}
}

/* ---- the optimistic update --------------------------------------------------------- */

/* An issue's status or substatus (interned when decoded from a list: util/strpool.h). */
static void set_string(char **field, const char *value)
{
	char *copy = xstrdup_or_null(value);
	strpool_release(*field);
	*field = copy;
}

static void set_status(struct issue *issue, const char *status, const char *substatus)
{
	set_string(&issue->status, status);
	set_string(&issue->substatus, substatus);
}

static void set_assignee(struct issue *issue, const struct actor *a)
{
	struct actor *copy = NULL;
	if (a) {
		copy = xcalloc(1, sizeof(*copy));
		actor_copy(a, copy);
	}
	actor_free(issue->assigned_to);
	free(issue->assigned_to);
	issue->assigned_to = copy;
}

/* Release and threshold archives end as the substatus the server infers for them
 * (docs/sentry-api.md §8.2). Marking reviewed takes the issue out of the inbox (for_review). */
void change_apply(const struct change *c, struct issue *issue)
{
	switch (c->kind) {
	case CHANGE_RESOLVE:
	case CHANGE_RESOLVE_NEXT_RELEASE:
	case CHANGE_RESOLVE_IN_RELEASE:
		set_status(issue, "resolved", NULL);
		break;
	case CHANGE_UNRESOLVE:
		set_status(issue, "unresolved", "ongoing");
		break;
	case CHANGE_ARCHIVE_ESCALATING:
		set_status(issue, "ignored", "archived_until_escalating");
		break;
	case CHANGE_ARCHIVE_FOREVER:
		set_status(issue, "ignored", "archived_forever");
		break;
	case CHANGE_ARCHIVE_DURATION:
	case CHANGE_ARCHIVE_COUNT:
	case CHANGE_ARCHIVE_USERS:
		set_status(issue, "ignored", "archived_until_condition_met");
		break;
	case CHANGE_SET_STATUS:
		set_status(issue, c->status, c->substatus);
		break;
	case CHANGE_ASSIGN:
		set_assignee(issue, &c->assignee);
		break;
	case CHANGE_UNASSIGN:
		set_assignee(issue, NULL);
		break;
	case CHANGE_BOOKMARK:
		issue->is_bookmarked = true;
		break;
	case CHANGE_UNBOOKMARK:
		issue->is_bookmarked = false;
		break;
	case CHANGE_MARK_REVIEWED:
		issue->for_review = 0;
		break;
	case CHANGE_MARK_UNREVIEWED:
		issue->for_review = 1;
		break;
	}
}

/* ---- undo -------------------------------------------------------------------------- */

/* Status changes are undone by restoring status and substatus exactly. struct issue does
 * not keep statusDetails, so the restored details are {}: undoing a change to an issue
 * that was "resolved in release X" or "archived for 2 hours" brings back resolved or
 * archived_until_condition_met without the release or the condition. An issue with no
 * known status is taken as unresolved (substatus null: the server infers it), the state
 * Sentry gives issues by default. */
void change_inverse(const struct change *c, const struct issue *issue, struct change *out)
{
	memset(out, 0, sizeof(*out));
	switch (c->kind) {
	case CHANGE_RESOLVE:
	case CHANGE_RESOLVE_NEXT_RELEASE:
	case CHANGE_RESOLVE_IN_RELEASE:
	case CHANGE_UNRESOLVE:
	case CHANGE_ARCHIVE_ESCALATING:
	case CHANGE_ARCHIVE_FOREVER:
	case CHANGE_ARCHIVE_DURATION:
	case CHANGE_ARCHIVE_COUNT:
	case CHANGE_ARCHIVE_USERS:
	case CHANGE_SET_STATUS:
		out->kind = CHANGE_SET_STATUS;
		out->status = xstrdup(issue->status ? issue->status : "unresolved");
		out->substatus = xstrdup_or_null(issue->substatus);
		break;
	case CHANGE_ASSIGN:
	case CHANGE_UNASSIGN:
		if (issue->assigned_to) {
			out->kind = CHANGE_ASSIGN;
			actor_copy(issue->assigned_to, &out->assignee);
		} else {
			out->kind = CHANGE_UNASSIGN;
		}
		break;
	case CHANGE_BOOKMARK:
	case CHANGE_UNBOOKMARK:
		out->kind = issue->is_bookmarked ? CHANGE_BOOKMARK : CHANGE_UNBOOKMARK;
		break;
	case CHANGE_MARK_REVIEWED:
		out->kind = CHANGE_MARK_UNREVIEWED;
		break;
	case CHANGE_MARK_UNREVIEWED:
		out->kind = CHANGE_MARK_REVIEWED;
		break;
	}
}
