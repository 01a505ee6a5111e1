/* Breadcrumbs as a log: times relative to the event or on the UTC clock, level and
 * category columns, HTTP crumbs the way the web shows them, filters with their empty
 * message, and the crumb the cursor lands on when the section opens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tests/unit/test_event_render_harness.h"

#define EVENT_TIME 1700000000 /* 2023-11-14 22:13:20 UTC */

/* A checkout that failed: navigation, a click, a failing request, a warning. */
static struct event checkout_event(void)
{
	struct event e = { 0 };
	e.date_created = EVENT_TIME;
	add_crumb(&e, EVENT_TIME - 3725.0, "info", "navigation", "/cart -> /checkout");
	add_crumb(&e, EVENT_TIME - 123.0, "info", "ui.click", "button#pay");
	struct breadcrumb *c = add_crumb(&e, EVENT_TIME - 1.25, "error", NULL, NULL);
	c->type = xstrdup("http");
	c->category = xstrdup("fetch");
	kv_list_add(&c->data, "method", "POST");
	kv_list_add(&c->data, "url", "https://api.shop.test/pay");
	kv_list_add(&c->data, "status_code", "502");
	kv_list_add(&c->data, "duration", "3012");
	add_crumb(&e, EVENT_TIME - 0.004, "warning", "console", "retry budget exhausted");
	return e;
}

static void test_relative_times_and_columns(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	int selected = render_breadcrumbs(&e, &o, &ls);

	assert_line(&ls, 0, LINE_CRUMB, "  -1h02m  info     navigation  /cart -> /checkout");
	assert_line(&ls, 1, LINE_CRUMB, "  -2m03s  info     ui.click    button#pay");
	assert_line(&ls, 2, LINE_CRUMB,
	            " -1.250s  error    fetch       POST https://api.shop.test/pay [502]  duration=3012");
	assert_line(&ls, 3, LINE_CRUMB, " -0.004s  warning  console     retry budget exhausted");
	assert_int_equal(ls.n, 4);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(ls.items[i].ref, (int)i);
	assert_int_equal(selected, 3);
	/* Level by colour as well as by word. */
	assert_int_equal(ls.items[2].segs[2].role, ROLE_LEVEL_ERROR);
	assert_int_equal(ls.items[3].segs[2].role, ROLE_LEVEL_WARNING);
	assert_int_equal(ls.items[0].segs[2].role, ROLE_LEVEL_INFO);
	lines_free(&ls);
	event_free(&e);
}

static void test_relative_time_units(void **state)
{
	struct event e = { 0 };
	e.date_created = EVENT_TIME;
	add_crumb(&e, EVENT_TIME - 59.9994, "debug", "a", "under a minute");
	add_crumb(&e, EVENT_TIME - 3 * 86400.0 - 4 * 3600.0 - 59, "debug", "a", "days");
	add_crumb(&e, EVENT_TIME, "debug", "a", "at the event");
	add_crumb(&e, EVENT_TIME + 0.5, "debug", "a", "after");
	add_crumb(&e, 0, "debug", "a", "unknown time");
	add_crumb(&e, 1e300, "debug", "a", "absurd time");
	add_crumb(&e, 0.0 / 0.0, "debug", "a", "not a number");
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             "-59.999s  debug    a         under a minute",
	             "  -3d04h  debug    a         days",
	             "  0.000s  debug    a         at the event",
	             " +0.500s  debug    a         after",
	             "       ?  debug    a         unknown time",
	             "       ?  debug    a         absurd time",
	             "       ?  debug    a         not a number");
	lines_free(&ls);
	event_free(&e);
}

static void test_absolute_utc_times(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = false };
	render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             "21:11:15.000  info     navigation  /cart -> /checkout",
	             "22:11:17.000  info     ui.click    button#pay",
	             "22:13:18.750  error    fetch       POST https://api.shop.test/pay [502]  duration=3012",
	             "22:13:19.996  warning  console     retry budget exhausted");
	lines_free(&ls);
	event_free(&e);
}

