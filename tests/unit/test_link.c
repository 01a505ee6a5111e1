/* Link header parsing: whether "more" appears and which page it fetches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/link.h"

/* The example from docs/sentry-api.md §4, byte for byte. */
static const char sentry_example[] =
	"<https://sentry.io/api/0/organizations/acme/issues/?query=is%3Aunresolved&cursor=0:0:1>; "
	"rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", "
	"<https://sentry.io/api/0/organizations/acme/issues/?query=is%3Aunresolved&cursor=0:100:0>; "
	"rel=\"next\"; results=\"true\"; cursor=\"0:100:0\"";

static void test_sentry_example_has_a_next_page(void **state)
{
	struct link_header lh;
	link_parse(sentry_example, &lh);
	assert_true(lh.next.present);
	assert_true(lh.next.results);
	assert_string_equal(lh.next.cursor, "0:100:0");
	assert_true(lh.previous.present);
	assert_false(lh.previous.results);
	assert_string_equal(lh.previous.cursor, "0:0:1");
	link_header_free(&lh);
}

static void test_last_page_has_no_more_results(void **state)
{
	/* Sentry sends both links even at the end; only results="false" says stop. */
	struct link_header lh;
	link_parse("<https://sentry.io/api/0/organizations/acme/issues/?query=&cursor=0:100:1>; "
	           "rel=\"previous\"; results=\"true\"; cursor=\"0:100:1\", "
	           "<https://sentry.io/api/0/organizations/acme/issues/?query=&cursor=0:200:0>; "
	           "rel=\"next\"; results=\"false\"; cursor=\"0:200:0\"",
	           &lh);
	assert_true(lh.next.present);
	assert_false(lh.next.results);
	assert_string_equal(lh.next.cursor, "0:200:0");
	assert_true(lh.previous.present);
	assert_true(lh.previous.results);
	assert_string_equal(lh.previous.cursor, "0:100:1");
	link_header_free(&lh);
}

static void test_glitchtip_no_more_link_without_cursor(void **state)
{
	struct link_header lh;
	link_parse("<https://gt.example/api/0/organizations/acme/issues/?cursor=cD0yMDI0>; "
	           "rel=\"previous\"; results=\"true\"; cursor=\"cD0yMDI0\", "
	           "<https://gt.example/api/0/organizations/acme/issues/>; rel=\"next\"; results=\"false\"",
	           &lh);
	assert_true(lh.next.present);
	assert_false(lh.next.results);
	assert_null(lh.next.cursor);
	assert_true(lh.previous.results);
	assert_string_equal(lh.previous.cursor, "cD0yMDI0");
	link_header_free(&lh);
}

static void test_glitchtip_python_set_wrapping(void **state)
{
	/* GlitchTip assigns a Python set to the header, so the value may arrive as {'…'}. */
	struct link_header lh;
	link_parse("{'<https://gt.example/api/0/organizations/acme/issues/>; rel=\"previous\"; "
	           "results=\"false\", <https://gt.example/api/0/organizations/acme/issues/"
	           "?cursor=cD0yMDI0LTA1%2BMDE%3D>; rel=\"next\"; results=\"true\"; "
	           "cursor=\"cD0yMDI0LTA1+MDE=\"'}",
	           &lh);
	assert_true(lh.previous.present);
	assert_false(lh.previous.results);
	assert_null(lh.previous.cursor);
	assert_true(lh.next.present);
	assert_true(lh.next.results);
	assert_string_equal(lh.next.cursor, "cD0yMDI0LTA1+MDE=");
	link_header_free(&lh);
}

static void test_cursor_from_url_when_attribute_missing(void **state)
{
	struct link_header lh;
	/* URL-decoded, and a "+" is kept: GlitchTip's base64 tokens may contain one. */
	link_parse("{'<https://gt.example/api/0/organizations/acme/issues/?query=&cursor=cD0y%2BMDE%3D+x"
	           "&limit=5>; rel=\"next\"; results=\"true\"'}",
	           &lh);
	assert_true(lh.next.results);
	assert_string_equal(lh.next.cursor, "cD0y+MDE=+x");
	link_header_free(&lh);

	link_parse("<https://sentry.io/api/0/projects/acme/app/issues/?&cursor=0%3A100%3A0#x>; "
	           "rel=\"next\"; results=\"true\"",
	           &lh);
	assert_string_equal(lh.next.cursor, "0:100:0");
	link_header_free(&lh);
}

