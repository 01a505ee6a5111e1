/* The span tree over real transactions and generated ones: parents and child order,
 * orphans and cycles (never dropped), exclusive time and gaps, repeated-span groups and
 * evidence marks, fold, zoom, search and the slowest span, and sizes (10,000 spans, a
 * chain 10,000 deep) that must neither be slow nor recurse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/span.h"
#include "store/span_tree.h"
#include "tests/unit/support/span_fixtures.h"
#include "util/strbuf.h"

#define assert_seconds(actual, expected) assert_true(fabs((actual) - (expected)) < 1e-6)

/* The visible rows as a reader sees the tree: indented by depth below the axis node,
 * each span by its op (else its id), a collapsed group as "N × op". */
static char *rows_text(const struct span_tree *t)
{
	struct strbuf out = STRBUF_INIT;
	uint32_t base = t->nodes[span_tree_axis_node(t)].depth;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct span_node *n = &t->nodes[t->rows[r].node];
		if (r)
			strbuf_addc(&out, '|');
		for (uint32_t d = base; d < n->depth; d++)
			strbuf_adds(&out, "  ");
		if (t->rows[r].group != SPAN_NONE)
			strbuf_addf(&out, "%u × ", t->groups[t->rows[r].group].count);
		strbuf_adds(&out, n->span->op ? n->span->op : n->span->span_id);
	}
	return strbuf_detach(&out);
}

static void assert_rows(const struct span_tree *t, const char *expected)
{
	char *text = rows_text(t);
	assert_string_equal(text, expected);
	free(text);
}

static uint32_t node_of(const struct span_tree *t, const char *span_id)
{
	uint32_t node = span_tree_find_id(t, span_id);
	if (node == SPAN_NONE)
		fail_msg("no span %s", span_id);
	return node;
}

static const char *id_of(const struct span_tree *t, uint32_t node)
{
	return t->nodes[node].span->span_id;
}

/* Every node exactly once in the depth-first order, each after its parent. */
static void assert_whole_tree(const struct span_tree *t)
{
	char *seen = calloc(t->nnodes, 1);
	assert_int_equal(t->preorder[0], 0);
	for (size_t k = 0; k < t->nnodes; k++) {
		uint32_t u = t->preorder[k];
		assert_true(u < t->nnodes);
		assert_false(seen[u]);
		if (u)
			assert_true(seen[t->nodes[u].parent]);
		seen[u] = 1;
	}
	free(seen);
}

/* ---- real transactions ------------------------------------------------------------- */

static const char python_rows[] =
	"http.server|  db function: get all products|    connect to db|    run query|      db|"
	"    format results";

static void test_python_transaction_tree(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_fixture("ingest/sentry-sample.python-transaction.json", &s);
	span_tree_build(&t, &s);
	assert_whole_tree(&t);
	assert_rows(&t, python_rows);
	assert_int_equal(t.norphans, 0);
	assert_int_equal(t.ngroups, 0);
	uint32_t outer = node_of(&t, "99bbfb48193a4ddb");
	uint32_t query = node_of(&t, "65d005a5b31d4614");
	uint32_t select = node_of(&t, "b501702695634df2");
	uint32_t connect = node_of(&t, "a3c3c7064e6d4fba");
	assert_int_equal(t.nodes[select].depth, 3);
	assert_int_equal(t.nodes[select].parent, query);
	/* The outer span's three children cover it wholly; a leaf is all its own. */
	assert_seconds(t.nodes[outer].exclusive, 0);
	assert_seconds(t.nodes[connect].exclusive, 0.985905);
	assert_seconds(t.nodes[0].exclusive, 0);
	assert_string_equal(id_of(&t, span_tree_slowest(&t, SPAN_SLOWEST_DURATION)), "99bbfb48193a4ddb");
	assert_string_equal(id_of(&t, span_tree_slowest(&t, SPAN_SLOWEST_EXCLUSIVE)), "b501702695634df2");
	struct span_interval *gaps;
	assert_int_equal(span_tree_gaps(&t, 0, &gaps), 0);
	assert_int_equal(span_tree_gaps(&t, connect, &gaps), 0); /* a leaf has none */
	span_tree_free(&t);
	span_set_free(&s);
}

