/* JSON -> owned models (api/model.h). Tolerant by design: a missing or mistyped field
 * becomes NULL/0 and never fails the object; only a body that is not JSON, or not
 * the expected top-level shape, fails, with a message in err that names what was wrong
 * (the caller adds which endpoint). */
#ifndef API_DECODE_H
#define API_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "api/model.h"
#include "util/strbuf.h"

/* Parse a response body as JSON (jansson). Returns a new reference or NULL; on failure
 * "line L column C: text" (or "empty response body") is appended to err (may be NULL).
 * Any top-level value is accepted, and "\u0000" inside strings is allowed (decoded
 * strings end there) so one hostile event cannot break a whole list.
 * The type is void* so callers need not include jansson. */
void *decode_json(const char *body, size_t len, struct strbuf *err);

/* One issue object (jansson json_t *). Returns false only when obj is not an object
 * or has no usable "id". *out is overwritten (zeroed first), so issue_free() is safe on
 * it either way. */
bool decode_issue(const void *json_obj, struct issue *out);

/* A list response: top-level array of issues. Entries that are not objects or lack an
 * id are skipped (counted in *skipped when non-NULL). On success *out is a malloc'd
 * array of malloc'd issues (non-NULL even when *n is 0; free with issue_list_free).
 * On failure *out is NULL, *n 0, and err (may be NULL) gets e.g. "expected a list of
 * issues, got an object: <the server's detail text>". */
bool decode_issue_list(const char *body, size_t len, struct issue ***out, size_t *n,
                       size_t *skipped, struct strbuf *err);

/* Org projects list: top-level array of {id, slug, name, platform}. Entries without an
 * id are skipped. Free with project_list_free. Errors as for decode_issue_list. */
bool decode_project_list(const char *body, size_t len, struct project **out, size_t *n,
                         struct strbuf *err);

/* The human text of an error body: "detail" (string, or object with "message"),
 * else "error", else DRF field map as "field: msg; field: msg", else GlitchTip 422
 * list ("detail":[{"loc":[…,"sort"],"msg":…}] as "sort: msg"), else "message".
 * A 500's "errorId" is added as " (error id …)". The text is appended to out, capped at
 * MODEL_MAX_FIELD bytes. Returns false, leaving out alone, when none is found (e.g. an
 * HTML page from a proxy). The text is untrusted: show it via the draw layer. */
bool decode_error_detail(const char *body, size_t len, struct strbuf *out);

#endif
