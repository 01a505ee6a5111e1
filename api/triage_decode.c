/* The server's side of triage (see triage.h): what a PUT answered, and the members,
 * teams and current user an issue can be assigned to (docs/sentry-api.md §8.2, §9, §1).
 * Tolerant like api/decode.c: a missing or mistyped field is left unset. */
#include "api/triage.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/json_util.h"
#include "util/strpool.h"
#include "util/xalloc.h"

/* "expected a list of members, got an object", plus the server's words when the body is
 * an error (a proxy or an old server answering 200 with {"detail":…}). */
static void add_shape_error(const json_t *root, const char *expected, const char *body,
                            size_t len, struct strbuf *err)
{
	if (!err)
		return;
	strbuf_addf(err, "expected %s, got %s", expected, json_kind(root));
	/* Only an error body's words: read as a DRF field map, any object with a list of
	 * strings in it (a user's "features") would look like one. */
	if (json_is_object(root) && !member(root, "detail") && !member(root, "error"))
		return;
	struct strbuf detail = STRBUF_INIT;
	if (decode_error_detail(body, len, &detail) && detail.len)
		strbuf_addf(err, ": %s", strbuf_str(&detail));
	strbuf_free(&detail);
}

/* Sentry sends "" for a name nobody filled in; that is no name. */
static char *text_member(const json_t *obj, const char *key)
{
	char *s = string_member(obj, key, MODEL_MAX_FIELD);
	if (s && !*s) {
		free(s);
		return NULL;
	}
	return s;
}

/* ---- a PUT's answer ---------------------------------------------------------------- */

static struct actor *decode_actor(const json_t *v)
{
	struct actor *a = xcalloc(1, sizeof(*a));
	a->type = string_member(v, "type", MODEL_MAX_ID);
	a->id = id_member(v, "id");
	a->name = string_member(v, "name", MODEL_MAX_FIELD);
	a->email = string_member(v, "email", MODEL_MAX_FIELD);
	return a;
}

/* Older spellings of the statuses (docs/sentry-api.md §8.2) as the issue list shows them. */
static char *normalized_status(char *status)
{
	const char *now = NULL;
	if (strcmp(status, "resolvedInNextRelease") == 0)
		now = "resolved";
	else if (strcmp(status, "muted") == 0)
		now = "ignored";
	if (!now)
		return status;
	free(status);
	return xstrdup(now);
}

static void decode_result_fields(const json_t *root, struct change_result *out)
{
	char *status = string_member(root, "status", MODEL_MAX_ID);
	if (status) {
		out->has_status = true;
		out->status = normalized_status(status);
		/* A threshold archive's answer has no substatus at all: "not said" differs from
		 * null, which says "none". */
		const json_t *sub = member(root, "substatus");
		out->has_substatus = json_is_string(sub) || json_is_null(sub);
		out->substatus = string_member(root, "substatus", MODEL_MAX_ID);
	}
	const json_t *assigned = member(root, "assignedTo");
	if (json_is_null(assigned)) {
		out->has_assigned = true;
	} else if (json_is_object(assigned)) {
		struct actor *a = decode_actor(assigned);
		if (a->id || a->name) {
			out->has_assigned = true;
			out->assigned_to = a;
		} else {
			/* Nothing to show or act on: say nothing rather than "unassigned". */
			actor_free(a);
			free(a);
		}
	}
	const json_t *bookmark = member(root, "isBookmarked");
	if (json_is_boolean(bookmark)) {
		out->has_bookmark = true;
		out->is_bookmarked = json_is_true(bookmark);
	}
}

static bool only_blanks(const char *body, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!strchr(" \t\r\n", body[i]) || body[i] == '\0')
			return false;
	return true;
}

/* The bulk answer and a full issue carry the same keys at the top level, so one reading
 * serves both; 204's empty body says nothing and is no error. */
bool decode_change_result(const char *body, size_t len, struct change_result *out,
                          struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	if (!body || only_blanks(body, len))
		return true;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	bool ok = json_is_object(root);
	if (ok)
		decode_result_fields(root, out);
	else
		add_shape_error(root, "an object", body, len, err);
	json_decref(root);
	return ok;
}

