/* JSON -> owned models (see decode.h).
 *
 * The server is never trusted: every member is looked up with a type check, and a
 * missing or mistyped member leaves its model field NULL/0 instead of failing the
 * object. Strings are copied with the MODEL_MAX_* caps, cut on a UTF-8 boundary.
 * jansson trees live only inside one call. */
#include "api/decode.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/timeutil.h"
#include "util/xalloc.h"

/* Error texts end up in a one-line status bar; more than this helps nobody. */
#define ERROR_TEXT_MAX MODEL_MAX_FIELD
/* A DRF field map or a 422 list can be long; the first few entries say enough. */
#define ERROR_ENTRIES_MAX 8

/* The newest timestamp we take as real (year 10000); beyond it time_t may overflow. */
#define EPOCH_MAX 253402300800.0

/* ---- strings ---------------------------------------------------------------------- */

/* How many bytes of s (len bytes) fit in cap without splitting a UTF-8 sequence. */
static size_t utf8_prefix_len(const char *s, size_t len, size_t cap)
{
	if (len <= cap)
		return len;
	size_t n = cap;
	/* s[n] is the first byte left out. If it continues a sequence, the start of that
	 * sequence goes too; a character has at most three continuation bytes. */
	for (int back = 0; back < 3 && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; back++)
		n--;
	return n;
}

static char *copy_capped(const char *s, size_t len, size_t cap)
{
	/* JSON_ALLOW_NUL lets "\u0000" through; the C string ends there. */
	len = strnlen(s, len);
	return xstrndup(s, utf8_prefix_len(s, len, cap));
}

static void add_capped(struct strbuf *out, const char *s, size_t len, size_t cap)
{
	len = strnlen(s, len);
	strbuf_add(out, s, utf8_prefix_len(s, len, cap));
}

/* ---- typed member access ---------------------------------------------------------- */

/* obj[key] when obj is an object, else NULL: lets callers chain through missing parents. */
static const json_t *member(const json_t *obj, const char *key)
{
	return json_is_object(obj) ? json_object_get(obj, key) : NULL;
}

static char *string_member(const json_t *obj, const char *key, size_t cap)
{
	const json_t *v = member(obj, key);
	if (!json_is_string(v))
		return NULL;
	return copy_capped(json_string_value(v), json_string_length(v), cap);
}

/* Ids are strings on the wire (sentry-api.md §2), but a server that sends a number means
 * the same id, so numbers become the same decimal text. An empty id identifies nothing. */
static char *id_member(const json_t *obj, const char *key)
{
	const json_t *v = member(obj, key);
	char buf[32];
	if (json_is_string(v)) {
		char *id = copy_capped(json_string_value(v), json_string_length(v), MODEL_MAX_ID);
		if (*id)
			return id;
		free(id);
		return NULL;
	}
	if (json_is_integer(v)) {
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return xstrdup(buf);
	}
	if (json_is_real(v)) {
		/* Only whole numbers a double holds exactly (< 2^53); anything else is not an id. */
		double d = json_real_value(v);
		if (d >= 0 && d < 9007199254740992.0 && d == (double)(long long)d) {
			snprintf(buf, sizeof(buf), "%lld", (long long)d);
			return xstrdup(buf);
		}
	}
	return NULL;
}

/* Counts: Sentry sends "count" as a decimal string because it can exceed 2^31; others
 * send numbers. strtoull alone would take "-1" as 2^64-1 and skip leading blanks, so
 * the text must start with a digit and be nothing but digits. Overflow saturates. */
static bool parse_u64(const char *s, uint64_t *out)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (*end != '\0')
		return false;
	*out = errno == ERANGE || v > UINT64_MAX ? UINT64_MAX : (uint64_t)v;
	return true;
}

static bool u64_member(const json_t *obj, const char *key, uint64_t *out)
{
	const json_t *v = member(obj, key);
	if (json_is_string(v))
		return parse_u64(json_string_value(v), out);
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);
		if (i < 0)
			return false;
		*out = (uint64_t)i;
		return true;
	}
	if (json_is_real(v)) {
		double d = json_real_value(v);
		if (!isfinite(d) || d < 0)
			return false;
		*out = d >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t)d;
		return true;
	}
	return false;
}

static long long count_member(const json_t *obj, const char *key)
{
	uint64_t v;
	if (!u64_member(obj, key, &v))
		return 0;
	return v > LLONG_MAX ? LLONG_MAX : (long long)v;
}

static bool bool_member(const json_t *obj, const char *key)
{
	const json_t *v = member(obj, key); /* json_is_true() evaluates its argument twice */
	return json_is_true(v);
}

/* ISO-8601 as the API sends it; epoch seconds (GlitchTip and ingest-form data) too. */
static time_t time_member(const json_t *obj, const char *key)
{
	const json_t *v = member(obj, key);
	time_t t = 0;
	if (json_is_string(v)) {
		if (!time_parse_iso8601(json_string_value(v), &t))
			t = 0;
	} else if (json_is_number(v)) {
		double d = json_number_value(v);
		if (d > 0 && d < EPOCH_MAX)
			t = (time_t)d;
	}
	return t;
}

static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "a list";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		break;
	}
	return "null";
}

/* ---- issue pieces ------------------------------------------------------------------ */

