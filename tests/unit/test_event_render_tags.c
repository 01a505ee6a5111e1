/* Issue-wide tag distributions as a user scans them: a heading per key with its value
 * and event counts, each top value with its share as a percentage, a count and a bar
 * of the right length, the rest as "other values". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/test_event_render_harness.h"

static void set_value(struct tag_value *v, const char *value, const char *name, uint64_t count)
{
	v->value = xstrdup_or_null(value);
	v->name = xstrdup_or_null(name);
	v->count = count;
}

/* browser: Chrome 1000, Firefox 600, an empty value 2 of 2400 events; release: one value
 * in every event. */
static struct tag_key *two_keys(void)
{
	struct tag_key *keys = xcalloc(2, sizeof(*keys));
	keys[0].key = xstrdup("browser");
	keys[0].name = xstrdup("Browser");
	keys[0].total_values = 2400;
	keys[0].unique_values = 7;
	keys[0].ntop = 3;
	keys[0].top = xcalloc(3, sizeof(struct tag_value));
	set_value(&keys[0].top[0], "Chrome 120", NULL, 1000);
	set_value(&keys[0].top[1], "Firefox 121", "Firefox 121", 600);
	set_value(&keys[0].top[2], "", "", 2);
	keys[1].key = xstrdup("release");
	keys[1].total_values = 1;
	keys[1].unique_values = 1;
	keys[1].ntop = 1;
	keys[1].top = xcalloc(1, sizeof(struct tag_value));
	set_value(&keys[1].top[0], "shop@2.4.1", "shop@2.4.1", 1);
	return keys;
}

static void test_heading_values_percent_and_counts(void **state)
{
	struct tag_key *keys = two_keys();
	struct lines ls = { 0 };
	render_tags(keys, 2, &ls);

	assert_line(&ls, 0, LINE_TAG_KEY, "browser  (7 values, 2.4k events)");
	assert_line(&ls, 1, LINE_TAG_VALUE, "Chrome 120       42%  1.0k");
	assert_line(&ls, 2, LINE_TAG_VALUE, "Firefox 121      25%   600");
	assert_line(&ls, 3, LINE_TAG_VALUE, "(empty)          <1%     2");
	assert_line(&ls, 4, LINE_TEXT, "(other values)   33%   798");
	assert_line(&ls, 5, LINE_BLANK, "");
	assert_line(&ls, 6, LINE_TAG_KEY, "release  (1 value, 1 event)");
	assert_line(&ls, 7, LINE_TAG_VALUE, "shop@2.4.1      100%     1");
	assert_int_equal(ls.n, 8);

	assert_int_equal(ls.items[0].ref, 0);
	assert_int_equal(ls.items[2].ref, 0);
	assert_int_equal(ls.items[2].ref2, 1);
	assert_int_equal(ls.items[6].ref, 1);
	assert_int_equal(ls.items[7].ref, 1);
	assert_int_equal(ls.items[7].ref2, 0);
	lines_free(&ls);
	tag_keys_free(keys, 2);
}

static void test_bars_are_the_share_of_events(void **state)
{
	struct tag_key *keys = two_keys();
	struct lines ls = { 0 };
	render_tags(keys, 2, &ls);

	const struct line *chrome = &ls.items[1];
	assert_true(chrome->bar.present);
	assert_float_equal(chrome->bar.fraction, 1000.0 / 2400.0, 1e-9);
	assert_int_equal(chrome->bar.max_width, 20);
	assert_int_equal(chrome->bar_after, chrome->nsegs - 1); /* after the count */
	assert_float_equal(ls.items[2].bar.fraction, 0.25, 1e-9);
	assert_float_equal(ls.items[4].bar.fraction, 798.0 / 2400.0, 1e-9);
	assert_float_equal(ls.items[7].bar.fraction, 1.0, 1e-9);
	assert_false(ls.items[0].bar.present);
	lines_free(&ls);
	tag_keys_free(keys, 2);
}

/* A share never reads as 0% or 100% when it is not, and a server total smaller than
 * its own counts does not push a bar past full. */
static void test_percent_edges_and_inconsistent_totals(void **state)
{
	struct tag_key *keys = xcalloc(2, sizeof(*keys));
	keys[0].key = xstrdup("os");
	keys[0].total_values = 10000;
	keys[0].ntop = 3;
	keys[0].top = xcalloc(3, sizeof(struct tag_value));
	set_value(&keys[0].top[0], "Linux", NULL, 9990);
	set_value(&keys[0].top[1], "Windows", NULL, 1);
	set_value(&keys[0].top[2], "macOS", NULL, 9);
	/* The server says 3 events but counts 5 for one value. */
	keys[1].key = xstrdup("device");
	keys[1].total_values = 3;
	keys[1].ntop = 1;
	keys[1].top = xcalloc(1, sizeof(struct tag_value));
	set_value(&keys[1].top[0], "Pixel 8", NULL, 5);
	struct lines ls = { 0 };
	render_tags(keys, 2, &ls);
	/* unique_values missing: the number of top values stands in. */
	ASSERT_TEXTS(&ls, 0,
	             "os  (3 values, 10k events)",
	             "Linux           >99%   10k",
	             "Windows          <1%     1",
	             "macOS            <1%     9",
	             "",
	             "device  (1 value, 5 events)",
	             "Pixel 8         100%     5");
	assert_int_equal(ls.n, 7);
	assert_float_equal(ls.items[6].bar.fraction, 1.0, 1e-9);
	lines_free(&ls);
	tag_keys_free(keys, 2);
}

/* Hostile counts: totals saturate instead of wrapping, so no bar passes full. */
static void test_huge_counts_do_not_wrap(void **state)
{
	struct tag_key *keys = xcalloc(1, sizeof(*keys));
	keys[0].key = xstrdup("x");
	keys[0].ntop = 2;
	keys[0].top = xcalloc(2, sizeof(struct tag_value));
	set_value(&keys[0].top[0], "a", NULL, UINT64_MAX);
	set_value(&keys[0].top[1], "b", NULL, UINT64_MAX);
	struct lines ls = { 0 };
	render_tags(keys, 1, &ls);
	ASSERT_TEXTS(&ls, 0, "x  (2 values, 18E events)", "a               100%   18E",
	             "b               100%   18E");
	assert_float_equal(ls.items[1].bar.fraction, 1.0, 1e-9);
	lines_free(&ls);
	tag_keys_free(keys, 1);
}

static void test_no_tags(void **state)
{
	struct lines ls = { 0 };
	render_tags(NULL, 0, &ls);
	assert_line(&ls, 0, LINE_TEXT, "No tags");
	assert_int_equal(ls.n, 1);
	lines_free(&ls);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heading_values_percent_and_counts),
		cmocka_unit_test(test_bars_are_the_share_of_events),
		cmocka_unit_test(test_percent_edges_and_inconsistent_totals),
		cmocka_unit_test(test_huge_counts_do_not_wrap),
		cmocka_unit_test(test_no_tags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
