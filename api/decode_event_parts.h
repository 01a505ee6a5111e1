/* Pieces shared by the issue-screen decoders (decode_event.c and the decode_*.c files
 * it is split into). Internal to api/: the views see only api/event.h. Like every
 * decoder these trust nothing: a missing, null or mistyped input adds nothing. */
#ifndef API_DECODE_EVENT_PARTS_H
#define API_DECODE_EVENT_PARTS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "api/event.h"
#include "util/strbuf.h"

/* jansson's object iterator takes a json_t * although it only reads, and the decoders
 * hold their trees const. This is the one place const is dropped, through an integer,
 * so -Wcast-qual stays on guard everywhere else. */
static inline json_t *json_unconst(const json_t *v)
{
	return (json_t *)(uintptr_t)v;
}

/* ---- values (decode_values.c) ------------------------------------------------------ */

/* How a JSON value reads on screen: strings as they are, numbers and booleans as their
 * JSON text, objects and arrays as compact JSON; cut to cap bytes on a UTF-8 boundary.
 * NULL for null or a missing value. */
char *display_text(const json_t *v, size_t cap);
/* The API's camelCase member, else the ingest form's snake_case one (GlitchTip mixes
 * both in one frame); null counts as missing. */
const json_t *member_either(const json_t *obj, const char *api_key, const char *ingest_key);
/* A non-empty string member / value, else NULL: an empty string shows nothing, so it
 * reads as absent ("culprit": "" from GlitchTip). */
char *nonempty_member(const json_t *obj, const char *key, size_t cap);
char *nonempty_text(const json_t *v, size_t cap);
/* "release", "firstRelease": a version string, or a release object holding "version". */
char *release_version(const json_t *v);
/* "a\nb" -> "a": titles are one line. */
char *copy_first_line(const char *s, size_t cap);

enum kv_flags {
	KV_KEEP_NULL = 1,   /* null values read "null" (variables); otherwise they are skipped */
	KV_JOIN_LISTS = 2,  /* a list of strings reads "a, b" (repeated HTTP headers) */
};

/* Append the pairs of [[k, v], …], [{"key": k, "value": v}, …] or {k: v, …} to out. */
void kv_decode(struct kv_list *out, const json_t *v, unsigned flags);
/* Append an object's members: the keys in first (NULL-terminated) in that order, then
 * the rest as sent; an object under a key in flatten becomes "key.sub" entries. Null
 * values are skipped. */
void kv_decode_ordered(struct kv_list *out, const json_t *obj, const char *const *first,
                       const char *const *flatten);
/* "contexts": each object member becomes a block, "type" pulled out (default: the key). */
void decode_contexts(const json_t *obj, struct event *e);

/* "expected <what>, got <kind>" into err, plus the server's own words when the body is
 * an error object ({"detail": …}) or a bare string. */
void shape_error(struct strbuf *err, const json_t *root, const char *expected,
                 const char *body, size_t len);

/* ---- stack traces (decode_stack.c) ------------------------------------------------- */

/* A stacktrace object (API or ingest keys); NULL when it holds no frames or registers. */
struct stacktrace *decode_stacktrace(const json_t *v);
/* {"values": [exception, …]} or a bare list (sentry-go): appended to e->exceptions. */
void decode_exceptions(const json_t *v, struct event *e);
/* {"values": [thread, …]} or a bare list: appended to e->threads. */
void decode_threads(const json_t *v, struct event *e);

/* ---- breadcrumbs and request (decode_crumbs.c, decode_request.c) ------------------- */

/* {"values": [crumb, …]} or a bare list: appended to e->crumbs, newest kept. */
void decode_crumbs(const json_t *v, struct event *e);
/* Epoch seconds with fraction from an ISO-8601 string or a number; 0 when neither. */
double epoch_seconds(const json_t *v);
/* A request interface object; NULL when v is not an object. */
struct http_request *decode_request(const json_t *v);

#endif