static void test_n_plus_one_group_and_evidence(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_fixture("api/sentry-mcp.event.transaction-n-plus-one.json", &s);
	span_tree_build(&t, &s);
	/* Three SELECTs that differ only in their number: one group row, collapsed. */
	assert_rows(&t, "http.server|  http.server|    3 × db.query");
	assert_int_equal(t.ngroups, 1);
	const struct span_group *g = &t.groups[0];
	assert_int_equal(g->count, 3);
	assert_seconds(g->total, 0.015);
	assert_seconds(g->mean, 0.005);
	uint32_t parent = node_of(&t, "parent123");
	assert_int_equal(g->parent, parent);
	assert_true(t.nodes[parent].flags & SPAN_EVIDENCE_PARENT);
	for (const char *const *id = (const char *const[]){ "span001", "span002", "span003", NULL }; *id; id++)
		assert_int_equal(t.nodes[node_of(&t, *id)].flags & (SPAN_OFFENDER | SPAN_REPEATED),
		                 SPAN_OFFENDER | SPAN_REPEATED);
	assert_false(t.nodes[parent].flags & (SPAN_OFFENDER | SPAN_REPEATED));
	assert_seconds(t.nodes[parent].exclusive, 0.235);

	/* Expand the group, then collapse it from one of its members. */
	assert_true(span_tree_toggle(&t, 2));
	assert_rows(&t, "http.server|  http.server|    db.query|    db.query|    db.query");
	assert_true(span_tree_toggle(&t, 3));
	assert_rows(&t, "http.server|  http.server|    3 × db.query");
	/* Revealing a member (a search hit) expands its group. */
	assert_int_equal(span_tree_reveal(&t, node_of(&t, "span002")), 3);
	assert_rows(&t, "http.server|  http.server|    db.query|    db.query|    db.query");

	/* The time between the queries is visible as gaps. */
	struct span_interval *gaps;
	size_t n = span_tree_gaps(&t, parent, &gaps);
	assert_int_equal(n, 4);
	assert_seconds(gaps[0].start, 1722963600.0);
	assert_seconds(gaps[0].end, 1722963600.01);
	assert_seconds(gaps[1].start, 1722963600.015);
	assert_seconds(gaps[1].end, 1722963600.02);
	assert_seconds(gaps[3].start, 1722963600.035);
	assert_seconds(gaps[3].end, 1722963600.25);
	free(gaps);
	span_tree_free(&t);
	span_set_free(&s);
}

static void test_glitchtip_middleware_chain(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_envelope_fixture("ingest/envelope-as-json.transaction.django_simple.json", &s);
	span_tree_build(&t, &s);
	assert_whole_tree(&t);
	/* Seven middlewares nested in one another; the innermost holds a hook and the view. */
	assert_int_equal(t.nrows, 10);
	assert_int_equal(t.nodes[node_of(&t, "aea5c38d0ed37a0a")].depth, 4);
	assert_int_equal(t.norphans, 0);
	span_tree_fold_to_depth(&t, 2);
	assert_rows(&t, "http.server|  django.middleware|    django.middleware");
	span_tree_free(&t);
	span_set_free(&s);
}

static void test_trace_endpoint_tree(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_trace_json("[{\"event_id\":\"a\",\"op\":\"http.server\",\"start_timestamp\":100,\"duration\":500,"
	                "\"children\":[{\"event_id\":\"b\",\"op\":\"db\",\"start_timestamp\":100.1,"
	                "\"end_timestamp\":100.2,\"errors\":[{\"title\":\"boom\"}]}]},"
	                "{\"op\":\"dropped\",\"start_timestamp\":\"never\",\"children\":[{\"event_id\":\"d\","
	                "\"op\":\"stray\",\"parent_span_id\":\"gone\",\"start_timestamp\":100.3}]},"
	                "{\"event_id\":\"x\",\"op\":\"browser\",\"parent_span_id\":\"elsewhere\","
	                "\"start_timestamp\":99,\"end_timestamp\":101}]",
	                &s);
	span_tree_build(&t, &s);
	/* Top-level nodes are the trace's roots, not strays, even with a parent id. */
	assert_rows(&t, "trace|  browser|  http.server|    db|  stray");
	assert_true(t.nodes[node_of(&t, "b")].flags & SPAN_HAS_ERRORS);
	assert_false(t.nodes[node_of(&t, "x")].flags & SPAN_ORPHAN);
	assert_true(t.nodes[node_of(&t, "d")].flags & SPAN_ORPHAN);
	assert_int_equal(t.norphans, 1);
	span_tree_free(&t);
	span_set_free(&s);
}

