/* One event, API form (entries[], docs/sentry-api.md §6) or ingest form (interfaces at the
 * top level, §6.6), normalised to struct event. The pieces live in decode_stack.c,
 * decode_crumbs.c, decode_request.c and decode_values.c. */
#include "api/decode_event_parts.h"

#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* Interfaces the issue screen does not draw, as the ingest form names them and as the
 * screen should ("not displayed: debugmeta"). */
static const struct {
	const char *ingest_key;
	const char *entry_type;
} undisplayed_interfaces[] = {
	{ "debug_meta", "debugmeta" },
	{ "spans", "spans" },
	{ "template", "template" },
	{ "csp", "csp" },
	{ "hpkp", "hpkp" },
	{ "expectct", "expectct" },
	{ "expectstaple", "expectstaple" },
};

static const char *const user_first[] = { "id", "email", "username", "ip_address", "name", NULL };
static const char *const user_flattened[] = { "geo", "data", NULL };
static const char *const sdk_first[] = { "name", "version", NULL };

static void add_unknown_entry(struct event *e, const char *type)
{
	/* The cap first: past it, a flood of entries costs one comparison each. */
	if (e->nunknown >= EVENT_MAX_KV)
		return;
	for (size_t i = 0; i < e->nunknown; i++)
		if (strcmp(e->unknown_entries[i], type) == 0)
			return;
	e->unknown_entries = xrealloc(e->unknown_entries, (e->nunknown + 1) * sizeof(char *));
	e->unknown_entries[e->nunknown++] = copy_capped(type, strlen(type), MODEL_MAX_ID);
}

/* The "message" entry or the ingest logentry: the formatted text, else the template. */
static char *message_text(const json_t *v)
{
	char *text = nonempty_text(member(v, "formatted"), EVENT_MAX_VALUE);
	return text ? text : nonempty_text(member(v, "message"), EVENT_MAX_VALUE);
}

/* "errors": [{"type", "message", "data": {"url"}}] -> type: "message (url)". */
static void decode_processing_errors(const json_t *list, struct event *e)
{
	for (size_t i = 0; i < json_array_size(list) && e->processing_errors.n < EVENT_MAX_KV; i++) {
		const json_t *item = json_array_get(list, i);
		const json_t *type = member(item, "type");
		if (!json_is_string(type))
			continue;
		struct strbuf text = STRBUF_INIT;
		const json_t *message = member(item, "message");
		const json_t *url = member(member(item, "data"), "url");
		if (json_is_string(message))
			add_capped(&text, json_string_value(message), json_string_length(message),
			           EVENT_MAX_VALUE);
		if (json_is_string(url)) {
			/* Which file failed is what one needs to fix a source-map problem. */
			strbuf_adds(&text, text.len ? " (" : "(");
			add_capped(&text, json_string_value(url), json_string_length(url), MODEL_MAX_FIELD);
			strbuf_addc(&text, ')');
		}
		kv_list_take(&e->processing_errors,
		             copy_capped(json_string_value(type), json_string_length(type), MODEL_MAX_FIELD),
		             copy_capped(strbuf_str(&text), text.len, EVENT_MAX_VALUE));
		strbuf_free(&text);
	}
}

/* ---- interfaces -------------------------------------------------------------------- */

static void decode_entry(const char *type, const json_t *data, struct event *e)
{
	if (strcmp(type, "exception") == 0) {
		decode_exceptions(data, e);
	} else if (strcmp(type, "message") == 0) {
		if (!e->message_formatted)
			e->message_formatted = message_text(data);
	} else if (strcmp(type, "breadcrumbs") == 0) {
		decode_crumbs(data, e);
	} else if (strcmp(type, "request") == 0) {
		if (!e->request)
			e->request = decode_request(data);
	} else if (strcmp(type, "threads") == 0) {
		decode_threads(data, e);
	} else if (strcmp(type, "stacktrace") == 0) {
		if (!e->stacktrace)
			e->stacktrace = decode_stacktrace(data);
	} else {
		add_unknown_entry(e, type);
	}
}

static void decode_entries(const json_t *entries, struct event *e)
{
	for (size_t i = 0; i < json_array_size(entries); i++) {
		const json_t *entry = json_array_get(entries, i);
		const json_t *type = member(entry, "type");
		if (json_is_string(type) && json_string_length(type) > 0)
			decode_entry(json_string_value(type), member(entry, "data"), e);
	}
}

/* The SDK's payload: the same interfaces as top-level members. */
static void decode_ingest_interfaces(const json_t *root, struct event *e)
{
	decode_exceptions(member(root, "exception"), e);
	decode_threads(member(root, "threads"), e);
	e->stacktrace = decode_stacktrace(member(root, "stacktrace"));
	decode_crumbs(member(root, "breadcrumbs"), e);
	e->request = decode_request(member(root, "request"));

	const json_t *message = member(root, "message");
	e->message_formatted = message_text(member(root, "logentry"));
	if (!e->message_formatted)
		e->message_formatted = json_is_object(message) ? message_text(message)
		                                                : nonempty_text(message, EVENT_MAX_VALUE);

	for (size_t i = 0; i < sizeof(undisplayed_interfaces) / sizeof(undisplayed_interfaces[0]); i++) {
		const json_t *v = member(root, undisplayed_interfaces[i].ingest_key);
		if (v && !json_is_null(v))
			add_unknown_entry(e, undisplayed_interfaces[i].entry_type);
	}
}

/* ---- derived fields ---------------------------------------------------------------- */

/* What Sentry would have titled an SDK payload: "Type: value" of the raised exception,
 * else the message's first line. */
