/* Watch mode's memory (store/watch.c) over real issue lists: which rows are marked new,
 * escalating or regressed after a refresh, the title's count, when the bell is wanted,
 * and the state file that carries the last result to the next start. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "api/decode.h"
#include "store/watch.h"
#include "support/fixture.h"
#include "util/strpool.h"
#include "util/xalloc.h"

#define KEY "profile\nhttps://sentry.io/\nacme\nis:unresolved\n"

/* SEN-CLI-L (error), SEN-CLI-H (info), SEN-CLI-1 (error); no priority given. */
static struct issue **cli_list(size_t *n)
{
	size_t len;
	char *body = fixture_read("api/sentry-cli.project-issues-list.min.json", &len);
	struct issue **items = NULL;
	assert_true(decode_issue_list(body, len, &items, n, NULL, NULL));
	assert_int_equal(*n, 3);
	free(body);
	return items;
}

static void set_substatus(struct issue *i, const char *substatus)
{
	free(i->substatus);
	i->substatus = substatus ? xstrdup(substatus) : NULL;
}

static void summary_is(const struct watch *w, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	watch_summary(w, &sb);
	assert_string_equal(strbuf_str(&sb), want);
	strbuf_free(&sb);
}

static void test_first_result_marks_nothing(void **state)
{
	size_t n;
	struct issue **items = cli_list(&n);
	struct watch w;
	watch_init(&w, "new", NULL);
	watch_update(&w, KEY, items, n, 1000);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(watch_mark_of(&w, items[i]->id), WATCH_NONE);
	summary_is(&w, "");
	assert_false(watch_take_bell(&w));
	watch_free(&w);
	issue_list_free(items, n);
}

static void test_new_rows_are_marked_and_ring_for_errors(void **state)
{
	size_t n;
	struct issue **items = cli_list(&n);
	struct watch w;
	watch_init(&w, "new", NULL);
	watch_update(&w, KEY, items, 1, 1000); /* only SEN-CLI-L */
	watch_update(&w, KEY, items, n, 2000);
	assert_int_equal(watch_mark_of(&w, items[0]->id), WATCH_NONE);
	assert_int_equal(watch_mark_of(&w, items[1]->id), WATCH_NEW);
	assert_int_equal(watch_mark_of(&w, items[2]->id), WATCH_NEW);
	summary_is(&w, "2 new");
	assert_true(watch_take_bell(&w));  /* SEN-CLI-1 is an error */
	assert_false(watch_take_bell(&w)); /* once */
	/* Marks stay over a refresh that changes nothing, until the user looks. */
	watch_update(&w, KEY, items, n, 3000);
	summary_is(&w, "2 new");
	assert_false(watch_take_bell(&w));
	watch_seen(&w);
	summary_is(&w, "");
	assert_int_equal(watch_mark_of(&w, items[1]->id), WATCH_NONE);
	watch_free(&w);
	issue_list_free(items, n);
}

static void test_a_new_info_issue_does_not_ring(void **state)
{
	size_t n;
	struct issue **items = cli_list(&n);
	struct watch w;
	watch_init(&w, "new", NULL);
	struct issue *without_info[2] = { items[0], items[2] };
	watch_update(&w, KEY, without_info, 2, 1000);
	watch_update(&w, KEY, items, n, 2000);
	assert_int_equal(watch_mark_of(&w, items[1]->id), WATCH_NEW);
	assert_false(watch_take_bell(&w)); /* SEN-CLI-H is info */
	watch_free(&w);
	issue_list_free(items, n);
}

static void test_escalating_and_regressed(void **state)
{
	size_t n;
	struct issue **items = cli_list(&n);
	struct watch w;
	watch_init(&w, "new", NULL);
	watch_update(&w, KEY, items, n, 1000);
	set_substatus(items[0], "escalating");
	set_substatus(items[2], "regressed");
	watch_update(&w, KEY, items, n, 2000);
	assert_int_equal(watch_mark_of(&w, items[0]->id), WATCH_ESCALATING);
	assert_int_equal(watch_mark_of(&w, items[2]->id), WATCH_REGRESSED);
	summary_is(&w, "1 escalating, 1 regressed");
	assert_false(watch_take_bell(&w)); /* bell: new rings for new issues only */
	watch_seen(&w);
	/* Still escalating at the next refresh: nothing changed, no mark. */
	watch_update(&w, KEY, items, n, 3000);
	summary_is(&w, "");
	watch_free(&w);
	issue_list_free(items, n);
}