/* ---- generated shapes -------------------------------------------------------------- */

static void test_orphans_hang_under_the_root(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_json("{\"start_timestamp\":10,\"timestamp\":20,"
	          "\"contexts\":{\"trace\":{\"trace_id\":\"T\",\"span_id\":\"R\",\"op\":\"root\"}},"
	          "\"spans\":["
	          "{\"span_id\":\"a\",\"parent_span_id\":\"R\",\"op\":\"a\",\"start_timestamp\":11,\"timestamp\":12},"
	          "{\"span_id\":\"b\",\"parent_span_id\":\"missing\",\"op\":\"b\",\"start_timestamp\":13,\"timestamp\":15},"
	          "{\"span_id\":\"c\",\"parent_span_id\":\"a\",\"trace_id\":\"other\",\"op\":\"c\",\"start_timestamp\":11.5},"
	          "{\"span_id\":\"d\",\"op\":\"d\",\"start_timestamp\":9,\"timestamp\":21},"
	          "{\"span_id\":\"e\",\"parent_span_id\":\"b\",\"trace_id\":\"T\",\"op\":\"e\",\"start_timestamp\":14,\"timestamp\":14.5}"
	          "]}",
	          &s);
	span_tree_build(&t, &s);
	assert_whole_tree(&t);
	assert_rows(&t, "root|  d|  a|  c|  b|    e");
	assert_int_equal(t.norphans, 3);
	unsigned b = t.nodes[node_of(&t, "b")].flags, c = t.nodes[node_of(&t, "c")].flags,
	         d = t.nodes[node_of(&t, "d")].flags, e = t.nodes[node_of(&t, "e")].flags;
	assert_true(b & SPAN_ORPHAN);  /* unknown parent */
	assert_true(c & SPAN_ORPHAN);  /* known parent, other trace */
	assert_true(d & SPAN_ORPHAN);  /* no parent at all */
	assert_false(e & SPAN_ORPHAN); /* its parent is an orphan, it is not */
	assert_false(t.nodes[node_of(&t, "a")].flags & SPAN_ORPHAN);
	/* d starts before the root and ends after it */
	assert_int_equal(d & (SPAN_STARTS_EARLY | SPAN_ENDS_LATE), SPAN_STARTS_EARLY | SPAN_ENDS_LATE);
	assert_false(b & (SPAN_STARTS_EARLY | SPAN_ENDS_LATE));
	span_tree_free(&t);
	span_set_free(&s);
}

static void test_cycles_are_cut_and_kept(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_json("{\"start_timestamp\":1,\"timestamp\":9,\"contexts\":{\"trace\":{\"span_id\":\"R\",\"op\":\"root\"}},"
	          "\"spans\":["
	          "{\"span_id\":\"x\",\"parent_span_id\":\"y\",\"op\":\"x\",\"start_timestamp\":2},"
	          "{\"span_id\":\"y\",\"parent_span_id\":\"x\",\"op\":\"y\",\"start_timestamp\":3},"
	          "{\"span_id\":\"z\",\"parent_span_id\":\"z\",\"op\":\"z\",\"start_timestamp\":4},"
	          "{\"span_id\":\"w\",\"parent_span_id\":\"x\",\"op\":\"w\",\"start_timestamp\":5},"
	          "{\"span_id\":\"p\",\"parent_span_id\":\"q\",\"op\":\"p\",\"start_timestamp\":6},"
	          "{\"span_id\":\"q\",\"parent_span_id\":\"r\",\"op\":\"q\",\"start_timestamp\":7},"
	          "{\"span_id\":\"r\",\"parent_span_id\":\"p\",\"op\":\"r\",\"start_timestamp\":8}"
	          "]}",
	          &s);
	span_tree_build(&t, &s);
	assert_whole_tree(&t);
	assert_int_equal(t.nrows, 8); /* root + 7: nothing lost */
	/* Each loop is cut once, at the span where the walk into it closed (the first sent). */
	assert_rows(&t, "root|  x|    y|    w|  z|  p|    r|      q");
	assert_true(t.nodes[node_of(&t, "x")].flags & SPAN_CYCLE);
	assert_true(t.nodes[node_of(&t, "z")].flags & SPAN_CYCLE);
	assert_true(t.nodes[node_of(&t, "p")].flags & SPAN_CYCLE);
	assert_false(t.nodes[node_of(&t, "y")].flags & SPAN_CYCLE);
	assert_int_equal(t.norphans, 3);
	span_tree_free(&t);
	span_set_free(&s);
}