static char *derived_title(const json_t *root, const struct event *e)
{
	char *title = nonempty_member(member(root, "metadata"), "title", MODEL_MAX_TITLE);
	if (title)
		return title;
	if (e->type && strcmp(e->type, "transaction") == 0 &&
	    (title = nonempty_member(root, "transaction", MODEL_MAX_TITLE)))
		return title;
	if (e->nexceptions) {
		const struct exception_value *raised = &e->exceptions[e->nexceptions - 1];
		struct strbuf text = STRBUF_INIT;
		if (raised->type)
			strbuf_adds(&text, raised->type);
		if (raised->type && raised->value)
			strbuf_adds(&text, ": ");
		if (raised->value)
			add_capped(&text, raised->value, strlen(raised->value), MODEL_MAX_TITLE);
		title = text.len ? copy_first_line(text.buf, MODEL_MAX_TITLE) : NULL;
		strbuf_free(&text);
		if (title)
			return title;
	}
	return copy_first_line(e->message_formatted, MODEL_MAX_TITLE);
}

static char *tag_value(const struct event *e, const char *key, size_t cap)
{
	const char *value = kv_get(&e->tags, key);
	return value && *value ? copy_capped(value, strlen(value), cap) : NULL;
}

static void fill_derived(const json_t *root, struct event *e)
{
	if (!e->type)
		e->type = xstrdup(e->nexceptions ? "error" : "default");
	if (!e->title)
		e->title = derived_title(root, e);
	if (!e->level)
		e->level = tag_value(e, "level", MODEL_MAX_ID);
	if (!e->environment)
		e->environment = tag_value(e, "environment", MODEL_MAX_FIELD);
	if (!e->release)
		e->release = tag_value(e, "release", MODEL_MAX_FIELD);
	if (!e->culprit) /* what Sentry and GlitchTip derive it from */
		e->culprit = nonempty_member(root, "transaction", MODEL_MAX_FIELD);
}

/* ---- the event --------------------------------------------------------------------- */

/* The first of the keys (NULL-terminated) that holds a usable id / time. */
static char *first_id(const json_t *root, const char *const *keys)
{
	char *id = NULL;
	for (; *keys && !id; keys++)
		id = id_member(root, *keys);
	return id;
}

static time_t first_time(const json_t *root, const char *const *keys)
{
	time_t t = 0;
	for (; *keys && !t; keys++)
		t = time_member(root, *keys);
	return t;
}

static void decode_header(const json_t *root, struct event *e)
{
	e->id = first_id(root, (const char *const[]){ "eventID", "id", "event_id", NULL });
	e->group_id = first_id(root, (const char *const[]){ "groupID", "group_id", NULL });
	e->project_id = first_id(root, (const char *const[]){ "projectID", "project", NULL });
	e->title = nonempty_member(root, "title", MODEL_MAX_TITLE);
	e->message = nonempty_text(member(root, "message"), EVENT_MAX_VALUE);
	e->platform = nonempty_member(root, "platform", MODEL_MAX_ID);
	e->type = nonempty_member(root, "type", MODEL_MAX_ID);
	e->culprit = nonempty_member(root, "culprit", MODEL_MAX_FIELD);
	e->location = nonempty_member(root, "location", MODEL_MAX_FIELD);
	e->dist = nonempty_text(member(root, "dist"), MODEL_MAX_FIELD);
	e->logger = nonempty_member(root, "logger", MODEL_MAX_FIELD);
	e->level = nonempty_member(root, "level", MODEL_MAX_ID);
	/* A transaction from the API may carry only its end time. */
	e->date_created = first_time(root, (const char *const[]){ "dateCreated", "datetime", "timestamp",
	                                                          "endTimestamp", NULL });
	for (const char *const *key = (const char *const[]){ "dateCreated", "datetime", "timestamp",
	                                                    "endTimestamp", NULL };
	     *key && e->timestamp == 0; key++)
		e->timestamp = epoch_seconds(member(root, *key));
	e->date_received = first_time(root, (const char *const[]){ "dateReceived", "received", NULL });
	e->release = release_version(member(root, "release"));
	e->environment = nonempty_member(root, "environment", MODEL_MAX_FIELD);
	e->next_event_id = id_member(root, "nextEventID");
	e->previous_event_id = id_member(root, "previousEventID");

	kv_decode(&e->tags, member(root, "tags"), 0);
	kv_decode_ordered(&e->user, member(root, "user"), user_first, user_flattened);
	decode_contexts(member(root, "contexts"), e);
	kv_decode_ordered(&e->sdk, member(root, "sdk"), sdk_first, NULL);
	const json_t *extra = member(root, "context");
	kv_decode(&e->extra, json_is_object(extra) ? extra : member(root, "extra"), KV_KEEP_NULL);
	decode_processing_errors(member(root, "errors"), e);
}

/* A 200 whose body is an error ({"detail": "Event not found"}) is not an event. */
static bool is_error_body(const json_t *root)
{
	return member(root, "detail") && !member(root, "eventID") && !member(root, "id") &&
	       !member(root, "event_id");
}

bool decode_event(const char *body, size_t len, struct event *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!json_is_object(root) || is_error_body(root)) {
		shape_error(err, root, "an event", body, len);
		json_decref(root);
		return false;
	}
	decode_header(root, out);
	/* The API form always has "entries" and "eventID"; an SDK payload has neither, and
	 * its top-level "message" is the message itself rather than Sentry's search text. */
	if (member(root, "entries") || member(root, "eventID"))
		decode_entries(member(root, "entries"), out);
	else
		decode_ingest_interfaces(root, out);
	fill_derived(root, out);
	json_decref(root);
	return true;
}
