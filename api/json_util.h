/* Typed, capped access to untrusted JSON for the decoders in api/ (no other layer
 * includes jansson). Every getter checks the type: a missing, null or mistyped member
 * reads as NULL/false/0, so one odd field never fails a whole object. Strings come
 * back as owned copies cut to a byte cap on a UTF-8 boundary. */
#ifndef API_JSON_UTIL_H
#define API_JSON_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/strbuf.h"

/* The newest timestamp we take as real (year 10000); beyond it time_t may overflow. */
#define EPOCH_MAX 253402300800.0

/* How many bytes of s (len bytes) fit in cap without splitting a UTF-8 sequence. */
size_t utf8_prefix_len(const char *s, size_t len, size_t cap);
/* Owned copy of at most cap bytes of s; stops at an embedded NUL ("\u0000"). */
char *copy_capped(const char *s, size_t len, size_t cap);
void add_capped(struct strbuf *out, const char *s, size_t len, size_t cap);

/* obj[key] when obj is an object, else NULL: lets callers chain through missing parents. */
const json_t *member(const json_t *obj, const char *key);
char *string_member(const json_t *obj, const char *key, size_t cap);
/* Ids: a non-empty string, or a whole number turned into the same decimal text. */
char *id_member(const json_t *obj, const char *key);
/* A decimal string of digits only (no sign, no blanks); saturates on overflow. */
bool parse_u64(const char *s, uint64_t *out);
/* Counts: a digit string (Sentry's "count") or a non-negative number. */
bool u64_member(const json_t *obj, const char *key, uint64_t *out);
long long count_member(const json_t *obj, const char *key);
bool bool_member(const json_t *obj, const char *key);
/* ISO-8601 string or epoch seconds; 0 when missing or unparseable. */
time_t time_member(const json_t *obj, const char *key);
/* "an object", "a list", "a string", "a number", "a boolean", "null": for error texts. */
const char *json_kind(const json_t *v);
/* One [timestamp, count] stats bucket; false when it is not one. Counts saturate. */
bool bucket_count(const json_t *bucket, uint32_t *out);

#endif
