/* An issue's tag distributions: GET …/issues/{id}/tags/ (a list of tag keys) and
 * …/tags/{key}/ (one), docs/sentry-api.md §7b; GlitchTip sends the same shape without dates. */
#include "api/decode_event_parts.h"

#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

static bool decode_tag_value(const json_t *v, struct tag_value *out)
{
	/* "value" is the value; "key" in a top value names the tag, not the value. A
	 * number means its text; null or a structure means nothing to count. */
	const json_t *value = member(v, "value");
	if (!value || json_is_null(value) || json_is_object(value) || json_is_array(value))
		return false;
	out->value = display_text(value, MODEL_MAX_FIELD);
	out->name = nonempty_member(v, "name", MODEL_MAX_FIELD);
	if (!out->name)
		out->name = xstrdup(out->value);
	if (!u64_member(v, "count", &out->count))
		out->count = 0;
	out->last_seen = time_member(v, "lastSeen");
	out->query = nonempty_member(v, "query", MODEL_MAX_FIELD);
	return true;
}

static bool decode_tag_key(const json_t *v, struct tag_key *out)
{
	out->key = nonempty_member(v, "key", MODEL_MAX_FIELD);
	if (!out->key)
		return false;
	out->name = nonempty_member(v, "name", MODEL_MAX_FIELD);
	if (!out->name)
		out->name = xstrdup(out->key);
	if (!u64_member(v, "totalValues", &out->total_values))
		out->total_values = 0;
	if (!u64_member(v, "uniqueValues", &out->unique_values))
		out->unique_values = 0;
	const json_t *top = member(v, "topValues");
	size_t total = json_array_size(top);
	if (total > EVENT_MAX_KV)
		total = EVENT_MAX_KV;
	out->top = xcalloc(total, sizeof(*out->top));
	for (size_t i = 0; i < total; i++)
		out->ntop += decode_tag_value(json_array_get(top, i), &out->top[out->ntop]);
	return true;
}

bool decode_issue_tags(const char *body, size_t len, struct tag_key **out, size_t *n,
                       struct strbuf *err)
{
	*out = NULL;
	*n = 0;
	json_t *root = decode_json(body, len, err);
	if (!root)
		return false;
	/* The list endpoint, or the one-key endpoint (an object with "key") read as a list. */
	bool one_key = json_is_object(root) && json_is_string(member(root, "key"));
	if (!json_is_array(root) && !one_key) {
		shape_error(err, root, "a list of tags", body, len);
		json_decref(root);
		return false;
	}
	size_t total = one_key ? 1 : json_array_size(root);
	if (total > EVENT_MAX_KV)
		total = EVENT_MAX_KV;
	struct tag_key *keys = xcalloc(total, sizeof(*keys));
	size_t kept = 0;
	for (size_t i = 0; i < total; i++) {
		const json_t *item = one_key ? root : json_array_get(root, i);
		/* A key-less entry allocates nothing, so its slot is simply reused. */
		kept += decode_tag_key(item, &keys[kept]);
	}
	json_decref(root);
	*out = keys;
	*n = kept;
	return true;
}