static void test_relative_without_event_time_falls_back_to_clock(void **state)
{
	struct event e = checkout_event();
	e.date_created = 0;
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	int selected = render_breadcrumbs(&e, &o, &ls);
	assert_line(&ls, 1, LINE_CRUMB, "22:11:17.000  info     ui.click    button#pay");
	assert_int_equal(selected, 3);
	lines_free(&ls);
	event_free(&e);
}

static void test_message_data_and_type_fallbacks(void **state)
{
	struct event e = { 0 };
	e.date_created = EVENT_TIME;
	struct breadcrumb *c = add_crumb(&e, EVENT_TIME - 2, NULL, "query", "SELECT 1");
	kv_list_add(&c->data, "db", "shop");
	c = add_crumb(&e, EVENT_TIME - 1, "info", NULL, NULL);
	c->type = xstrdup("navigation");
	kv_list_add(&c->data, "from", "/a");
	kv_list_add(&c->data, "to", "/b");
	add_crumb(&e, EVENT_TIME - 0.5, "info", "sentry.event", NULL);
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             " -2.000s  info     query         SELECT 1  db=shop",
	             " -1.000s  info     navigation    from=/a to=/b",
	             " -0.500s  info     sentry.event");
	/* The summary standing in for a message reads as the message, not dimmed. */
	assert_int_equal(ls.items[1].segs[ls.items[1].nsegs - 1].role, ROLE_DEFAULT);
	assert_int_equal(ls.items[0].segs[ls.items[0].nsegs - 1].role, ROLE_DIM);
	lines_free(&ls);
	event_free(&e);
}

/* Data the message already says is not repeated; the rest still shows. */
static void test_data_already_in_message_not_repeated(void **state)
{
	struct event e = { 0 };
	e.date_created = EVENT_TIME;
	struct breadcrumb *c = add_crumb(&e, EVENT_TIME - 2, "info", "fetch", "GET /api/cart [500]");
	kv_list_add(&c->data, "method", "GET");
	kv_list_add(&c->data, "url", "/api/cart");
	kv_list_add(&c->data, "status_code", "500");
	kv_list_add(&c->data, "attempt", "2");
	c = add_crumb(&e, EVENT_TIME - 1, "log", "console", "cart empty");
	kv_list_add(&c->data, "arguments", "[\"cart empty\"]");
	kv_list_add(&c->data, "logger", "console");
	c = add_crumb(&e, EVENT_TIME - 0.5, "log", "console", "total");
	kv_list_add(&c->data, "arguments", "[\"total\",0]");
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             " -2.000s  info     fetch     GET /api/cart [500]  attempt=2",
	             " -1.000s  log      console   cart empty  logger=console",
	             " -0.500s  log      console   total  arguments=[\"total\",0]");
	lines_free(&ls);
	event_free(&e);
}

static void test_level_filter(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true, .level = "error" };
	int selected = render_breadcrumbs(&e, &o, &ls);
	assert_line(&ls, 0, LINE_TEXT, "1 of 4 breadcrumbs (level: error)");
	/* The category column fits the crumbs shown. */
	assert_line(&ls, 1, LINE_CRUMB,
	            " -1.250s  error    fetch     POST https://api.shop.test/pay [502]  duration=3012");
	assert_int_equal(ls.items[1].ref, 2);
	assert_int_equal(ls.n, 2);
	assert_int_equal(selected, 1);
	lines_free(&ls);
	event_free(&e);
}

static void test_category_filter(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true, .category = "ui.click" };
	render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0, "1 of 4 breadcrumbs (category: ui.click)",
	             "  -2m03s  info     ui.click  button#pay");
	assert_int_equal(ls.n, 2);
	lines_free(&ls);
	event_free(&e);
}

