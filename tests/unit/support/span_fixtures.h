/* Span sets for the span unit tests (test_spans_decode.c, test_span_tree.c,
 * test_waterfall_layout.c): real fixtures decoded, and generated transactions. Any
 * decoding failure fails the running cmocka test. */
#ifndef TESTS_UNIT_SUPPORT_SPAN_FIXTURES_H
#define TESTS_UNIT_SUPPORT_SPAN_FIXTURES_H

#include <stddef.h>

#include "api/span.h"
#include "util/strbuf.h"

/* A transaction event fixture ("ingest/…", "api/…"). */
void span_fixture(const char *rel, struct span_set *out);
/* A GlitchTip envelope written as a JSON array: its third element, the transaction. */
void span_envelope_fixture(const char *rel, struct span_set *out);
/* The org trace endpoint fixture. */
void span_trace_fixture(const char *rel, struct span_set *out);
/* A transaction event given as JSON text. */
void span_json(const char *json, struct span_set *out);
void span_trace_json(const char *json, struct span_set *out);

/* Generated transactions (ingest form), root "root" from 1000.0 s to 1000.0 + 10 s:
 * n flat children of the root, span i from 1000 + i * 10 / n lasting 5 / n s... */
void gen_flat(struct strbuf *json, size_t n);
/* ... or a chain n deep, each span the parent of the next, nested in time. */
void gen_chain(struct strbuf *json, size_t n);

#endif
