/* GET …/issues/{id}/events/: summary rows (docs/sentry-api.md §5); GlitchTip always sends
 * full events, which have the same members. */
#include "api/decode_event_parts.h"

#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* Who saw it, as one word: email, username, id, ip; else the "user" tag ("ip:1.2.3.4"). */
static char *summary_user(const json_t *user, const struct kv_list *tags)
{
	static const char *const keys[] = { "email", "username", "id", "ip_address" };
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const json_t *v = member(user, keys[i]);
		/* "id" may be a number; the others are text or nothing. */
		char *text = json_is_number(v) ? display_text(v, MODEL_MAX_FIELD)
		                               : nonempty_text(v, MODEL_MAX_FIELD);
		if (text)
			return text;
	}
	const char *tag = kv_get(tags, "user");
	return tag && *tag ? copy_capped(tag, strlen(tag), MODEL_MAX_FIELD) : NULL;
}

static char *tag_or(const struct kv_list *tags, const char *key, char *fallback)
{
	const char *value = kv_get(tags, key);
	if (!value || !*value)
		return fallback;
	free(fallback);
	return copy_capped(value, strlen(value), MODEL_MAX_FIELD);
}

static bool decode_summary(const json_t *v, struct event_summary *row)
{
	row->id = id_member(v, "eventID");
	if (!row->id)
		row->id = id_member(v, "id");
	if (!row->id) /* a row one cannot open is no use */
		return false;
	struct kv_list tags = { NULL, 0 };
	kv_decode(&tags, member(v, "tags"), 0);
	row->title = nonempty_member(v, "title", MODEL_MAX_TITLE);
	row->message = nonempty_member(v, "message", MODEL_MAX_TITLE);
	row->date_created = time_member(v, "dateCreated");
	row->environment = tag_or(&tags, "environment",
	                          nonempty_member(v, "environment", MODEL_MAX_FIELD));
	row->release = tag_or(&tags, "release", release_version(member(v, "release")));
	row->user = summary_user(member(v, "user"), &tags);
	row->platform = nonempty_member(v, "platform", MODEL_MAX_ID);
	kv_list_free(&tags);
	return true;
}

bool decode_event_list(const char *body, size_t len, struct event_summary **out, size_t *n,
                       struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	if (!json_is_array(root)) {
		shape_error(err, root, "a list of events", body, len);
		json_decref(root);
		return false;
	}
	size_t total = json_array_size(root), kept = 0;
	struct event_summary *rows = xcalloc(total, sizeof(*rows));
	for (size_t i = 0; i < total; i++) {
		if (decode_summary(json_array_get(root, i), &rows[kept]))
			kept++;
	}
	json_decref(root);
	*out = rows;
	*n = kept;
	return true;
}