/* Parallel children overlap: exclusive time and gaps count the union once. */
static void test_overlapping_children(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_json("{\"start_timestamp\":100,\"timestamp\":110,\"contexts\":{\"trace\":{\"span_id\":\"R\"}},"
	          "\"spans\":["
	          "{\"span_id\":\"a\",\"parent_span_id\":\"R\",\"start_timestamp\":101,\"timestamp\":106},"
	          "{\"span_id\":\"b\",\"parent_span_id\":\"R\",\"start_timestamp\":102,\"timestamp\":104},"
	          "{\"span_id\":\"c\",\"parent_span_id\":\"R\",\"start_timestamp\":105,\"timestamp\":108},"
	          "{\"span_id\":\"d\",\"parent_span_id\":\"R\",\"start_timestamp\":109,\"timestamp\":112}"
	          "]}",
	          &s);
	span_tree_build(&t, &s);
	/* covered: 101–108 and 109–110 (d is clipped to the root) */
	assert_seconds(t.nodes[0].exclusive, 2);
	struct span_interval *gaps;
	assert_int_equal(span_tree_gaps(&t, 0, &gaps), 2);
	assert_seconds(gaps[0].start, 100);
	assert_seconds(gaps[0].end, 101);
	assert_seconds(gaps[1].start, 108);
	assert_seconds(gaps[1].end, 109);
	free(gaps);
	span_tree_free(&t);
	span_set_free(&s);
}

static void test_identical_starts_keep_the_order_sent(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_json("{\"start_timestamp\":1,\"timestamp\":2,\"contexts\":{\"trace\":{\"span_id\":\"R\",\"op\":\"root\"}},"
	          "\"spans\":["
	          "{\"span_id\":\"1\",\"parent_span_id\":\"R\",\"op\":\"e\",\"start_timestamp\":1.5,\"timestamp\":1.6},"
	          "{\"span_id\":\"2\",\"parent_span_id\":\"R\",\"op\":\"d\",\"start_timestamp\":1.5},"
	          "{\"span_id\":\"3\",\"parent_span_id\":\"R\",\"op\":\"c\",\"start_timestamp\":1.5,\"timestamp\":1.9},"
	          "{\"span_id\":\"4\",\"parent_span_id\":\"R\",\"op\":\"b\",\"start_timestamp\":1.5},"
	          "{\"span_id\":\"5\",\"parent_span_id\":\"R\",\"op\":\"first\",\"start_timestamp\":1.1,\"timestamp\":1.1}"
	          "]}",
	          &s);
	span_tree_build(&t, &s);
	assert_rows(&t, "root|  first|  e|  d|  c|  b");
	/* zero-length spans are spans: durations 0, and not the slowest */
	assert_seconds(span_node_duration(&t.nodes[node_of(&t, "5")]), 0);
	assert_string_equal(id_of(&t, span_tree_slowest(&t, SPAN_SLOWEST_DURATION)), "3");
	span_tree_free(&t);
	span_set_free(&s);
}

