/* libFuzzer target for the waterfall's pure code: one body fed to
 * decode_transaction_spans and decode_trace_spans, each result built into a span tree,
 * folded, zoomed, searched and laid out as bars. Besides crashes, leaks and deep
 * recursion it aborts when a promise breaks: a string or list over its cap, a span
 * without an id or a start, an end before a start, a node missing from the tree or in
 * it twice, a row that is not a node, a bar that is not exactly its width.
 *   PC="ncursesw libcurl jansson yaml-0.1 readline"
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined \
 *       $(pkg-config --cflags $PC) -I. -o fuzz_spans tests/fuzz/fuzz_spans.c \
 *       api/event.c api/decode_*.c api/json_util.c api/decode.c api/model.c \
 *       store/span_tree.c views/waterfall_layout.c \
 *       util/hex.c util/strbuf.c util/xalloc.c util/timeutil.c $(pkg-config --libs jansson)
 *   mkdir -p /tmp/spans-corpus && ./fuzz_spans -max_total_time=60 /tmp/spans-corpus \
 *       tests/fixtures/sentry/api tests/fixtures/sentry/ingest */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/model.h"
#include "api/span.h"
#include "store/span_tree.h"
#include "util/strbuf.h"
#include "views/waterfall_layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s, size_t cap)
{
	if (s && strlen(s) > cap)
		abort();
}

static void check_span(const struct span *s, bool is_root)
{
	if (!is_root && (!s->span_id || !(s->start > 0)))
		abort();
	if (s->end < s->start)
		abort();
	check_string(s->span_id, MODEL_MAX_ID);
	check_string(s->op, MODEL_MAX_FIELD);
	check_string(s->description, SPAN_MAX_DESCRIPTION);
	check_string(s->status, MODEL_MAX_ID);
	if (s->tags.n > EVENT_MAX_KV || s->data.n > EVENT_MAX_KV)
		abort();
	if (s->nerrors > SPAN_MAX_EVIDENCE || s->noccurrences > SPAN_MAX_EVIDENCE)
		abort();
}

static void check_set(const struct span_set *set)
{
	if (set->nspans > SPAN_MAX_SPANS || (set->nspans && !set->spans))
		abort();
	if (set->nmeasurements > SPAN_MAX_METRICS || set->nspan_ops > SPAN_MAX_METRICS)
		abort();
	if (set->evidence.noffender > SPAN_MAX_EVIDENCE || set->evidence.nrepeating > SPAN_MAX_EVIDENCE)
		abort();
	check_span(&set->root, true);
	for (size_t i = 0; i < set->nspans; i++)
		check_span(&set->spans[i], false);
}

static size_t cells_in(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void check_rows(const struct span_tree *t)
{
	if (t->nrows == 0 || t->nrows > t->nnodes)
		abort();
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].node >= t->nnodes ||
		    (t->rows[r].group != SPAN_NONE && t->rows[r].group >= t->ngroups))
			abort();
}

static void exercise_tree(const struct span_set *set, const uint8_t *data, size_t size)
{
	struct span_tree t;
	span_tree_build(&t, set);
	char *seen = calloc(t.nnodes, 1);
	if (!seen)
		abort();
	for (size_t k = 0; k < t.nnodes; k++) {
		uint32_t u = t.preorder[k];
		if (u >= t.nnodes || seen[u] || (u && !seen[t.nodes[u].parent]))
			abort();
		seen[u] = 1;
	}
	free(seen);
	check_rows(&t);

	/* Some input bytes choose what to do, so the fuzzer steers fold and zoom. */
	uint32_t pick = size ? data[size / 2] : 0;
	span_tree_fold_to_depth(&t, pick % 4);
	check_rows(&t);
	span_tree_toggle(&t, pick % (t.nrows + 1));
	span_tree_zoom(&t, (uint32_t)(pick % t.nnodes));
	check_rows(&t);
	uint32_t *hits;
	char needle[4] = { 0 };
	memcpy(needle, data, size < 3 ? size : 3);
	size_t nhits = span_tree_search(&t, needle, &hits);
	if (nhits) {
		size_t row = span_tree_reveal(&t, hits[nhits - 1]);
		if (row >= t.nrows || t.rows[row].node != hits[nhits - 1])
			abort();
	}
	free(hits);
	span_tree_slowest(&t, SPAN_SLOWEST_EXCLUSIVE);

	const struct span *axis_span = t.nodes[span_tree_axis_node(&t)].span;
	struct waterfall_axis axis = { axis_span->start, axis_span->end };
	struct strbuf out = STRBUF_INIT;
	for (size_t r = 0; r < t.nrows && r < 200; r++) {
		const struct span *s = t.nodes[t.rows[r].node].span;
		strbuf_reset(&out);
		waterfall_bar(&out, &axis, s->start, s->end, 37);
		if (cells_in(strbuf_str(&out)) != 37)
			abort();
		char *line = waterfall_fold_text(s->description);
		free(line);
	}
	struct span_interval *gaps;
	size_t ngaps = span_tree_gaps(&t, span_tree_axis_node(&t), &gaps);
	strbuf_reset(&out);
	waterfall_gaps(&out, &axis, gaps, ngaps, 37);
	if (cells_in(strbuf_str(&out)) != 37)
		abort();
	free(gaps);
	strbuf_free(&out);
	span_tree_unzoom(&t);
	span_tree_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Bodies are not NUL-terminated on the wire; an exact-size copy makes ASan catch
	 * any read past len. */
	char *body = malloc(size ? size : 1);
	if (!body)
		return 0;
	memcpy(body, data, size);
	struct strbuf err = STRBUF_INIT;
	struct span_set set;
	for (int trace = 0; trace < 2; trace++) {
		bool ok = trace ? decode_trace_spans(body, size, &set, &err)
		                : decode_transaction_spans(body, size, &set, &err);
		if (ok) {
			check_set(&set);
			exercise_tree(&set, data, size);
		} else if (err.len == 0) {
			abort(); /* a failure always says why */
		}
		span_set_free(&set);
		strbuf_reset(&err);
	}
	strbuf_free(&err);
	free(body);
	return 0;
}
