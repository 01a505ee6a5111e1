/* The HTTP request interface: API form (query and headers as [[k, v], …]) and ingest
 * form (query_string, headers as an object, cookies as one string), docs/sentry-api.md §6.3. */
#include "api/decode_event_parts.h"

#include <stdlib.h>
#include <string.h>

#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* "?a=1&b=2", "a=1&b=2", [["a","1"],["b","2"]] or {"a":"1"} -> "a=1&b=2"; NULL when empty. */
static char *query_string(const json_t *v)
{
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		size_t len = strnlen(s, json_string_length(v));
		if (len && *s == '?') {
			s++;
			len--;
		}
		return len ? copy_capped(s, len, EVENT_MAX_VALUE) : NULL;
	}
	struct kv_list pairs = { NULL, 0 };
	kv_decode(&pairs, v, 0);
	struct strbuf text = STRBUF_INIT;
	for (size_t i = 0; i < pairs.n && text.len <= EVENT_MAX_VALUE; i++)
		strbuf_addf(&text, "%s%s=%s", i ? "&" : "", pairs.items[i].key, pairs.items[i].value);
	kv_list_free(&pairs);
	char *query = text.len ? copy_capped(text.buf, text.len, EVENT_MAX_VALUE) : NULL;
	strbuf_free(&text);
	return query;
}

/* "a=1; b=2" as a Cookie header carries it. */
static void cookie_pairs(const char *s, struct kv_list *out)
{
	while (*s && out->n < EVENT_MAX_KV) {
		s += strspn(s, " \t");
		size_t len = strcspn(s, ";");
		size_t key_len = strcspn(s, "=");
		if (len) {
			if (key_len > len)
				key_len = len;
			const char *value = key_len < len ? s + key_len + 1 : s + len;
			kv_list_take(out, copy_capped(s, key_len, MODEL_MAX_FIELD),
			             copy_capped(value, (size_t)(s + len - value), EVENT_MAX_VALUE));
		}
		s += len;
		if (*s == ';')
			s++;
	}
}

struct http_request *decode_request(const json_t *v)
{
	if (!json_is_object(v))
		return NULL;
	struct http_request *r = xcalloc(1, sizeof(*r));
	r->method = nonempty_member(v, "method", MODEL_MAX_ID);
	r->url = nonempty_member(v, "url", EVENT_MAX_VALUE);
	r->query = query_string(member_either(v, "query", "query_string"));
	r->fragment = nonempty_member(v, "fragment", EVENT_MAX_VALUE);
	r->data = display_text(member(v, "data"), EVENT_MAX_VALUE);
	const json_t *type = member_either(v, "inferredContentType", "inferred_content_type");
	if (json_is_string(type) && json_string_length(type) > 0)
		r->content_type = display_text(type, MODEL_MAX_ID);
	kv_decode(&r->headers, member(v, "headers"), KV_JOIN_LISTS);
	const json_t *cookies = member(v, "cookies");
	if (json_is_string(cookies))
		cookie_pairs(json_string_value(cookies), &r->cookies);
	else
		kv_decode(&r->cookies, cookies, 0);
	kv_decode(&r->env, member(v, "env"), 0);
	return r;
}