static struct actor *decode_actor(const json_t *v)
{
	if (!json_is_object(v))
		return NULL;
	struct actor *actor = xcalloc(1, sizeof(*actor));
	actor->type = string_member(v, "type", MODEL_MAX_ID);
	actor->id = id_member(v, "id");
	actor->name = string_member(v, "name", MODEL_MAX_FIELD);
	actor->email = string_member(v, "email", MODEL_MAX_FIELD);
	if (!actor->id && !actor->name) {
		/* Nothing to show or to act on: the issue reads as unassigned. */
		actor_free(actor);
		free(actor);
		return NULL;
	}
	return actor;
}

/* One [timestamp, count] bucket. Counts are clamped to what the model holds. */
static bool bucket_count(const json_t *bucket, uint32_t *out)
{
	if (!json_is_array(bucket) || json_array_size(bucket) < 2)
		return false;
	const json_t *ts = json_array_get(bucket, 0);
	const json_t *n = json_array_get(bucket, 1);
	if (!json_is_number(ts) || !json_is_number(n))
		return false;
	double d = json_number_value(n);
	if (!isfinite(d) || d < 0)
		return false;
	*out = d >= (double)UINT32_MAX ? UINT32_MAX : (uint32_t)d;
	return true;
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
		out->stats_period = xstrdup(stats_keys[k]);
		return;
	}
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
	out->level_name = string_member(obj, "level", MODEL_MAX_ID);
	out->level = issue_level_parse(out->level_name);
	out->status = string_member(obj, "status", MODEL_MAX_ID);
	out->substatus = string_member(obj, "substatus", MODEL_MAX_ID);
	out->priority = string_member(obj, "priority", MODEL_MAX_ID);
	out->type = string_member(obj, "type", MODEL_MAX_ID);
	out->platform = string_member(obj, "platform", MODEL_MAX_ID);
	out->permalink = string_member(obj, "permalink", MODEL_MAX_FIELD);
	out->metadata_type = string_member(metadata, "type", MODEL_MAX_FIELD);
	out->metadata_value = string_member(metadata, "value", MODEL_MAX_TITLE);

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

	const json_t *project = member(obj, "project");
	out->project_id = id_member(project, "id");
	out->project_slug = string_member(project, "slug", MODEL_MAX_ID);
	out->project_name = string_member(project, "name", MODEL_MAX_FIELD);

	out->assigned_to = decode_actor(member(obj, "assignedTo"));
	decode_stats(member(obj, "stats"), out);
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
static bool add_field_errors(json_t *obj, struct strbuf *text)
{
	size_t start = text->len, entries = 0;
	const char *field;
	json_t *messages;
	json_object_foreach(obj, field, messages) {
		if (!json_is_array(messages) || entries == ERROR_ENTRIES_MAX)
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
					add_capped(text, field, strlen(field), MODEL_MAX_ID);
					strbuf_adds(text, ": ");
				}
				named = true;
				entries++;
			} else {
				strbuf_addc(text, ' ');
			}
			add_string(msg, text);
		}
	}
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

/* Length of the valid UTF-8 sequence at p (1-4), or 0 if the byte there starts none. */
static size_t utf8_valid_at(const unsigned char *p, size_t left)
{
	unsigned char c = p[0];
	size_t n;
	unsigned min;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, min = 0x80, cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, min = 0x800, cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, min = 0x10000, cp = c & 0x07;
	} else {
		return 0;
	}
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* jansson rejects a whole document for one invalid UTF-8 byte. A server (or a proxy)
 * that lets raw bytes from an event through would then break the whole issue list, so
 * each invalid byte becomes U+FFFD first; the sanitizer shows it as a visible mark.
 * Returns NULL when the body is already valid (the common case: no copy). */
static char *repair_utf8(const char *body, size_t len, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)body;
	size_t i = 0, n;
	while (i < len && (n = utf8_valid_at(p + i, len - i)) > 0)
		i += n;
	if (i == len)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	strbuf_add(&sb, body, i);
	while (i < len) {
		n = utf8_valid_at(p + i, len - i);
		if (n) {
			strbuf_add(&sb, body + i, n);
			i += n;
		} else {
			strbuf_adds(&sb, "\xef\xbf\xbd");
			i++;
		}
	}
	*out_len = sb.len;
	return strbuf_detach(&sb);
}

void *decode_json(const char *body, size_t len, struct strbuf *err)
{
	if (!body || len == 0) {
		if (err)
			strbuf_adds(err, "empty response body");
		return NULL;
	}
	size_t repaired_len = 0;
	char *repaired = repair_utf8(body, len, &repaired_len);
	if (repaired) {
		body = repaired;
		len = repaired_len;
	}
	/* JSON_DECODE_ANY: a bare string or number is still JSON, and "got a string" says
	 * more than a syntax error. JSON_ALLOW_NUL: anyone with a DSN can put "\u0000" into
	 * an event; refusing it would let one event break a whole issue list. */
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
		const char *name = json_string_value(json_array_get(list, i));
		if (!name || !*name)
			continue;
		bool dup = false;
		for (size_t j = 0; j < p->nenvironments && !dup; j++)
			dup = strcmp(p->environments[j], name) == 0;
		if (!dup)
			p->environments[p->nenvironments++] = xstrndup(name, MODEL_MAX_ID);
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
