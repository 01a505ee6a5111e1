/* The short-id lookup's answer (what `:open BACKEND-4B` opens), from Sentry's example. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/issue_endpoints.h"
#include "tests/unit/support/fixture.h"

static void test_real_answer_gives_the_group(void **state)
{
	size_t len;
	char *body = fixture_read("api/openapi.shortid-lookup.json", &len);
	struct issue is;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_short_id_lookup(body, len, &is, &err));
	assert_string_equal(is.id, "1");
	assert_string_equal(is.short_id, "PUMP-STATION-1");
	assert_string_equal(is.project_slug, "pump-station");
	assert_string_equal(is.title, "This is an example Python exception");
	issue_free(&is);
	strbuf_free(&err);
	free(body);
}

static void test_without_group_the_ids_suffice(void **state)
{
	const char *body = "{\"groupId\": 42, \"shortId\": \"BACKEND-1A\", \"projectSlug\": \"backend\"}";
	struct issue is;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_short_id_lookup(body, strlen(body), &is, &err));
	assert_string_equal(is.id, "42");
	assert_string_equal(is.short_id, "BACKEND-1A");
	issue_free(&is);
	strbuf_free(&err);
}

static void test_answers_without_an_issue_are_errors(void **state)
{
	const char *bodies[] = { "{\"detail\": \"x\"}", "[]", "<html>oops" };
	for (size_t i = 0; i < 3; i++) {
		struct issue is;
		struct strbuf err = STRBUF_INIT;
		assert_false(decode_short_id_lookup(bodies[i], strlen(bodies[i]), &is, &err));
		assert_true(err.len > 0);
		issue_free(&is);
		strbuf_free(&err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_answer_gives_the_group),
		cmocka_unit_test(test_without_group_the_ids_suffice),
		cmocka_unit_test(test_answers_without_an_issue_are_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
