/* Key command templates: words first, fields after (a field's text never splits or
 * joins words), the checks a config error reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "util/hook_template.h"

static const char *value(void *ctx, const char *field)
{
	if (strcmp(field, "title") == 0)
		return "a b; $(rm -rf ~) \"q\"";
	if (strcmp(field, "short_id") == 0)
		return "BACKEND-1";
	return NULL;
}

static void test_expand(void **state)
{
	bool pager = true;
	char **argv = hook_template_expand("!jira new --id=%(short_id) %(title) 'two words' %(file)",
	                                   value, NULL, &pager);
	assert_false(pager);
	assert_string_equal(argv[0], "jira");
	assert_string_equal(argv[1], "new");
	assert_string_equal(argv[2], "--id=BACKEND-1");
	assert_string_equal(argv[3], "a b; $(rm -rf ~) \"q\"");
	assert_string_equal(argv[4], "two words");
	assert_string_equal(argv[5], ""); /* a field with no value is an empty argument */
	assert_null(argv[6]);
	hook_argv_free(argv);
	argv = hook_template_expand("!!git log", value, NULL, &pager);
	assert_true(pager);
	assert_string_equal(argv[0], "git");
	hook_argv_free(argv);
}

static void test_check(void **state)
{
	static const struct { const char *command, *error; } bad[] = {
		{ "jira", "starts with !" },
		{ "!", "needs a program" },
		{ "!!  ", "needs a program" },
		{ "!x %(nope)", "unknown field %(nope)" },
		{ "!x %(title", "is not closed" },
		{ "!x 'open", "quote is not closed" },
		{ "!%(title) x", "program of a key command cannot be a %(field)" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct strbuf err = STRBUF_INIT;
		assert_false(hook_template_check(bad[i].command, &err));
		if (!strstr(strbuf_str(&err), bad[i].error))
			fail_msg("'%s': \"%s\" does not say \"%s\"", bad[i].command, strbuf_str(&err), bad[i].error);
		strbuf_free(&err);
	}
	struct strbuf err = STRBUF_INIT;
	assert_true(hook_template_check("!!open %(permalink) %(line)", &err));
	strbuf_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
