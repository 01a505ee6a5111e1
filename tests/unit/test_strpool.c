/* Interned strings (util/strpool.h): values repeated across issue rows share one copy,
 * models free what they own and never what the pool owns, and a full pool hands back
 * the caller's own copy instead of growing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/model.h"
#include "tests/unit/support/fixture.h"
#include "util/strbuf.h"
#include "util/strpool.h"
#include "util/xalloc.h"

static int reset_pool(void **state)
{
	strpool_reset();
	return 0;
}

static void test_one_copy_per_value(void **state)
{
	char *a = strpool_take(xstrdup("backend"));
	char *b = strpool_take(xstrdup("backend"));
	char *c = strpool_take(xstrdup("frontend"));
	assert_ptr_equal(a, b);
	assert_ptr_not_equal(a, c);
	assert_string_equal(a, "backend");
	assert_string_equal(c, "frontend");
	assert_true(strpool_owns(a));
	assert_null(strpool_take(NULL));
	/* Releasing a pool string leaves it for the other rows that hold it. */
	strpool_release(a);
	assert_string_equal(b, "backend");
	char *heap = xstrdup("not interned");
	assert_false(strpool_owns(heap));
	strpool_release(heap); /* freed: ASan and valgrind would report a leak otherwise */
}

/* Two pages of the same real issue list: the second page's project, level and assignee
 * are the first page's strings, not copies; freeing either page leaves the other intact,
 * and a clone owns heap copies of its own. */
static void test_decoded_rows_share_values(void **state)
{
	size_t len;
	char *body = fixture_read("api/openapi.org-issues-list.json", &len);
	assert_non_null(body);
	struct issue **one, **two;
	size_t n1, n2;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_issue_list(body, len, &one, &n1, NULL, &err));
	assert_true(decode_issue_list(body, len, &two, &n2, NULL, &err));
	assert_int_equal(n1, 1);
	assert_int_equal(n2, 1);
	assert_ptr_equal(one[0]->project_slug, two[0]->project_slug);
	assert_ptr_equal(one[0]->project_id, two[0]->project_id);
	assert_ptr_equal(one[0]->level_name, two[0]->level_name);
	assert_ptr_equal(one[0]->assigned_to->name, two[0]->assigned_to->name);
	/* Per-issue values stay each issue's own. */
	assert_ptr_not_equal(one[0]->title, two[0]->title);

	struct issue clone;
	issue_clone(one[0], &clone);
	assert_false(strpool_owns(clone.project_slug));
	issue_list_free(one, n1);
	assert_string_equal(two[0]->project_slug, "pump-station");
	assert_string_equal(two[0]->assigned_to->name, "John Doe");
	assert_string_equal(clone.project_slug, "pump-station");
	issue_free(&clone);
	issue_list_free(two, n2);
	strbuf_free(&err);
	free(body);
}

static void test_full_pool_keeps_callers_copy(void **state)
{
	char *first = strpool_take(xstrdup("backend"));
	char value[200];
	char *last = NULL;
	int i;
	for (i = 0; i < 100000; i++) {
		snprintf(value, sizeof(value), "%0190d", i);
		last = strpool_take(xstrdup(value));
		if (!strpool_owns(last))
			break;
	}
	assert_true(i < 100000);            /* the cap was reached */
	assert_true(i > 1000);              /* after many values, not at once */
	assert_string_equal(last, value);   /* the caller's own copy, intact ... */
	strpool_release(last);              /* ... and freed by release */
	/* Values interned before the cap are still found. */
	assert_ptr_equal(strpool_take(xstrdup("backend")), first);
}

/* A value over the length limit is not interned. */
static void test_long_values_stay_own(void **state)
{
	char *text = xmalloc(1001);
	memset(text, 'x', 1000);
	text[1000] = '\0';
	char *kept = strpool_take(text);
	assert_ptr_equal(kept, text);
	assert_false(strpool_owns(kept));
	strpool_release(kept);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_one_copy_per_value, reset_pool, reset_pool),
		cmocka_unit_test_setup_teardown(test_decoded_rows_share_values, reset_pool, reset_pool),
		cmocka_unit_test_setup_teardown(test_full_pool_keeps_callers_copy, reset_pool, reset_pool),
		cmocka_unit_test_setup_teardown(test_long_values_stay_own, reset_pool, reset_pool),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
