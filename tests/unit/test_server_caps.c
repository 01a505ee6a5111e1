/* The one place that decides what each server gets: sort names, features, and what a
 * 422 for a sort teaches (once, and never over the config's word). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "api/server_caps.h"

static void test_sentry_by_default(void **state)
{
	struct server_caps c;
	server_caps_init(&c, NULL);
	assert_int_equal(c.kind, SERVER_UNKNOWN);
	assert_true(server_has(&c, FEATURE_ASSIGN));
	assert_true(server_has(NULL, FEATURE_RELEASE_HEALTH));
	assert_string_equal(server_issue_sort(&c, "freq"), "freq");
	assert_string_equal(server_name(&c), "this server");
}

static void test_learnt_from_a_refused_sort(void **state)
{
	struct server_caps c;
	server_caps_init(&c, "auto");
	assert_true(server_caps_learn_sort_refused(&c));
	assert_false(server_caps_learn_sort_refused(&c)); /* once */
	assert_int_equal(c.kind, SERVER_GLITCHTIP);
	assert_string_equal(server_name(&c), "GlitchTip");
	assert_string_equal(server_issue_sort(&c, "date"), "-last_seen");
	assert_string_equal(server_issue_sort(&c, "new"), "-first_seen");
	assert_string_equal(server_issue_sort(&c, "freq"), "-count");
	assert_string_equal(server_issue_sort(&c, "trends"), "-last_seen");
	assert_false(server_has(&c, FEATURE_ASSIGN));
	assert_false(server_has(&c, FEATURE_ORG_ISSUE_ROUTES));
	assert_false(server_has(&c, FEATURE_LIST_SPARKLINES));
}

static void test_the_config_wins(void **state)
{
	struct server_caps c;
	server_caps_init(&c, "sentry");
	assert_false(server_caps_learn_sort_refused(&c));
	assert_int_equal(c.kind, SERVER_SENTRY);
	server_caps_init(&c, "glitchtip");
	assert_false(server_has(&c, FEATURE_BOOKMARK));
	assert_string_equal(server_issue_sort(&c, "user"), "-count");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentry_by_default),
		cmocka_unit_test(test_learnt_from_a_refused_sort),
		cmocka_unit_test(test_the_config_wins),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
