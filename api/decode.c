/* JSON -> owned models (see decode.h).
 *
 * The server is never trusted: every member is looked up with a type check, and a
 * missing or mistyped member leaves its model field NULL/0 instead of failing the
 * object. Strings are copied with the MODEL_MAX_* caps, cut on a UTF-8 boundary.
 * jansson trees live only inside one call. */
#include "api/decode.h"

#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode_repair.h"
#include "api/json_util.h"
#include "util/strpool.h"
#include "util/xalloc.h"

/* Error texts end up in a one-line status bar; more than this helps nobody. */
#define ERROR_TEXT_MAX MODEL_MAX_FIELD
/* A DRF field map or a 422 list can be long; the first few entries say enough. */
#define ERROR_ENTRIES_MAX 8

/* ---- issue pieces ------------------------------------------------------------------ */

static struct actor *decode_actor(const json_t *v)
{
	if (!json_is_object(v))
		return NULL;
	struct actor *actor = xcalloc(1, sizeof(*actor));
	/* Interned: a stream of thousands of issues has a handful of assignees. */
	actor->type = strpool_take(string_member(v, "type", MODEL_MAX_ID));
	actor->id = strpool_take(id_member(v, "id"));
	actor->name = strpool_take(string_member(v, "name", MODEL_MAX_FIELD));
	actor->email = strpool_take(string_member(v, "email", MODEL_MAX_FIELD));
	if (!actor->id && !actor->name) {
		/* Nothing to show or to act on: the issue reads as unassigned. */
		actor_free(actor);
		free(actor);
		return NULL;
	}
	return actor;
}

/* The series keys in order of preference: the list's groupStatsPeriod is normally 24h;
 * detail responses carry both 24h and 30d. */
static const char *const stats_keys[] = { "24h", "14d", "auto", "30d" };

static void decode_stats(const json_t *stats, struct issue *out)
{
	for (size_t k = 0; k < sizeof(stats_keys) / sizeof(stats_keys[0]); k++) {
		const json_t *series = member(stats, stats_keys[k]);
		if (!json_is_array(series))
			continue;
		size_t nbuckets = json_array_size(series), valid = 0;
		uint32_t count;
		for (size_t i = 0; i < nbuckets; i++)
			valid += bucket_count(json_array_get(series, i), &count);
		/* Over the cap, keep the newest buckets: the right end of a sparkline is "now". */
		size_t skip = valid > MODEL_MAX_STATS ? valid - MODEL_MAX_STATS : 0;
		if (valid > skip) {
			uint32_t *kept = xcalloc(valid - skip, sizeof(*kept));
			size_t nkept = 0;
			for (size_t i = 0; i < nbuckets && nkept < valid - skip; i++) {
				if (!bucket_count(json_array_get(series, i), &count))
					continue;
				if (skip) {
					skip--;
					continue;
				}
				kept[nkept++] = count;
			}
			out->stats = kept;
			out->nstats = nkept;
		}
		out->stats_period = strpool_take(xstrdup(stats_keys[k]));
		return;
	}
}

/* The row's own text in one allocation, starting at id (see packed_text). */
static void pack_text(struct issue *is)
{
	char **fields[] = { &is->id, &is->short_id, &is->title, &is->culprit, &is->permalink };
	size_t total = 0;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		total += *fields[i] ? strlen(*fields[i]) + 1 : 0;
	char *block = xmalloc(total), *w = block;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (!*fields[i])
			continue;
		size_t n = strlen(*fields[i]) + 1;
		memcpy(w, *fields[i], n);
		free(*fields[i]);
		*fields[i] = w;
		w += n;
	}
	is->packed_text = true;
}

