/* The waterfall's cells: bars of real spans at two widths, sub-cell ends in eighth
 * blocks, a mark for spans shorter than a cell, clip markers at both edges, gaps, SQL
 * folded to one line, and durations as a column shows them. */
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
#include "views/waterfall_layout.h"

/* Characters of UTF-8 text: every glyph used takes one column. */
static size_t cells_in(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static struct waterfall_bar assert_bar(const struct waterfall_axis *axis, double start, double end,
                                       int width, const char *expected)
{
	struct strbuf out = STRBUF_INIT;
	struct waterfall_bar bar = waterfall_bar(&out, axis, start, end, width);
	assert_string_equal(strbuf_str(&out), expected);
	assert_int_equal(cells_in(strbuf_str(&out)), width);
	strbuf_free(&out);
	return bar;
}

static const struct waterfall_axis ten_seconds = { 1000.0, 1010.0 };

/* ---- real spans at two widths ------------------------------------------------------ */

static void test_python_transaction_bars(void **state)
{
	(void)state;
	struct span_set s;
	span_fixture("ingest/sentry-sample.python-transaction.json", &s);
	struct waterfall_axis axis = { s.root.start, s.root.end };
	const struct span *outer = &s.spans[0], *connect = &s.spans[1], *query = &s.spans[2],
	                  *format = &s.spans[4];
	/* 40 cells = 320 eighths over 2.903682 s. connect ends at 108.65 eighths: 13 cells
	 * and ▋ (5/8); query starts at 13.58 cells (drawn from 14) and ends at 293.33
	 * eighths: cell 36 holds ▋. */
	assert_bar(&axis, outer->start, outer->end, 40, "████████████████████████████████████████");
	struct waterfall_bar bar = assert_bar(&axis, connect->start, connect->end, 40,
	                                      "█████████████▋                          ");
	assert_int_equal(bar.first_cell, 0);
	assert_int_equal(bar.last_cell, 13);
	assert_false(bar.mark || bar.clipped_left || bar.clipped_right);
	bar = assert_bar(&axis, query->start, query->end, 40, "              ██████████████████████▋   ");
	assert_int_equal(bar.first_cell, 14);
	assert_int_equal(bar.last_cell, 36);
	assert_bar(&axis, format->start, format->end, 40, "                                     ███");
	/* 80 cells: connect ends at 217.30 eighths (27 cells and ▏), query from cell 27 to
	 * 586.67 eighths (cell 73 holds ▍ after 73 × 8 = 584). */
	assert_bar(&axis, connect->start, connect->end, 80,
	           "███████████████████████████▏                                                    ");
	bar = assert_bar(&axis, query->start, query->end, 80,
	                 "                           ██████████████████████████████████████████████▍      ");
	assert_int_equal(bar.first_cell, 27);
	assert_int_equal(bar.last_cell, 73);
	assert_bar(&axis, format->start, format->end, 80,
	           "                                                                         ███████");
	span_set_free(&s);
}

/* ---- edges ------------------------------------------------------------------------- */

static void test_short_spans_still_show(void **state)
{
	(void)state;
	/* 10 cells over 10 s: a cell is a second, an eighth 0.125 s. */
	struct waterfall_bar bar = assert_bar(&ten_seconds, 1002.0, 1002.01, 10, "  ▏       ");
	assert_true(bar.mark);
	assert_int_equal(bar.first_cell, 2);
	/* Zero-length in the middle of a cell: the mark is in the cell it falls in. */
	bar = assert_bar(&ten_seconds, 1005.5, 1005.5, 10, "     ▏    ");
	assert_true(bar.mark);
	assert_int_equal(bar.last_cell, 5);
	/* Exactly one eighth is a bar, not a mark. */
	bar = assert_bar(&ten_seconds, 1002.0, 1002.125, 10, "  ▏       ");
	assert_false(bar.mark);
	/* Each eighth of a cell has its glyph. */
	const char *const ends[] = { "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█" };
	for (int k = 1; k <= 8; k++) {
		char expected[64];
		snprintf(expected, sizeof(expected), "█%s        ", ends[k - 1]);
		assert_bar(&ten_seconds, 1000.0, 1001.0 + k * 0.125, 10, expected);
	}
	/* A zero-length axis (a transaction without duration) still shows its spans. */
	struct waterfall_axis point = { 1000.0, 1000.0 };
	assert_bar(&point, 1000.0, 1000.0, 4, "▏   ");
	assert_bar(&ten_seconds, 1000.0, 1010.0, 1, "█");
	struct strbuf out = STRBUF_INIT;
	bar = waterfall_bar(&out, &ten_seconds, 1000, 1001, 0);
	assert_int_equal(out.len, 0);
	assert_int_equal(bar.first_cell, -1);
	strbuf_free(&out);
}

static void test_clipped_at_the_edges(void **state)
{
	(void)state;
	struct waterfall_bar bar = assert_bar(&ten_seconds, 1008.0, 1012.0, 10, "        █▸");
	assert_true(bar.clipped_right);
	assert_false(bar.clipped_left);
	assert_int_equal(bar.first_cell, 8);
	assert_int_equal(bar.last_cell, 9);
	bar = assert_bar(&ten_seconds, 998.0, 1003.0, 10, "◂██       ");
	assert_true(bar.clipped_left);
	assert_false(bar.clipped_right);
	assert_int_equal(bar.first_cell, 0);
	assert_int_equal(bar.last_cell, 2);
	bar = assert_bar(&ten_seconds, 990.0, 1020.0, 10, "◂████████▸");
	assert_true(bar.clipped_left && bar.clipped_right);
	/* Wholly outside the axis (a zoomed parent's child running on): the marker alone. */
	bar = assert_bar(&ten_seconds, 1011.0, 1012.0, 10, "         ▸");
	assert_int_equal(bar.first_cell, 9);
	bar = assert_bar(&ten_seconds, 990.0, 995.0, 10, "◂         ");
	assert_int_equal(bar.last_cell, 0);
	/* Ending exactly at the axis end is not an overrun. */
	bar = assert_bar(&ten_seconds, 1009.0, 1010.0, 10, "         █");
	assert_false(bar.clipped_right);
}

static void test_gaps(void **state)
{
	(void)state;
	struct span_interval gaps[] = { { 1000.0, 1002.4 }, { 1005.6, 1005.9 }, { 1007.5, 1012.0 } };
	struct strbuf out = STRBUF_INIT;
	/* cells from the nearest boundary to the nearest boundary: 0–2, none, 8–10 */
	waterfall_gaps(&out, &ten_seconds, gaps, 3, 10);
	assert_string_equal(strbuf_str(&out), "░░      ░░");
	strbuf_free(&out);

	/* The N+1 fixture: the time between its queries, at 40 cells over 0.25 s. */
	struct span_set s;
	struct span_tree t;
	span_fixture("api/sentry-mcp.event.transaction-n-plus-one.json", &s);
	span_tree_build(&t, &s);
	struct span_interval *found;
	size_t n = span_tree_gaps(&t, span_tree_find_id(&t, "parent123"), &found);
	struct waterfall_axis axis = { s.root.start, s.root.end };
	waterfall_gaps(&out, &axis, found, n, 40);
	assert_string_equal(strbuf_str(&out), "░░░ ░ ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░");
	strbuf_free(&out);
	free(found);
	span_tree_free(&t);
	span_set_free(&s);
}

/* ---- text -------------------------------------------------------------------------- */

static void test_fold_text(void **state)
{
	(void)state;
	char *text = waterfall_fold_text("SELECT *\n  FROM  users\r\n\tWHERE id = %s\n");
	assert_string_equal(text, "SELECT * FROM users WHERE id = %s");
	free(text);
	text = waterfall_fold_text(" \n\t ");
	assert_string_equal(text, "");
	free(text);
	text = waterfall_fold_text("a\x0b\x0c" "b");
	assert_string_equal(text, "a b");
	free(text);
	/* Non-blank control characters are left for the sanitizer to show. */
	text = waterfall_fold_text("\x1b[2J x");
	assert_string_equal(text, "\x1b[2J x");
	free(text);
	assert_null(waterfall_fold_text(NULL));
}

static void assert_duration(double seconds, const char *expected)
{
	char buf[32];
	waterfall_format_duration(seconds, buf, sizeof(buf));
	assert_string_equal(buf, expected);
}

static void test_durations(void **state)
{
	(void)state;
	assert_duration(0, "0ms");
	assert_duration(0.00001, "<0.1ms");
	assert_duration(0.0004, "0.4ms");
	assert_duration(0.0099, "9.9ms");
	assert_duration(0.00996, "10ms");
	assert_duration(0.012, "12ms");
	assert_duration(0.241974, "242ms");
	assert_duration(0.9994, "999ms");
	assert_duration(0.9996, "1.00s");
	assert_duration(1.234, "1.23s");
	assert_duration(2.903682, "2.90s");
	assert_duration(12.34, "12.3s");
	assert_duration(125, "2m05s");
	assert_duration(3026.693, "50m27s");
	assert_duration(3720, "1h02m");
	assert_duration(-1, "?");
	assert_duration(NAN, "?");
	assert_duration(INFINITY, "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_python_transaction_bars),
		cmocka_unit_test(test_short_spans_still_show),
		cmocka_unit_test(test_clipped_at_the_edges),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_fold_text),
		cmocka_unit_test(test_durations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
