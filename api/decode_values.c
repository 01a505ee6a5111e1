/* JSON values as the issue screen shows them: display text, key-value lists, context
 * blocks, and the error text for a body of the wrong shape (see decode_event_parts.h). */
#include "api/decode_event_parts.h"

#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* Real numbers with the digits a double really has, so 0.1 reads "0.1". */
#define DISPLAY_DUMP_FLAGS (JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))
/* A UTF-8 character is at most this long: dumps keep this much past the cap so the cut
 * can find a character boundary. */
#define UTF8_MAX_BYTES 4

struct capped_dump {
	struct strbuf text;
	size_t limit;
};

/* json_dump_callback sink that stops the dump once the text is long enough: a huge
 * variable never gets rendered in full only to be cut. */
static int dump_until_limit(const char *buffer, size_t size, void *data)
{
	struct capped_dump *d = data;
	size_t room = d->limit - d->text.len;
	if (size > room) {
		strbuf_add(&d->text, buffer, room);
		return -1;
	}
	strbuf_add(&d->text, buffer, size);
	return 0;
}

char *display_text(const json_t *v, size_t cap)
{
	if (!v || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		return copy_capped(json_string_value(v), json_string_length(v), cap);
	struct capped_dump d = { STRBUF_INIT, cap + UTF8_MAX_BYTES };
	json_dump_callback(v, dump_until_limit, &d, DISPLAY_DUMP_FLAGS);
	char *text = copy_capped(strbuf_str(&d.text), d.text.len, cap);
	strbuf_free(&d.text);
	return text;
}

const json_t *member_either(const json_t *obj, const char *api_key, const char *ingest_key)
{
	const json_t *v = member(obj, api_key);
	if (v && !json_is_null(v))
		return v;
	v = member(obj, ingest_key);
	return v && !json_is_null(v) ? v : NULL;
}

char *nonempty_member(const json_t *obj, const char *key, size_t cap)
{
	return nonempty_text(member(obj, key), cap);
}

char *nonempty_text(const json_t *v, size_t cap)
{
	if (!json_is_string(v))
		return NULL;
	char *s = display_text(v, cap);
	if (!*s) { /* "" or a string that starts with "\u0000" */
		free(s);
		return NULL;
	}
	return s;
}

char *release_version(const json_t *v)
{
	if (json_is_object(v))
		return nonempty_member(v, "version", MODEL_MAX_FIELD);
	return nonempty_text(v, MODEL_MAX_FIELD);
}

char *copy_first_line(const char *s, size_t cap)
{
	if (!s)
		return NULL;
	return copy_capped(s, strcspn(s, "\r\n"), cap);
}

/* ---- key-value lists --------------------------------------------------------------- */

static bool all_strings(const json_t *list)
{
	for (size_t i = 0; i < json_array_size(list); i++)
		if (!json_is_string(json_array_get(list, i)))
			return false;
	return true;
}

/* ["a", "b"] -> "a, b": how HTTP folds a header sent more than once (PHP sends them so). */
static char *joined_strings(const json_t *list, size_t cap)
{
	struct strbuf text = STRBUF_INIT;
	for (size_t i = 0; i < json_array_size(list) && text.len <= cap; i++) {
		const json_t *s = json_array_get(list, i);
		if (i)
			strbuf_adds(&text, ", ");
		add_capped(&text, json_string_value(s), json_string_length(s), cap);
	}
	char *out = copy_capped(strbuf_str(&text), text.len, cap);
	strbuf_free(&text);
	return out;
}

static char *kv_value(const json_t *v, unsigned flags)
{
	if (!v)
		return NULL;
	if (json_is_null(v))
		return flags & KV_KEEP_NULL ? xstrdup("null") : NULL;
	if ((flags & KV_JOIN_LISTS) && json_is_array(v) && all_strings(v))
		return joined_strings(v, EVENT_MAX_VALUE);
	return display_text(v, EVENT_MAX_VALUE);
}

static void add_pair(struct kv_list *out, const char *key, size_t key_len, const json_t *v,
                     unsigned flags)
{
	if (out->n >= EVENT_MAX_KV)
		return;
	char *value = kv_value(v, flags);
	if (value)
		kv_list_take(out, copy_capped(key, key_len, MODEL_MAX_FIELD), value);
}

void kv_decode(struct kv_list *out, const json_t *v, unsigned flags)
{
	if (json_is_object(v)) {
		const char *key;
		json_t *value;
		json_object_foreach(json_unconst(v), key, value) {
			if (out->n >= EVENT_MAX_KV)
				break;
			add_pair(out, key, strlen(key), value, flags);
		}
		return;
	}
	for (size_t i = 0; i < json_array_size(v) && out->n < EVENT_MAX_KV; i++) {
		const json_t *item = json_array_get(v, i);
		const json_t *key, *value;
		if (json_is_array(item) && json_array_size(item) >= 2) {
			key = json_array_get(item, 0);
			value = json_array_get(item, 1);
		} else {
			key = member(item, "key");
			value = member(item, "value");
		}
		if (json_is_string(key))
			add_pair(out, json_string_value(key), json_string_length(key), value, flags);
	}
}

static bool listed(const char *const *keys, const char *key)
{
	for (; keys && *keys; keys++)
		if (strcmp(*keys, key) == 0)
			return true;
	return false;
}

void kv_decode_ordered(struct kv_list *out, const json_t *obj, const char *const *first,
                       const char *const *flatten)
{
	if (!json_is_object(obj))
		return;
	for (const char *const *k = first; k && *k; k++)
		add_pair(out, *k, strlen(*k), member(obj, *k), 0);
	const char *key;
	json_t *value;
	json_object_foreach(json_unconst(obj), key, value) {
		if (out->n >= EVENT_MAX_KV)
			break;
		if (listed(first, key))
			continue;
		if (!listed(flatten, key) || !json_is_object(value)) {
			add_pair(out, key, strlen(key), value, 0);
			continue;
		}
		const char *sub;
		json_t *sub_value;
		json_object_foreach(value, sub, sub_value) {
			struct strbuf name = STRBUF_INIT;
			strbuf_addf(&name, "%s.%s", key, sub);
			add_pair(out, name.buf, name.len, sub_value, 0);
			strbuf_free(&name);
		}
	}
}

void decode_contexts(const json_t *obj, struct event *e)
{
	if (!json_is_object(obj))
		return;
	size_t cap = json_object_size(obj);
	if (cap > EVENT_MAX_KV)
		cap = EVENT_MAX_KV;
	e->contexts = xcalloc(cap, sizeof(*e->contexts));
	const char *name;
	json_t *value;
	json_object_foreach(json_unconst(obj), name, value) {
		if (e->ncontexts == cap)
			break;
		if (!json_is_object(value))
			continue;
		struct context_block *block = &e->contexts[e->ncontexts++];
		block->name = copy_capped(name, strlen(name), MODEL_MAX_FIELD);
		block->type = string_member(value, "type", MODEL_MAX_ID);
		if (!block->type || !*block->type) {
			/* Sentry's own rule: a context without a type is of the kind its key names. */
			free(block->type);
			block->type = copy_capped(name, strlen(name), MODEL_MAX_ID);
		}
		const char *field;
		json_t *field_value;
		json_object_foreach(value, field, field_value) {
			if (strcmp(field, "type") != 0)
				add_pair(&block->fields, field, strlen(field), field_value, 0);
		}
	}
}

/* ---- errors ------------------------------------------------------------------------ */

void shape_error(struct strbuf *err, const json_t *root, const char *expected,
                 const char *body, size_t len)
{
	if (!err)
		return;
	strbuf_addf(err, "expected %s, got %s", expected, json_kind(root));
	/* Only an error body's words help; other members ("message" of an event, a list of
	 * strings) would read as nonsense after "got an object:". */
	if (!json_is_string(root) && !member(root, "detail") && !member(root, "error"))
		return;
	struct strbuf text = STRBUF_INIT;
	if (decode_error_detail(body, len, &text)) {
		strbuf_adds(err, ": ");
		strbuf_add(err, text.buf, text.len);
	}
	strbuf_free(&text);
}