void change_result_apply(const struct change_result *r, struct issue *issue)
{
	if (r->has_status) {
		/* An answer without a substatus keeps the issue's only while the status is the
		 * same (it is the optimistic one then); under a new status it would be stale. */
		bool keep = !r->has_substatus && issue->status &&
		            strcmp(issue->status, r->status) == 0;
		char *substatus = keep ? issue->substatus : xstrdup_or_null(r->substatus);
		if (!keep)
			strpool_release(issue->substatus);
		issue->substatus = substatus;
		strpool_release(issue->status);
		issue->status = xstrdup(r->status);
	}
	if (r->has_assigned) {
		actor_free(issue->assigned_to);
		free(issue->assigned_to);
		issue->assigned_to = actor_dup(r->assigned_to);
	}
	if (r->has_bookmark)
		issue->is_bookmarked = r->is_bookmarked;
}

void change_result_free(struct change_result *r)
{
	if (!r)
		return;
	free(r->status);
	free(r->substatus);
	actor_free(r->assigned_to);
	free(r->assigned_to);
	memset(r, 0, sizeof(*r));
}

/* ---- people and teams -------------------------------------------------------------- */

/* name, else the user's name, e-mail or username: the list must show something. */
static void decode_person(const json_t *obj, const json_t *user, struct member *out)
{
	out->email = text_member(obj, "email");
	if (!out->email)
		out->email = text_member(user, "email");
	out->username = text_member(user, "username");
	out->name = text_member(obj, "name");
	if (!out->name)
		out->name = text_member(user, "name");
	if (!out->name)
		out->name = xstrdup_or_null(out->email);
	if (!out->name)
		out->name = xstrdup_or_null(out->username);
}

/* Assignment takes the USER id (member.user.id), not the member id; pending invites
 * have no user yet and cannot be assigned (docs/sentry-api.md §9). */
bool decode_members(const char *body, size_t len, struct member **out, size_t *n,
                    struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!json_is_array(root)) {
		add_shape_error(root, "a list of members", body, len, err);
		json_decref(root);
		return false;
	}
	size_t total = json_array_size(root), kept = 0;
	struct member *members = xcalloc(total ? total : 1, sizeof(*members));
	for (size_t i = 0; i < total; i++) {
		const json_t *obj = json_array_get(root, i);
		const json_t *user = member(obj, "user");
		char *user_id = id_member(user, "id");
		if (!user_id)
			continue;
		members[kept].user_id = user_id;
		decode_person(obj, user, &members[kept]);
		kept++;
	}
	json_decref(root);
	*out = members;
	*n = kept;
	return true;
}

bool decode_teams(const char *body, size_t len, struct team **out, size_t *n, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!json_is_array(root)) {
		add_shape_error(root, "a list of teams", body, len, err);
		json_decref(root);
		return false;
	}
	size_t total = json_array_size(root), kept = 0;
	struct team *teams = xcalloc(total ? total : 1, sizeof(*teams));
	for (size_t i = 0; i < total; i++) {
		const json_t *obj = json_array_get(root, i);
		char *id = id_member(obj, "id");
		if (!id)
			continue;   /* "team:<id>" is the only way to assign a team */
		teams[kept].id = id;
		teams[kept].slug = string_member(obj, "slug", MODEL_MAX_ID);
		teams[kept].name = text_member(obj, "name");
		kept++;
	}
	json_decref(root);
	*out = teams;
	*n = kept;
	return true;
}

bool decode_auth_user(const char *body, size_t len, struct member *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	char *id = id_member(root, "id");
	if (!id) {
		add_shape_error(root, "a user with an id", body, len, err);
		json_decref(root);
		return false;
	}
	out->user_id = id;
	decode_person(root, root, out);
	json_decref(root);
	return true;
}

void member_free(struct member *m)
{
	if (!m)
		return;
	free(m->user_id);
	free(m->name);
	free(m->email);
	free(m->username);
	memset(m, 0, sizeof(*m));
}

void members_free(struct member *m, size_t n)
{
	if (!m)
		return;
	for (size_t i = 0; i < n; i++)
		member_free(&m[i]);
	free(m);
}

void teams_free(struct team *t, size_t n)
{
	if (!t)
		return;
	for (size_t i = 0; i < n; i++) {
		free(t[i].id);
		free(t[i].slug);
		free(t[i].name);
	}
	free(t);
}