static void test_groups_by_hash_and_pattern(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_json("{\"start_timestamp\":1,\"timestamp\":100,\"contexts\":{\"trace\":{\"span_id\":\"R\",\"op\":\"root\"}},"
	          "\"spans\":["
	          /* same op and hash, different text: a group of 3 */
	          "{\"span_id\":\"h1\",\"parent_span_id\":\"R\",\"op\":\"db\",\"hash\":\"H\",\"description\":\"a\",\"start_timestamp\":2,\"timestamp\":3},"
	          "{\"span_id\":\"h2\",\"parent_span_id\":\"R\",\"op\":\"db\",\"hash\":\"H\",\"description\":\"b\",\"start_timestamp\":3,\"timestamp\":4},"
	          "{\"span_id\":\"h3\",\"parent_span_id\":\"R\",\"op\":\"db\",\"hash\":\"H\",\"description\":\"c\",\"start_timestamp\":4,\"timestamp\":5},"
	          /* same text, different hashes: no group */
	          "{\"span_id\":\"d1\",\"parent_span_id\":\"R\",\"op\":\"db\",\"hash\":\"1\",\"description\":\"q\",\"start_timestamp\":10},"
	          "{\"span_id\":\"d2\",\"parent_span_id\":\"R\",\"op\":\"db\",\"hash\":\"2\",\"description\":\"q\",\"start_timestamp\":11},"
	          "{\"span_id\":\"d3\",\"parent_span_id\":\"R\",\"op\":\"db\",\"hash\":\"3\",\"description\":\"q\",\"start_timestamp\":12},"
	          /* quoted strings and blanks masked, op must match: a b b b(other op) */
	          "{\"span_id\":\"q1\",\"parent_span_id\":\"R\",\"op\":\"cache\",\"description\":\"GET 'k1'\",\"start_timestamp\":20},"
	          "{\"span_id\":\"q2\",\"parent_span_id\":\"R\",\"op\":\"cache\",\"description\":\"GET  'it''s'\",\"start_timestamp\":21},"
	          "{\"span_id\":\"q3\",\"parent_span_id\":\"R\",\"op\":\"cache\",\"description\":\"GET\\n'k3'\",\"start_timestamp\":22},"
	          "{\"span_id\":\"q4\",\"parent_span_id\":\"R\",\"op\":\"http\",\"description\":\"GET 'k4'\",\"start_timestamp\":23},"
	          /* a run of two is no group; nor spans without any description */
	          "{\"span_id\":\"t1\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"x = 1\",\"start_timestamp\":30},"
	          "{\"span_id\":\"t2\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"x = 2\",\"start_timestamp\":31},"
	          "{\"span_id\":\"n1\",\"parent_span_id\":\"R\",\"op\":\"fn\",\"start_timestamp\":40},"
	          "{\"span_id\":\"n2\",\"parent_span_id\":\"R\",\"op\":\"fn\",\"start_timestamp\":41},"
	          "{\"span_id\":\"n3\",\"parent_span_id\":\"R\",\"op\":\"fn\",\"start_timestamp\":42}"
	          "]}",
	          &s);
	span_tree_build(&t, &s);
	assert_rows(&t, "root|  3 × db|  db|  db|  db|  3 × cache|  http|  db|  db|  fn|  fn|  fn");
	assert_int_equal(t.ngroups, 2);
	assert_seconds(t.groups[0].total, 3);
	assert_seconds(t.groups[0].mean, 1);
	assert_int_equal(t.nodes[node_of(&t, "q1")].group, 1);
	assert_int_equal(t.nodes[node_of(&t, "q4")].group, SPAN_NONE);
	span_tree_free(&t);
	span_set_free(&s);
}

/* Long shared text: a number glued to a word (t1, t2) is text, a number after a blank or
 * '=' is masked, and a difference after a long common part still tells runs apart. */
static void test_groups_by_pattern_long_text(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_json("{\"start_timestamp\":1,\"timestamp\":100,\"contexts\":{\"trace\":{\"span_id\":\"R\",\"op\":\"root\"}},"
	          "\"spans\":["
	          "{\"span_id\":\"a1\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"SELECT * FROM t1 WHERE id = 1\",\"start_timestamp\":2},"
	          "{\"span_id\":\"a2\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"SELECT * FROM t1 WHERE id = 22\",\"start_timestamp\":3},"
	          "{\"span_id\":\"a3\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"SELECT  *\\nFROM t1 WHERE id = 333\",\"start_timestamp\":4},"
	          "{\"span_id\":\"b1\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"SELECT * FROM t2 WHERE id = 1\",\"start_timestamp\":5},"
	          "{\"span_id\":\"b2\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"SELECT * FROM t2 WHERE id = 4\",\"start_timestamp\":6},"
	          "{\"span_id\":\"b3\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"SELECT * FROM t2 WHERE id = 5\",\"start_timestamp\":7},"
	          "{\"span_id\":\"c1\",\"parent_span_id\":\"R\",\"op\":\"db\",\"description\":\"SELECT * FROM t2 WHERE id = 5 LIMIT 1\",\"start_timestamp\":8}"
	          "]}",
	          &s);
	span_tree_build(&t, &s);
	assert_rows(&t, "root|  3 × db|  3 × db|  db");
	assert_int_equal(t.nodes[node_of(&t, "a3")].group, 0);
	assert_int_equal(t.nodes[node_of(&t, "b1")].group, 1);
	assert_int_equal(t.nodes[node_of(&t, "c1")].group, SPAN_NONE);
	span_tree_free(&t);
	span_set_free(&s);
}

