/* The `:` command table agrees with the config's names: every sort the config and the
 * flags accept is offered by `:sort` (help and Tab completion read the table), and every
 * period `:period` offers is one the config accepts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "config/filters.h"
#include "views/commands.h"

struct words {
	char list[32][32];
	size_t n;
};

static void collect(void *ctx, const char *word, size_t len)
{
	struct words *w = ctx;
	if (w->n < 32 && len < 32) {
		memcpy(w->list[w->n], word, len);
		w->list[w->n][len] = '\0';
		w->n++;
	}
}

static bool has(const struct words *w, const char *word)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->list[i], word) == 0)
			return true;
	return false;
}

static void test_sort_choices_are_the_config_sorts(void **state)
{
	(void)state;
	struct words w = { .n = 0 };
	command_arg_choices(command_find("sort"), collect, &w);
	size_t nsorts = 0;
	for (const struct config_sort *s = config_sorts; s->name; s++, nsorts++)
		assert_true(has(&w, s->name));
	for (size_t i = 0; i < w.n; i++)
		assert_non_null(config_sort_lookup(w.list[i]));
	assert_int_equal(w.n, nsorts);
}

static void test_period_choices_are_valid_periods(void **state)
{
	(void)state;
	struct words w = { .n = 0 };
	command_arg_choices(command_find("period"), collect, &w);
	assert_true(w.n >= 6);
	for (size_t i = 0; i < w.n; i++)
		assert_true(config_period_valid(w.list[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_choices_are_the_config_sorts),
		cmocka_unit_test(test_period_choices_are_valid_periods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