bool decode_issue(const void *json_obj, struct issue *out)
{
	const json_t *obj = json_obj;
	memset(out, 0, sizeof(*out));
	if (!json_is_object(obj))
		return false;
	out->id = id_member(obj, "id");
	if (!out->id)
		return false;

	const json_t *metadata = member(obj, "metadata");
	out->short_id = string_member(obj, "shortId", MODEL_MAX_ID);
	out->title = string_member(obj, "title", MODEL_MAX_TITLE);
	if (!out->title) /* what Sentry derives the title from */
		out->title = string_member(metadata, "title", MODEL_MAX_TITLE);
	out->culprit = string_member(obj, "culprit", MODEL_MAX_FIELD);
	/* Values repeated across rows are interned (util/strpool.h): about a third of a
	 * row's memory in a stream of 10,000 issues. */
	out->level_name = strpool_take(string_member(obj, "level", MODEL_MAX_ID));
	out->level = issue_level_parse(out->level_name);
	out->status = strpool_take(string_member(obj, "status", MODEL_MAX_ID));
	out->substatus = strpool_take(string_member(obj, "substatus", MODEL_MAX_ID));
	out->priority = strpool_take(string_member(obj, "priority", MODEL_MAX_ID));
	out->type = strpool_take(string_member(obj, "type", MODEL_MAX_ID));
	out->platform = strpool_take(string_member(obj, "platform", MODEL_MAX_ID));
	out->permalink = string_member(obj, "permalink", MODEL_MAX_FIELD);
	/* metadata's type and value are not kept: no screen shows them (the title is made
	 * of them), and at 10,000 rows they cost 0.8 MB. */

	out->has_count = u64_member(obj, "count", &out->count);
	if (!out->has_count)
		out->count = 0;
	out->user_count = count_member(obj, "userCount");
	long long comments = count_member(obj, "numComments");
	out->num_comments = comments > INT_MAX ? INT_MAX : (int)comments;
	out->first_seen = time_member(obj, "firstSeen");
	out->last_seen = time_member(obj, "lastSeen");
	out->is_bookmarked = bool_member(obj, "isBookmarked");
	out->has_seen = bool_member(obj, "hasSeen");
	out->is_unhandled = bool_member(obj, "isUnhandled");
	out->is_subscribed = bool_member(obj, "isSubscribed");
	const json_t *inbox = json_object_get(obj, "inbox");
	out->for_review = !inbox ? -1 : json_is_object(inbox) ? 1 : 0;

	const json_t *project = member(obj, "project");
	out->project_id = strpool_take(id_member(project, "id"));
	out->project_slug = strpool_take(string_member(project, "slug", MODEL_MAX_ID));
	out->project_name = strpool_take(string_member(project, "name", MODEL_MAX_FIELD));

	out->assigned_to = decode_actor(member(obj, "assignedTo"));
	decode_stats(member(obj, "stats"), out);
	pack_text(out);
	return true;
}

/* ---- error bodies ------------------------------------------------------------------ */

static bool add_string(const json_t *v, struct strbuf *text)
{
	if (!json_is_string(v) || json_string_length(v) == 0)
		return false;
	add_capped(text, json_string_value(v), json_string_length(v), ERROR_TEXT_MAX);
	return true;
}

/* "detail" or "error": a string, or Sentry's {"code","message","extra"} object
 * (SSO, 2FA and superuser checks). */
static bool add_message(const json_t *v, struct strbuf *text)
{
	if (add_string(v, text))
		return true;
	return add_string(member(v, "message"), text) || add_string(member(v, "code"), text);
}

static void add_separator(struct strbuf *text, size_t start)
{
	if (text->len > start)
		strbuf_adds(text, "; ");
}

/* DRF validation errors: {"field": ["msg", ...], ...}. Keys that name no field are
 * left out so the text reads as a sentence. */
/* Django REST framework's field errors: {"field": ["message", …]}, and for a nested
 * serializer one level down, {"statusDetails": {"inRelease": ["message"]}}, shown as
 * "statusDetails.inRelease: message". */