static void test_description_pattern(void **state)
{
	(void)state;
	char *p = span_description_pattern("SELECT * FROM users WHERE id = 1");
	assert_string_equal(p, "SELECT * FROM users WHERE id = %s");
	free(p);
	p = span_description_pattern("  a\n\t b  'it''s' 42 x2 3.14 $1 0xff ");
	assert_string_equal(p, "a b %s %s x2 %s $%s %s");
	free(p);
	p = span_description_pattern("'unterminated");
	assert_string_equal(p, "%s");
	free(p);
	assert_null(span_description_pattern(NULL));
}

static void test_fold_zoom_and_search(void **state)
{
	(void)state;
	struct span_set s;
	struct span_tree t;
	span_fixture("ingest/sentry-sample.python-transaction.json", &s);
	span_tree_build(&t, &s);
	uint32_t outer = node_of(&t, "99bbfb48193a4ddb"), query = node_of(&t, "65d005a5b31d4614");

	assert_true(span_tree_toggle(&t, 1)); /* fold the outer span */
	assert_rows(&t, "http.server|  db function: get all products");
	assert_true(span_tree_toggle(&t, 1));
	assert_rows(&t, python_rows);
	assert_false(span_tree_toggle(&t, 2)); /* a leaf has nothing to fold */
	assert_false(span_tree_toggle(&t, 99));
	span_tree_fold_to_depth(&t, 1);
	assert_rows(&t, "http.server|  db function: get all products");
	span_tree_fold_to_depth(&t, 2);
	assert_rows(&t, "http.server|  db function: get all products|    connect to db|    run query|"
	                "    format results");
	span_tree_fold_to_depth(&t, 0);
	assert_rows(&t, "http.server");

	/* Search finds hidden spans; revealing one unfolds its way. */
	uint32_t *hits;
	assert_int_equal(span_tree_search(&t, "DB", &hits), 3);
	assert_string_equal(id_of(&t, hits[0]), "99bbfb48193a4ddb");
	assert_string_equal(id_of(&t, hits[1]), "a3c3c7064e6d4fba");
	assert_string_equal(id_of(&t, hits[2]), "b501702695634df2");
	free(hits);
	assert_int_equal(span_tree_search(&t, "select * from", &hits), 1); /* the description */
	assert_int_equal(span_tree_reveal(&t, hits[0]), 4);
	free(hits);
	assert_rows(&t, "http.server|  db function: get all products|    connect to db|    run query|"
	                "      db|    format results");
	assert_int_equal(span_tree_search(&t, "", &hits), 0);
	assert_null(hits);
	assert_int_equal(span_tree_search(&t, "nothing like it", &hits), 0);

	/* Zoom: the subtree becomes the rows and its span the axis. */
	assert_true(span_tree_zoom(&t, query));
	assert_int_equal(span_tree_axis_node(&t), query);
	assert_rows(&t, "run query|  db");
	assert_false(span_tree_zoom(&t, node_of(&t, "b501702695634df2"))); /* a leaf */
	assert_false(span_tree_zoom(&t, outer)); /* not inside the zoomed subtree */
	assert_false(span_tree_zoom(&t, query)); /* already */
	/* Revealing a span outside the zoom zooms out as far as needed. */
	assert_int_equal(span_tree_reveal(&t, node_of(&t, "500c7624ca2c4df6")), 5);
	assert_int_equal(span_tree_axis_node(&t), 0);
	assert_true(span_tree_zoom(&t, outer));
	assert_true(span_tree_zoom(&t, query));
	assert_true(span_tree_unzoom(&t));
	assert_int_equal(span_tree_axis_node(&t), outer);
	assert_true(span_tree_unzoom(&t));
	assert_false(span_tree_unzoom(&t));
	assert_rows(&t, python_rows);
	span_tree_free(&t);
	span_set_free(&s);
}

/* ---- sizes ------------------------------------------------------------------------- */