static void test_filter_without_matches_says_which(void **state)
{
	struct event e = checkout_event();
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true, .level = "fatal" };
	assert_int_equal(render_breadcrumbs(&e, &o, &ls), -1);
	assert_line(&ls, 0, LINE_TEXT, "No breadcrumbs match the filter (level: fatal)");
	assert_int_equal(ls.n, 1);
	lines_free(&ls);

	o.category = "http";
	render_breadcrumbs(&e, &o, &ls);
	assert_line(&ls, 0, LINE_TEXT,
	            "No breadcrumbs match the filter (level: fatal, category: http)");
	lines_free(&ls);
	event_free(&e);
}

static void test_no_breadcrumbs(void **state)
{
	struct event e = { 0 };
	struct lines ls = { 0 };
	assert_int_equal(render_breadcrumbs(&e, NULL, &ls), -1);
	assert_line(&ls, 0, LINE_TEXT, "No breadcrumbs");
	assert_int_equal(ls.n, 1);
	lines_free(&ls);
}

/* The cursor opens on the last crumb before the error, even with crumbs after it and
 * lines already in the list. */
static void test_selected_on_open_is_last_before_event(void **state)
{
	struct event e = { 0 };
	e.date_created = EVENT_TIME;
	add_crumb(&e, EVENT_TIME - 10, "info", "a", "before");
	add_crumb(&e, EVENT_TIME + 0.3, "info", "a", "same second: before the truncated time");
	add_crumb(&e, EVENT_TIME + 5, "info", "a", "after");
	add_crumb(&e, EVENT_TIME + 9, "info", "a", "later");
	struct lines ls = { 0 };
	line_seg(lines_add(&ls, LINE_HEADING, 0, 0), ROLE_HEADER, "Breadcrumbs");
	struct crumb_options o = { .relative = true };
	int selected = render_breadcrumbs(&e, &o, &ls);
	assert_int_equal(selected, 2);
	assert_line(&ls, 2, LINE_CRUMB, " +0.300s  info     a         same second: before the truncated time");
	lines_free(&ls);

	/* Every crumb after the event: the last one. */
	e.crumbs[0].timestamp = EVENT_TIME + 2;
	e.crumbs[1].timestamp = EVENT_TIME + 3;
	selected = render_breadcrumbs(&e, &o, &ls);
	assert_int_equal(selected, 3);
	lines_free(&ls);
	event_free(&e);
}

/* With the event's fractional time, a crumb a few milliseconds before the error reads
 * as before it, and one after it is not where the cursor opens. */
static void test_fractional_event_time(void **state)
{
	struct event e = { 0 };
	e.date_created = EVENT_TIME;
	e.timestamp = EVENT_TIME + 0.5;
	add_crumb(&e, EVENT_TIME + 0.363, "info", "a", "just before");
	add_crumb(&e, EVENT_TIME + 0.8, "info", "a", "just after");
	struct lines ls = { 0 };
	struct crumb_options o = { .relative = true };
	int selected = render_breadcrumbs(&e, &o, &ls);
	ASSERT_TEXTS(&ls, 0,
	             " -0.137s  info     a         just before",
	             " +0.300s  info     a         just after");
	assert_int_equal(selected, 0);
	lines_free(&ls);
	event_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relative_times_and_columns),
		cmocka_unit_test(test_relative_time_units),
		cmocka_unit_test(test_absolute_utc_times),
		cmocka_unit_test(test_relative_without_event_time_falls_back_to_clock),
		cmocka_unit_test(test_message_data_and_type_fallbacks),
		cmocka_unit_test(test_data_already_in_message_not_repeated),
		cmocka_unit_test(test_level_filter),
		cmocka_unit_test(test_category_filter),
		cmocka_unit_test(test_filter_without_matches_says_which),
		cmocka_unit_test(test_no_breadcrumbs),
		cmocka_unit_test(test_selected_on_open_is_last_before_event),
		cmocka_unit_test(test_fractional_event_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