static void test_cursor_attribute_wins_over_url(void **state)
{
	struct link_header lh;
	link_parse("<https://sentry.io/api/0/x/?cursor=0:50:0>; rel=\"next\"; results=\"true\"; "
	           "cursor=\"0:100:0\"",
	           &lh);
	assert_string_equal(lh.next.cursor, "0:100:0");
	link_header_free(&lh);
	/* An empty attribute is no cursor: the URL's is the next best. */
	link_parse("<https://sentry.io/api/0/x/?cursor=0:50:0>; rel=\"next\"; results=\"true\"; "
	           "cursor=\"\"",
	           &lh);
	assert_string_equal(lh.next.cursor, "0:50:0");
	link_header_free(&lh);
}

static void test_attributes_in_any_order_and_case(void **state)
{
	struct link_header lh;
	link_parse("<https://sentry.io/a/>;cursor=\"0:100:0\" ;RESULTS = \"TRUE\";  Rel=next ,"
	           "<https://sentry.io/b/>; results=false; rel=\"prev\"; cursor=0:0:1",
	           &lh);
	assert_true(lh.next.present);
	assert_true(lh.next.results);
	assert_string_equal(lh.next.cursor, "0:100:0");
	assert_true(lh.previous.present);
	assert_false(lh.previous.results);
	assert_string_equal(lh.previous.cursor, "0:0:1");
	link_header_free(&lh);
}

static void test_commas_inside_url_and_quotes_do_not_split(void **state)
{
	struct link_header lh;
	link_parse("<https://sentry.io/api/0/x/?query=a,b; rel=\"next\"&cursor=1:2:0>; "
	           "rel=\"previous\"; title=\"a, <b>; rel=\\\"next\\\"\"; results=\"true\", "
	           "<https://sentry.io/api/0/x/>; rel=\"next\"; results=\"false\"; cursor=\"1:3:0\"",
	           &lh);
	assert_true(lh.previous.present);
	assert_true(lh.previous.results);
	assert_string_equal(lh.previous.cursor, "1:2:0");
	assert_true(lh.next.present);
	assert_false(lh.next.results);
	assert_string_equal(lh.next.cursor, "1:3:0");
	link_header_free(&lh);
}

static void test_multi_valued_rel_and_single_link(void **state)
{
	struct link_header lh;
	link_parse("<https://sentry.io/x/>; rel=\"next last\"; results=\"true\"; cursor=\"9:9:0\"", &lh);
	assert_true(lh.next.present);
	assert_true(lh.next.results);
	assert_string_equal(lh.next.cursor, "9:9:0");
	assert_false(lh.previous.present);
	assert_null(lh.previous.cursor);
	link_header_free(&lh);
}

static void test_first_link_of_a_kind_wins(void **state)
{
	struct link_header lh;
	link_parse("<a>; rel=\"next\"; results=\"false\"; cursor=\"1\", "
	           "<b>; rel=\"next\"; results=\"true\"; cursor=\"2\"",
	           &lh);
	assert_false(lh.next.results);
	assert_string_equal(lh.next.cursor, "1");
	link_header_free(&lh);
}

static void test_unusable_cursors_are_dropped(void **state)
{
	struct link_header lh;
	/* A NUL or newline in a decoded cursor would ask for some other page. */
	link_parse("<https://sentry.io/x/?cursor=0%00:100:0>; rel=\"next\"; results=\"true\"", &lh);
	assert_true(lh.next.results);
	assert_null(lh.next.cursor);
	link_header_free(&lh);

	size_t n = 5000;
	char *big = malloc(n + 64);
	assert_non_null(big);
	strcpy(big, "<u>; rel=\"next\"; results=\"true\"; cursor=\"");
	size_t at = strlen(big);
	memset(big + at, 'A', n);
	strcpy(big + at + n, "\"");
	link_parse(big, &lh);
	assert_true(lh.next.results);
	assert_null(lh.next.cursor);
	link_header_free(&lh);
	free(big);
}