static void add_field_errors_in(json_t *obj, const char *prefix, int depth, size_t start,
                                size_t *entries, struct strbuf *text)
{
	const char *field;
	json_t *messages;
	json_object_foreach(obj, field, messages) {
		if (*entries == ERROR_ENTRIES_MAX)
			return;
		if (json_is_object(messages) && depth == 0) {
			add_field_errors_in(messages, field, depth + 1, start, entries, text);
			continue;
		}
		if (!json_is_array(messages))
			continue;
		bool named = false;
		for (size_t i = 0; i < json_array_size(messages) && i < ERROR_ENTRIES_MAX; i++) {
			const json_t *msg = json_array_get(messages, i);
			if (!json_is_string(msg) || json_string_length(msg) == 0)
				continue;
			if (!named) {
				add_separator(text, start);
				if (strcmp(field, "non_field_errors") != 0 && strcmp(field, "__all__") != 0 &&
				    strcmp(field, "detail") != 0) {
					if (prefix) {
						add_capped(text, prefix, strlen(prefix), MODEL_MAX_ID);
						strbuf_addc(text, '.');
					}
					add_capped(text, field, strlen(field), MODEL_MAX_ID);
					strbuf_adds(text, ": ");
				}
				named = true;
				(*entries)++;
			} else {
				strbuf_addc(text, ' ');
			}
			add_string(msg, text);
		}
	}
}

static bool add_field_errors(json_t *obj, struct strbuf *text)
{
	size_t start = text->len, entries = 0;
	add_field_errors_in(obj, NULL, 0, start, &entries, text);
	return text->len > start;
}

/* django-ninja's 422 list ({"detail":[{"loc":["query","sort"],"msg":"…"}]}, GlitchTip)
 * and DRF's top-level ["msg", ...]. The last "loc" element names the parameter. */
static bool add_message_list(const json_t *list, struct strbuf *text)
{
	size_t start = text->len;
	if (!json_is_array(list))
		return false;
	for (size_t i = 0; i < json_array_size(list) && i < ERROR_ENTRIES_MAX; i++) {
		const json_t *item = json_array_get(list, i);
		const json_t *msg = json_is_string(item) ? item : member(item, "msg");
		if (!json_is_string(msg) || json_string_length(msg) == 0)
			continue;
		add_separator(text, start);
		const json_t *loc = member(item, "loc");
		size_t depth = json_is_array(loc) ? json_array_size(loc) : 0;
		const json_t *name = depth ? json_array_get(loc, depth - 1) : NULL;
		if (json_is_string(name) && json_string_length(name) > 0) {
			add_string(name, text);
			strbuf_adds(text, ": ");
		}
		add_string(msg, text);
	}
	return text->len > start;
}

/* The order of decode.h: detail, error, DRF field map, 422 list, message. Field maps
 * are only looked for in error responses: any object with a list of strings would
 * match, e.g. a project's "features". */
static bool error_text(json_t *root, bool field_maps, struct strbuf *text)
{
	const json_t *detail = member(root, "detail");
	if (add_message(detail, text)) {
		/* A 500 names the event Sentry recorded; support asks for it. */
		const json_t *error_id = member(root, "errorId");
		if (json_is_string(error_id) && json_string_length(error_id) > 0) {
			strbuf_adds(text, " (error id ");
			add_string(error_id, text);
			strbuf_addc(text, ')');
		}
		return true;
	}
	if (add_message(member(root, "error"), text))
		return true;
	if (field_maps && json_is_object(root) && add_field_errors(root, text))
		return true;
	if (add_message_list(detail, text))
		return true;
	if (add_string(member(root, "message"), text))
		return true;
	return add_string(root, text) || add_message_list(root, text);
}

static void add_error_text_capped(json_t *root, bool field_maps, struct strbuf *out)
{
	struct strbuf text = STRBUF_INIT;
	if (error_text(root, field_maps, &text))
		add_capped(out, strbuf_str(&text), text.len, ERROR_TEXT_MAX);
	strbuf_free(&text);
}

bool decode_error_detail(const char *body, size_t len, struct strbuf *out)
{
	json_t *root = decode_json(body, len, NULL);
	if (!root)
		return false;
	size_t before = out->len;
	add_error_text_capped(root, true, out);
	json_decref(root);
	return out->len > before;
}

/* ---- documents --------------------------------------------------------------------- */

