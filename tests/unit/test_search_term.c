/* Search terms from server text: one term stays one term (Sentry's quoting), and what
 * cannot be expressed is refused with a reason instead of sending a broken query. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api/search_term.h"

static void assert_term(const char *key, const char *value, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	const char *why = search_term_append(&sb, key, value);
	if (why)
		fail_msg("search_term_append(%s, %s) refused: %s", key, value, why);
	if (strcmp(strbuf_str(&sb), want) != 0)
		fail_msg("search_term_append(%s, %s) = [%s], want [%s]", key, value, strbuf_str(&sb),
		         want);
	strbuf_free(&sb);
}

static void assert_refused(const char *key, const char *value, const char *reason_has)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "is:unresolved ");
	const char *why = search_term_append(&sb, key, value);
	if (!why)
		fail_msg("search_term_append(%s, %s) accepted: [%s]", key, value, strbuf_str(&sb));
	if (!strstr(why, reason_has))
		fail_msg("reason [%s] does not say [%s]", why, reason_has);
	/* Nothing half-written. */
	assert_string_equal(strbuf_str(&sb), "is:unresolved ");
	strbuf_free(&sb);
}

static void test_plain_values_stay_bare(void **state)
{
	assert_term("browser", "Chrome", "browser:Chrome");
	assert_term("release", "backend@1.4.2+build.7", "release:backend@1.4.2+build.7");
	assert_term("url", "https://acme.io/a?b=c", "url:https://acme.io/a?b=c");
	assert_term("os.name", "iOS", "os.name:iOS");
	assert_term("path", "C:\\Windows\\", "path:C:\\Windows\\"); /* a bare backslash is literal */
	assert_term("city", "Zürich", "city:Zürich");
}

static void test_spaces_and_specials_are_quoted(void **state)
{
	assert_term("device", "iPhone 15 Pro", "device:\"iPhone 15 Pro\"");
	assert_term("transaction", "GET (admin)", "transaction:\"GET (admin)\"");
	assert_term("list", "[a,b]", "list:\"[a,b]\""); /* not Sentry's list syntax */
	assert_term("k", "!negated", "k:\"!negated\"");
	assert_term("k", ">5", "k:\">5\"");
	assert_term("k", "a,b", "k:\"a,b\"");
	assert_term("k", "", "k:\"\"");
	assert_term("k", NULL, "k:\"\"");
}

static void test_quotes_are_escaped(void **state)
{
	assert_term("message", "say \"hi\"", "message:\"say \\\"hi\\\"\"");
	assert_term("k", "\"", "k:\"\\\"\"");
	/* A backslash before a quote stays literal: Sentry only undoes \" */
	assert_term("k", "a\\\"b", "k:\"a\\\\\"b\"");
}

static void test_keys(void **state)
{
	assert_term("sentry:user", "id:1", "\"sentry:user\":id:1");
	assert_term("my-tag_2.x", "v", "my-tag_2.x:v");
	assert_refused("my tag", "v", "name");
	assert_refused("tag\"", "v", "name");
	assert_refused("tag(1)", "v", "name");
	assert_refused("", "v", "no name");
	assert_refused(NULL, "v", "no name");
	assert_refused("ключ", "v", "name");
}

static void test_controls_cannot_be_sent(void **state)
{
	assert_refused("k", "two\nlines", "newline");
	assert_refused("k", "tab\there", "control");
	assert_refused("k", "esc\x1b[2J", "control");
	assert_refused("k", "del\x7f", "control");
	assert_refused("k", "ends in \\", "backslash");
}

static void test_raw_terms(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	assert_null(search_term_append_raw(&sb, "user.email:\"a b@x.io\""));
	assert_string_equal(strbuf_str(&sb), "user.email:\"a b@x.io\"");
	assert_non_null(search_term_append_raw(&sb, "user:x\nis:resolved"));
	assert_non_null(search_term_append_raw(&sb, ""));
	assert_string_equal(strbuf_str(&sb), "user.email:\"a b@x.io\"");
	strbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_values_stay_bare),
		cmocka_unit_test(test_spaces_and_specials_are_quoted),
		cmocka_unit_test(test_quotes_are_escaped),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_controls_cannot_be_sent),
		cmocka_unit_test(test_raw_terms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