static void test_bell_setting(void **state)
{
	size_t len, n;
	char *body = fixture_read("api/openapi.org-issues-list.json", &len);
	struct issue **items = NULL;
	assert_true(decode_issue_list(body, len, &items, &n, NULL, NULL));
	free(body);
	assert_int_equal(n, 1);
	struct issue *i = items[0]; /* level error, priority medium */
	assert_string_equal(i->priority, "medium");
	/* Sentry's priority wins over the level. */
	assert_false(watch_bell_wanted(WATCH_BELL_NEW, i, WATCH_NEW));
	strpool_release(i->priority); /* decoded values may be interned */
	i->priority = xstrdup("high");
	assert_true(watch_bell_wanted(WATCH_BELL_NEW, i, WATCH_NEW));
	assert_false(watch_bell_wanted(WATCH_BELL_NEVER, i, WATCH_NEW));
	assert_false(watch_bell_wanted(WATCH_BELL_NEW, i, WATCH_NONE));
	assert_false(watch_bell_wanted(WATCH_BELL_NEW, i, WATCH_ESCALATING));
	assert_true(watch_bell_wanted(WATCH_BELL_ESCALATING, i, WATCH_ESCALATING));
	assert_true(watch_bell_wanted(WATCH_BELL_ESCALATING, i, WATCH_NEW));
	assert_false(watch_bell_wanted(WATCH_BELL_NEW, i, WATCH_REGRESSED));
	/* No priority: fatal and error ring, warning does not. */
	strpool_release(i->priority);
	i->priority = NULL;
	i->level = LEVEL_FATAL;
	assert_true(watch_bell_wanted(WATCH_BELL_NEW, i, WATCH_NEW));
	i->level = LEVEL_WARNING;
	assert_false(watch_bell_wanted(WATCH_BELL_NEW, i, WATCH_NEW));
	issue_list_free(items, n);
}

static void test_state_file_carries_the_last_result(void **state)
{
	char dir[] = "/tmp/sentry-tui-watch.XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct strbuf sd = STRBUF_INIT, err = STRBUF_INIT;
	strbuf_addf(&sd, "%s/state/sentry-tui", dir);
	size_t n;
	struct issue **items = cli_list(&n);

	struct watch w;
	watch_init(&w, "never", strbuf_str(&sd));
	watch_update(&w, KEY, items, 2, 1000);
	assert_true(watch_save(&w, &err));
	watch_free(&w);

	char *path = watch_state_path(strbuf_str(&sd), KEY);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* The next start: the third issue is new, the others are not. */
	watch_init(&w, "never", strbuf_str(&sd));
	watch_update(&w, KEY, items, n, 2000);
	assert_int_equal(watch_mark_of(&w, items[0]->id), WATCH_NONE);
	assert_int_equal(watch_mark_of(&w, items[2]->id), WATCH_NEW);
	/* Another query has no past: nothing marked. */
	watch_update(&w, "other query", items, n, 3000);
	summary_is(&w, "");
	watch_free(&w);

	unlink(path);
	free(path);
	char *other = watch_state_path(strbuf_str(&sd), "other query");
	unlink(other);
	free(other);
	rmdir(strbuf_str(&sd));
	strbuf_reset(&sd);
	strbuf_addf(&sd, "%s/state", dir);
	rmdir(strbuf_str(&sd));
	rmdir(dir);
	strbuf_free(&sd);
	strbuf_free(&err);
	issue_list_free(items, n);
}

static void test_state_dir(void **state)
{
	char *d = watch_state_dir("/x/state", "/home/u");
	assert_string_equal(d, "/x/state/sentry-tui");
	free(d);
	d = watch_state_dir("", "/home/u");
	assert_string_equal(d, "/home/u/.local/state/sentry-tui");
	free(d);
	assert_null(watch_state_dir(NULL, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_result_marks_nothing),
		cmocka_unit_test(test_new_rows_are_marked_and_ring_for_errors),
		cmocka_unit_test(test_a_new_info_issue_does_not_ring),
		cmocka_unit_test(test_escalating_and_regressed),
		cmocka_unit_test(test_bell_setting),
		cmocka_unit_test(test_state_file_carries_the_last_result),
		cmocka_unit_test(test_state_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