void *decode_json(const char *body, size_t len, struct strbuf *err)
{
	if (!body || len == 0) {
		if (err)
			strbuf_adds(err, "empty response body");
		return NULL;
	}
	size_t repaired_len = 0;
	char *repaired = repair_json_text(body, len, &repaired_len);
	if (repaired) {
		body = repaired;
		len = repaired_len;
	}
	/* JSON_DECODE_ANY: a bare string or number is still JSON, and "got a string" says
	 * more than a syntax error. The repair above already turned every "\u0000" into
	 * U+FFFD; JSON_ALLOW_NUL stays as a second guard, since refusing one would let one
	 * event break a whole issue list. */
	json_error_t error;
	json_t *root = json_loadb(body, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &error);
	if (!root && err)
		strbuf_addf(err, "line %d column %d: %s", error.line, error.column, error.text);
	free(repaired);
	return root;
}

/* "expected a list of issues, got an object", plus the server's own words when the
 * object is an error body (a proxy or an old server answering 200 with {"detail":…}). */
static void add_shape_error(json_t *root, const char *expected, struct strbuf *err)
{
	if (!err)
		return;
	strbuf_addf(err, "expected %s, got %s", expected, json_kind(root));
	struct strbuf text = STRBUF_INIT;
	add_error_text_capped(root, false, &text);
	if (text.len) {
		strbuf_adds(err, ": ");
		strbuf_add(err, text.buf, text.len);
	}
	strbuf_free(&text);
}

bool decode_issue_list(const char *body, size_t len, struct issue ***out, size_t *n,
                       size_t *skipped, struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	if (skipped)
		*skipped = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!json_is_array(root)) {
		add_shape_error(root, "a list of issues", err);
		json_decref(root);
		return false;
	}
	size_t total = json_array_size(root), kept = 0;
	struct issue **issues = xcalloc(total, sizeof(*issues));
	for (size_t i = 0; i < total; i++) {
		struct issue *issue = xmalloc(sizeof(*issue));
		if (decode_issue(json_array_get(root, i), issue)) {
			issues[kept++] = issue;
		} else {
			issue_free(issue);
			free(issue);
		}
	}
	json_decref(root);
	*out = issues;
	*n = kept;
	if (skipped)
		*skipped = total - kept;
	return true;
}

/* "environments": ["production", "staging"]; non-strings and duplicates are skipped,
 * and at most MODEL_MAX_ENVIRONMENTS are kept. */
static void decode_environments(const json_t *list, struct project *p)
{
	if (!json_is_array(list))
		return;
	size_t total = json_array_size(list);
	if (total > MODEL_MAX_ENVIRONMENTS)
		total = MODEL_MAX_ENVIRONMENTS;
	p->environments = xcalloc(total ? total : 1, sizeof(char *));
	for (size_t i = 0; i < total; i++) {
		const json_t *v = json_array_get(list, i);
		if (!json_is_string(v))
			continue;
		/* Cut on a character boundary, like every other string: a name cut inside a
		 * character would be sent back as environment=<invalid UTF-8>. */
		char *name = copy_capped(json_string_value(v), json_string_length(v), MODEL_MAX_ID);
		bool dup = !*name;
		for (size_t j = 0; j < p->nenvironments && !dup; j++)
			dup = strcmp(p->environments[j], name) == 0;
		if (dup)
			free(name);
		else
			p->environments[p->nenvironments++] = name;
	}
}

bool decode_project_list(const char *body, size_t len, struct project **out, size_t *n,
                         struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!json_is_array(root)) {
		add_shape_error(root, "a list of projects", err);
		json_decref(root);
		return false;
	}
	size_t total = json_array_size(root), kept = 0;
	struct project *projects = xcalloc(total, sizeof(*projects));
	for (size_t i = 0; i < total; i++) {
		const json_t *obj = json_array_get(root, i);
		struct project *p = &projects[kept];
		/* Issue queries name projects by numeric id (GlitchTip accepts nothing else),
		 * so a project without one cannot be used. */
		p->id = id_member(obj, "id");
		if (!p->id)
			continue;
		p->slug = string_member(obj, "slug", MODEL_MAX_ID);
		p->name = string_member(obj, "name", MODEL_MAX_FIELD);
		p->platform = string_member(obj, "platform", MODEL_MAX_ID);
		decode_environments(member(obj, "environments"), p);
		kept++;
	}
	json_decref(root);
	*out = projects;
	*n = kept;
	return true;
}
