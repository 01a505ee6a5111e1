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

/* Parse a response body as JSON (jansson), with the error position in err. Returns a
 * new reference or NULL. The type is void* so callers need not include jansson. */
void *decode_json(const char *body, size_t len, struct strbuf *err);

/* One issue object (jansson json_t *). Returns false only when obj is not an object
 * or has no usable "id". */
bool decode_issue(const void *json_obj, struct issue *out);

/* A list response: top-level array of issues. Entries that are not objects or lack an
 * id are skipped (counted in *skipped when non-NULL). On success *out is a malloc'd
 * array of malloc'd issues. */
bool decode_issue_list(const char *body, size_t len, struct issue ***out, size_t *n,
                       size_t *skipped, struct strbuf *err);

/* Org projects list: top-level array of {id, slug, name, platform}. */
bool decode_project_list(const char *body, size_t len, struct project **out, size_t *n,
                         struct strbuf *err);

/* The human text of an error body: "detail" (string, or object with "message"),
 * else "error", else DRF field map as "field: msg; field: msg", else GlitchTip 422
 * list ("detail":[{"msg":…}]), else "message". Returns false when none is found
 * (e.g. an HTML page from a proxy). The text is untrusted: show it via the draw layer. */
bool decode_error_detail(const char *body, size_t len, struct strbuf *out);

#endif
