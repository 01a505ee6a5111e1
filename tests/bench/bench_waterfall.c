/* Benchmark of the waterfall's work for a 10,000-span transaction (a budget of 20 ms
 * to lay it out, and scrolling that costs work proportional to the screen, not to the
 * transaction): decode the event, build the span tree, lay out every row (label text,
 * bar, gaps), and lay out one 50-row screen at the top, middle and end. Prints medians
 * of several runs; numbers, not pass/fail (run by `make bench`). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/span.h"
#include "store/span_tree.h"
#include "util/strbuf.h"
#include "views/waterfall_layout.h"

#define SPANS 10000
#define RUNS 15
#define SCREEN_ROWS 50
#define BAR_WIDTH 80

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A transaction as an SDK sends it: 50 requests to middleware, each with nested
 * handlers, runs of repeated queries (N+1), cache and http calls, multi-line SQL. */
static void make_transaction(struct strbuf *json)
{
	const double t0 = 1764936000.0;
	strbuf_addf(json, "{\"type\":\"transaction\",\"transaction\":\"GET /api/bench\","
	                  "\"start_timestamp\":%.6f,\"timestamp\":%.6f,"
	                  "\"contexts\":{\"trace\":{\"trace_id\":\"%032d\",\"span_id\":\"r000000000000000\","
	                  "\"op\":\"http.server\",\"status\":\"ok\"}},\"spans\":[", t0, t0 + 10.0, 7);
	size_t n = 0;
	for (int block = 0; block < 50 && n < SPANS; block++) {
		double b0 = t0 + block * 0.2;
		char parent[17];
		snprintf(parent, sizeof(parent), "m%015d", block);
		strbuf_addf(json, "%s{\"span_id\":\"%s\",\"parent_span_id\":\"r000000000000000\","
		                  "\"op\":\"middleware.django\",\"description\":\"block %d\","
		                  "\"start_timestamp\":%.6f,\"timestamp\":%.6f}",
		            n ? "," : "", parent, block, b0, b0 + 0.19);
		n++;
		for (int i = 0; i < SPANS / 50 - 1 && n < SPANS; i++) {
			double s = b0 + i * 0.0009;
			const char *op = i % 10 < 7 ? "db.query" : i % 10 < 9 ? "cache.get" : "http.client";
			/* Every fifth span nests under the one before it: depth varies. */
			char span_parent[17];
			if (i % 5 == 4)
				snprintf(span_parent, sizeof(span_parent), "s%015zu", n - 1);
			else
				memcpy(span_parent, parent, sizeof(span_parent));
			strbuf_addf(json, ",{\"span_id\":\"s%015zu\",\"parent_span_id\":\"%s\","
			                  "\"op\":\"%s\",\"description\":\"SELECT \\\"books\\\".\\\"id\\\"\\n"
			                  "  FROM \\\"books\\\"\\n  WHERE \\\"author_id\\\" = %d\","
			                  "\"start_timestamp\":%.6f,\"timestamp\":%.6f,\"status\":\"ok\"}",
			            n, span_parent, op, i, s, s + 0.0007);
			n++;
		}
	}
	strbuf_adds(json, "]}");
}

/* The row text and bar of each row in [from, to): what drawing a row computes. */
static size_t lay_out(struct span_tree *t, size_t from, size_t to)
{
	struct waterfall_axis axis = { t->set->root.start, t->set->root.end };
	struct strbuf bar = STRBUF_INIT, gaps = STRBUF_INIT;
	size_t bytes = 0;
	for (size_t r = from; r < to && r < t->nrows; r++) {
		const struct span_node *n = &t->nodes[t->rows[r].node];
		char *text = waterfall_fold_text(n->span->description);
		strbuf_reset(&bar);
		strbuf_reset(&gaps);
		waterfall_bar(&bar, &axis, n->span->start, n->span->end, BAR_WIDTH);
		struct span_interval *iv = NULL;
		size_t ngaps = span_tree_gaps(t, t->rows[r].node, &iv);
		waterfall_gaps(&gaps, &axis, iv, ngaps, BAR_WIDTH);
		free(iv);
		bytes += bar.len + gaps.len + (text ? strlen(text) : 0);
		free(text);
	}
	strbuf_free(&bar);
	strbuf_free(&gaps);
	return bytes;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), by_value);
	return v[n / 2];
}

int main(void)
{
	struct strbuf json = STRBUF_INIT;
	make_transaction(&json);
	double decode[RUNS], build[RUNS], all[RUNS], top[RUNS], middle[RUNS], end[RUNS];
	size_t rows = 0, nspans = 0, sink = 0;
	for (int run = 0; run < RUNS; run++) {
		struct span_set set;
		struct strbuf err = STRBUF_INIT;
		double a = now_ms();
		if (!decode_transaction_spans(json.buf, json.len, &set, &err)) {
			fprintf(stderr, "bench_waterfall: cannot decode: %s\n", strbuf_str(&err));
			return 1;
		}
		double b = now_ms();
		struct span_tree t;
		span_tree_build(&t, &set);
		/* Every group open: the most rows a user can make it show. */
		for (size_t g = 0; g < t.ngroups; g++)
			t.groups[g].collapsed = false;
		span_tree_fold_to_depth(&t, 1000);
		double c = now_ms();
		sink += lay_out(&t, 0, t.nrows);
		double d = now_ms();
		sink += lay_out(&t, 0, SCREEN_ROWS);
		double e = now_ms();
		sink += lay_out(&t, t.nrows / 2, t.nrows / 2 + SCREEN_ROWS);
		double f = now_ms();
		sink += lay_out(&t, t.nrows - SCREEN_ROWS, t.nrows);
		double g = now_ms();
		decode[run] = b - a;
		build[run] = c - b;
		all[run] = d - c;
		top[run] = (e - d) * 1000;
		middle[run] = (f - e) * 1000;
		end[run] = (g - f) * 1000;
		rows = t.nrows;
		nspans = set.nspans;
		span_tree_free(&t);
		span_set_free(&set);
		strbuf_free(&err);
	}
	printf("waterfall of %zu spans (%zu rows, %zu KB of JSON), median of %d runs:\n", nspans, rows,
	       json.len / 1024, RUNS);
	printf("  decode the event:                 %6.2f ms\n", median(decode, RUNS));
	printf("  build the span tree:              %6.2f ms\n", median(build, RUNS));
	printf("  lay out every row:                %6.2f ms (budget 20 ms with the tree)\n",
	       median(all, RUNS));
	printf("  lay out a %d-row screen: top %.0f µs, middle %.0f µs, end %.0f µs\n", SCREEN_ROWS,
	       median(top, RUNS), median(middle, RUNS), median(end, RUNS));
	strbuf_free(&json);
	return sink == 0;
}