static void test_ten_thousand_spans(void **state)
{
	(void)state;
	struct strbuf json = STRBUF_INIT;
	gen_flat(&json, 10000);
	struct span_set s;
	struct span_tree t;
	span_json(strbuf_str(&json), &s);
	span_tree_build(&t, &s);
	assert_whole_tree(&t);
	/* "SELECT 0" … "SELECT 9999" are one pattern: one group of all of them. */
	assert_int_equal(t.ngroups, 1);
	assert_int_equal(t.groups[0].count, 10000);
	assert_seconds(t.groups[0].total, 5);
	assert_rows(&t, "http.server|  10000 × db");
	span_tree_set_collapsed(&t, 0, false);
	assert_int_equal(t.nrows, 10001);
	assert_string_equal(id_of(&t, t.rows[10000].node), "s9999");
	struct span_interval *gaps;
	assert_int_equal(span_tree_gaps(&t, 0, &gaps), 10000); /* each span fills half its slot */
	assert_seconds(gaps[9999].start, 1009.9995);
	assert_seconds(gaps[9999].end, 1010);
	free(gaps);
	assert_seconds(t.nodes[0].exclusive, 5);
	span_tree_free(&t);
	span_set_free(&s);
	strbuf_free(&json);
}

static void test_chain_ten_thousand_deep(void **state)
{
	(void)state;
	struct strbuf json = STRBUF_INIT;
	gen_chain(&json, 10000);
	struct span_set s;
	struct span_tree t;
	span_json(strbuf_str(&json), &s);
	span_tree_build(&t, &s);
	assert_whole_tree(&t);
	uint32_t deepest = node_of(&t, "c9999");
	assert_int_equal(t.nodes[deepest].depth, 10000);
	assert_int_equal(t.nrows, 10001);
	assert_int_equal(t.norphans, 0);
	span_tree_fold_to_depth(&t, 3);
	assert_int_equal(t.nrows, 4);
	assert_int_equal(span_tree_reveal(&t, deepest), 10000);
	assert_true(span_tree_zoom(&t, node_of(&t, "c5000")));
	assert_int_equal(t.nrows, 5000);
	uint32_t *hits;
	assert_int_equal(span_tree_search(&t, "FUNCTION", &hits), 10000);
	free(hits);
	assert_string_equal(id_of(&t, span_tree_slowest(&t, SPAN_SLOWEST_DURATION)), "c0");
	assert_seconds(t.nodes[node_of(&t, "c0")].exclusive, 2e-4);
	span_tree_free(&t);
	span_set_free(&s);
	strbuf_free(&json);
}

/* A reversed chain with a loop at its far end: cycle cutting must not recurse or
 * walk the chain once per node. */
static void test_long_cycle(void **state)
{
	(void)state;
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"start_timestamp\":1,\"timestamp\":2,\"spans\":[");
	for (int i = 0; i < 10000; i++)
		strbuf_addf(&json, "%s{\"span_id\":\"l%d\",\"parent_span_id\":\"l%d\",\"start_timestamp\":1.5}",
		            i ? "," : "", i, (i + 1) % 10000);
	strbuf_adds(&json, "]}");
	struct span_set s;
	struct span_tree t;
	span_json(strbuf_str(&json), &s);
	span_tree_build(&t, &s);
	assert_whole_tree(&t);
	assert_int_equal(t.norphans, 1);
	assert_int_equal(t.nrows, 10001);
	span_tree_free(&t);
	span_set_free(&s);
	strbuf_free(&json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_python_transaction_tree),
		cmocka_unit_test(test_n_plus_one_group_and_evidence),
		cmocka_unit_test(test_glitchtip_middleware_chain),
		cmocka_unit_test(test_trace_endpoint_tree),
		cmocka_unit_test(test_orphans_hang_under_the_root),
		cmocka_unit_test(test_cycles_are_cut_and_kept),
		cmocka_unit_test(test_overlapping_children),
		cmocka_unit_test(test_identical_starts_keep_the_order_sent),
		cmocka_unit_test(test_groups_by_hash_and_pattern),
		cmocka_unit_test(test_groups_by_pattern_long_text),
		cmocka_unit_test(test_description_pattern),
		cmocka_unit_test(test_fold_zoom_and_search),
		cmocka_unit_test(test_ten_thousand_spans),
		cmocka_unit_test(test_chain_ten_thousand_deep),
		cmocka_unit_test(test_long_cycle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