static void test_empty_null_and_garbage(void **state)
{
	static const char *const garbage[] = {
		"", " ", ",", ",,,", "<", ">", "<<<>>>", "\"", "\"unterminated, rel=\"next\"",
		"rel", "rel=", "rel=\"", ";;;;", "{'", "'}", "{}", "<u", "<u>; rel=\"next",
		"<u>; rel=\"next\"; results=\"tr", "<u>; cursor=\"0:1", "=\"=\"=", "\\", "<u>; rel=\\",
		"garbage; rel=next; results=true; cursor=1:1:1", "rel=\"next\"; results=\"true\"",
		"\304https://x/?cursor=1>; rel=\"next\"",
	};
	struct link_header lh;
	link_parse(NULL, &lh);
	assert_false(lh.next.present);
	assert_false(lh.previous.present);
	assert_null(lh.next.cursor);
	link_header_free(&lh);
	for (size_t i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
		link_parse(garbage[i], &lh);
		assert_false(lh.previous.present);
		/* Never "more" without a page to go to being named. */
		if (lh.next.results)
			assert_true(lh.next.present);
		link_header_free(&lh);
	}
	/* Truncated mid-attribute: the link still counts, "more" does not. */
	link_parse("<u>; rel=\"next\"; results=\"tr", &lh);
	assert_true(lh.next.present);
	assert_false(lh.next.results);
	link_header_free(&lh);
	/* A link without the <url> part still carries its attributes. */
	link_parse("garbage; rel=next; results=true; cursor=1:1:1", &lh);
	assert_true(lh.next.results);
	assert_string_equal(lh.next.cursor, "1:1:1");
	link_header_free(&lh);
}

static void test_random_headers_stay_in_bounds(void **state)
{
	/* A cheap deterministic fuzz over the characters that matter (the real fuzzer is
	 * tests/fuzz/fuzz_link.c); under ASan any stray read fails here. */
	static const char alphabet[] = "<>,;=\"'{}\\ relnxtcursoq?&%3A0:1";
	uint32_t seed = 12345;
	char buf[64];
	for (int round = 0; round < 20000; round++) {
		size_t len = (size_t)(round % (int)sizeof(buf));
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		buf[len] = '\0';
		struct link_header lh;
		link_parse(buf, &lh);
		if (lh.next.cursor)
			assert_true(lh.next.present && strlen(lh.next.cursor) > 0);
		link_header_free(&lh);
	}
}

static void test_free_is_idempotent(void **state)
{
	struct link_header lh;
	link_parse(sentry_example, &lh);
	link_header_free(&lh);
	assert_null(lh.next.cursor);
	link_header_free(&lh);
	link_header_free(NULL);
}

/* The one question paging asks: is there a next page, and from which cursor. */
static void test_next_cursor(void **state)
{
	char *c = link_next_cursor("<https://x/?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; "
	                           "cursor=\"0:0:1\", <https://x/?cursor=0:100:0>; rel=\"next\"; "
	                           "results=\"true\"; cursor=\"0:100:0\"");
	assert_string_equal(c, "0:100:0");
	free(c);
	assert_null(link_next_cursor("<https://x/>; rel=\"next\"; results=\"false\"; cursor=\"0:200:0\""));
	assert_null(link_next_cursor(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_cursor),
		cmocka_unit_test(test_sentry_example_has_a_next_page),
		cmocka_unit_test(test_last_page_has_no_more_results),
		cmocka_unit_test(test_glitchtip_no_more_link_without_cursor),
		cmocka_unit_test(test_glitchtip_python_set_wrapping),
		cmocka_unit_test(test_cursor_from_url_when_attribute_missing),
		cmocka_unit_test(test_cursor_attribute_wins_over_url),
		cmocka_unit_test(test_attributes_in_any_order_and_case),
		cmocka_unit_test(test_commas_inside_url_and_quotes_do_not_split),
		cmocka_unit_test(test_multi_valued_rel_and_single_link),
		cmocka_unit_test(test_first_link_of_a_kind_wins),
		cmocka_unit_test(test_unusable_cursors_are_dropped),
		cmocka_unit_test(test_empty_null_and_garbage),
		cmocka_unit_test(test_random_headers_stay_in_bounds),
		cmocka_unit_test(test_free_is_idempotent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
