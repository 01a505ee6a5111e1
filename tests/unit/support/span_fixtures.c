/* Span sets for the span unit tests (see span_fixtures.h). */
#include "tests/unit/support/span_fixtures.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "tests/unit/support/fixture.h"

static void decode_or_fail(bool trace, const char *body, size_t len, struct span_set *out,
                           const char *what)
{
	struct strbuf err = STRBUF_INIT;
	bool ok = trace ? decode_trace_spans(body, len, out, &err)
	                : decode_transaction_spans(body, len, out, &err);
	if (!ok)
		fail_msg("%s: %s", what, strbuf_str(&err));
	strbuf_free(&err);
}

void span_fixture(const char *rel, struct span_set *out)
{
	size_t len;
	char *body = fixture_read(rel, &len);
	decode_or_fail(false, body, len, out, rel);
	free(body);
}

void span_envelope_fixture(const char *rel, struct span_set *out)
{
	size_t len;
	char *body = fixture_read(rel, &len);
	json_t *envelope = json_loadb(body, len, 0, NULL);
	assert_non_null(envelope);
	char *payload = json_dumps(json_array_get(envelope, 2), JSON_COMPACT);
	assert_non_null(payload);
	decode_or_fail(false, payload, strlen(payload), out, rel);
	free(payload);
	json_decref(envelope);
	free(body);
}

void span_trace_fixture(const char *rel, struct span_set *out)
{
	size_t len;
	char *body = fixture_read(rel, &len);
	decode_or_fail(true, body, len, out, rel);
	free(body);
}

void span_json(const char *json, struct span_set *out)
{
	decode_or_fail(false, json, strlen(json), out, json);
}

void span_trace_json(const char *json, struct span_set *out)
{
	decode_or_fail(true, json, strlen(json), out, json);
}

static void gen_header(struct strbuf *json)
{
	strbuf_adds(json, "{\"type\":\"transaction\",\"transaction\":\"generated\","
	                  "\"start_timestamp\":1000.0,\"timestamp\":1010.0,"
	                  "\"contexts\":{\"trace\":{\"trace_id\":\"t\",\"span_id\":\"root\",\"op\":\"http.server\"}},"
	                  "\"spans\":[");
}

void gen_flat(struct strbuf *json, size_t n)
{
	gen_header(json);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(json, "%s{\"span_id\":\"s%zu\",\"parent_span_id\":\"root\",\"op\":\"db\","
		                  "\"description\":\"SELECT %zu\",\"start_timestamp\":%.9f,\"timestamp\":%.9f}",
		            i ? "," : "", i, i, 1000.0 + (double)i * 10 / (double)n,
		            1000.0 + (double)i * 10 / (double)n + 5.0 / (double)n);
	strbuf_adds(json, "]}");
}

void gen_chain(struct strbuf *json, size_t n)
{
	gen_header(json);
	/* Sent deepest first, so every parent comes after its child. */
	for (size_t k = n; k-- > 0;) {
		char parent[32];
		if (k)
			snprintf(parent, sizeof(parent), "c%zu", k - 1);
		else
			snprintf(parent, sizeof(parent), "root");
		strbuf_addf(json, "%s{\"span_id\":\"c%zu\",\"parent_span_id\":\"%s\",\"op\":\"function\","
		                  "\"start_timestamp\":%.9f,\"timestamp\":%.9f}",
		            k + 1 < n ? "," : "", k, parent, 1000.0 + (double)k * 1e-4,
		            1010.0 - (double)k * 1e-4);
	}
	strbuf_adds(json, "]}");
}
