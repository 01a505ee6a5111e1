/* Typed, capped access to untrusted JSON, shared by every decoder (see json_util.h). */
#include "api/json_util.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/model.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

/* ---- strings ---------------------------------------------------------------------- */

/* How many bytes of s (len bytes) fit in cap without splitting a UTF-8 sequence. */
size_t utf8_prefix_len(const char *s, size_t len, size_t cap)
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

char *copy_capped(const char *s, size_t len, size_t cap)
{
	/* A NUL (only if a body skipped the repair) ends the C string there. */
	len = strnlen(s, len);
	return xstrndup(s, utf8_prefix_len(s, len, cap));
}

void add_capped(struct strbuf *out, const char *s, size_t len, size_t cap)
{
	len = strnlen(s, len);
	strbuf_add(out, s, utf8_prefix_len(s, len, cap));
}

/* ---- typed member access ---------------------------------------------------------- */

/* obj[key] when obj is an object, else NULL: lets callers chain through missing parents. */
const json_t *member(const json_t *obj, const char *key)
{
	return json_is_object(obj) ? json_object_get(obj, key) : NULL;
}

char *string_member(const json_t *obj, const char *key, size_t cap)
{
	const json_t *v = member(obj, key);
	if (!json_is_string(v))
		return NULL;
	return copy_capped(json_string_value(v), json_string_length(v), cap);
}

/* Ids are strings on the wire (docs/sentry-api.md §2), but a server that sends a number means
 * the same id, so numbers become the same decimal text. An empty id identifies nothing. */
char *id_member(const json_t *obj, const char *key)
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
bool parse_u64(const char *s, uint64_t *out)
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

bool u64_member(const json_t *obj, const char *key, uint64_t *out)
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

long long count_member(const json_t *obj, const char *key)
{
	uint64_t v;
	if (!u64_member(obj, key, &v))
		return 0;
	return v > LLONG_MAX ? LLONG_MAX : (long long)v;
}

bool bool_member(const json_t *obj, const char *key)
{
	const json_t *v = member(obj, key); /* json_is_true() evaluates its argument twice */
	return json_is_true(v);
}

/* ISO-8601 as the API sends it; epoch seconds (GlitchTip and ingest-form data) too. */
time_t time_member(const json_t *obj, const char *key)
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

const char *json_kind(const json_t *v)
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

/* One [timestamp, count] bucket. Counts are clamped to what the model holds. */
bool bucket_count(const json_t *bucket, uint32_t *out)
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
