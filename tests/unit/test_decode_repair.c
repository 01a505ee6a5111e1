/* Bodies jansson would refuse as a whole for one bad character: a lone UTF-16
 * surrogate escape ("\ud800") in one issue's title must not make the issue list
 * "malformed". Each case is the real org issue list fixture (tests/fixtures/sentry/api)
 * with the escape put into its title, followed by the untouched issue, as a server that
 * stores what an SDK sent would return it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/decode_repair.h"
#include "api/model.h"
#include "tests/unit/support/fixture.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define FIXTURE "api/openapi.org-issues-list.json"
#define TITLE "This is an example Python exception"
#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD in UTF-8 */

/* The fixture's one issue object (the text between the outer brackets). */
static char *fixture_issue_text(void)
{
	size_t len;
	char *body = fixture_read(FIXTURE, &len);
	char *open = memchr(body, '[', len);
	char *close = strrchr(body, ']');
	assert_non_null(open);
	assert_non_null(close);
	char *issue = xstrndup(open + 1, (size_t)(close - open - 1));
	free(body);
	return issue;
}

/* "[issue with `word` put before "example" in its titles (the issue's and its
 * metadata's), the untouched issue]". */
static char *list_with_title_text(const char *word)
{
	char *issue = fixture_issue_text();
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "[");
	const char *from = issue, *at;
	int titles = 0;
	while ((at = strstr(from, "example Python exception"))) {
		strbuf_add(&sb, from, (size_t)(at - from));
		strbuf_adds(&sb, word);
		from = at;
		strbuf_add(&sb, from, 1);
		from++;
		titles++;
	}
	assert_int_equal(titles, 2);
	strbuf_adds(&sb, from);
	strbuf_adds(&sb, ",");
	strbuf_adds(&sb, issue);
	strbuf_adds(&sb, "]");
	free(issue);
	return strbuf_detach(&sb);
}

/* Decodes the list and checks the first title reads "This is an <shown>example ...",
 * and the untouched issue after it is intact. */
static void assert_title_shows(const char *word, const char *shown)
{
	char *body = list_with_title_text(word);
	struct issue **issues;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	if (!decode_issue_list(body, strlen(body), &issues, &n, NULL, &err))
		fail_msg("title with %s: the list failed: %s", word, strbuf_str(&err));
	assert_int_equal(n, 2);
	struct strbuf want = STRBUF_INIT;
	strbuf_addf(&want, "This is an %sexample Python exception", shown);
	assert_string_equal(issues[0]->title, strbuf_str(&want));
	assert_string_equal(issues[0]->short_id, "PUMP-STATION-1");
	assert_string_equal(issues[1]->title, TITLE);
	strbuf_free(&want);
	strbuf_free(&err);
	issue_list_free(issues, n);
	free(body);
}

static void test_lone_high_surrogate(void **state)
{
	assert_title_shows("\\ud800 ", REPLACEMENT " ");
}

static void test_lone_high_surrogate_upper_case(void **state)
{
	assert_title_shows("\\uD83D ", REPLACEMENT " ");
}

static void test_lone_low_surrogate(void **state)
{
	assert_title_shows("\\udc00 ", REPLACEMENT " ");
}

static void test_high_surrogate_then_other_escape(void **state)
{
	/* The letter after the broken half survives. */
	assert_title_shows("\\ud83d\\u0041 ", REPLACEMENT "A ");
}

static void test_high_surrogate_then_high_pair(void **state)
{
	/* The first high half is lone; the second starts a valid pair. */
	assert_title_shows("\\ud83d\\ud83d\\ude00 ", REPLACEMENT "\xf0\x9f\x98\x80 ");
}

static void test_low_then_high_reversed(void **state)
{
	assert_title_shows("\\ude00\\ud83d ", REPLACEMENT REPLACEMENT " ");
}

static void test_valid_pair_is_kept(void **state)
{
	assert_title_shows("\\ud83d\\ude00 ", "\xf0\x9f\x98\x80 ");
}

static void test_escaped_backslash_is_not_an_escape(void **state)
{
	/* "\\ud800" is a backslash and the text "ud800". */
	assert_title_shows("\\\\ud800 ", "\\ud800 ");
	/* An escaped backslash, then a real lone escape. */
	assert_title_shows("\\\\\\ud800 ", "\\" REPLACEMENT " ");
	/* An escaped quote just before: still inside the same string. */
	assert_title_shows("\\\"\\udfff ", "\"" REPLACEMENT " ");
}

static void test_surrogate_at_end_of_title(void **state)
{
	/* The broken half is the last thing in the string. */
	char *issue = fixture_issue_text();
	char *at = strstr(issue, "exception\",");
	assert_non_null(at);
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "[");
	strbuf_add(&sb, issue, (size_t)(at - issue) + strlen("exception"));
	strbuf_adds(&sb, "\\ud800");
	strbuf_adds(&sb, at + strlen("exception"));
	strbuf_adds(&sb, "]");
	free(issue);
	struct issue **issues;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_issue_list(sb.buf, sb.len, &issues, &n, NULL, &err));
	assert_int_equal(n, 1);
	assert_string_equal(issues[0]->title, TITLE REPLACEMENT);
	issue_list_free(issues, n);
	strbuf_free(&err);
	strbuf_free(&sb);
}

static void test_together_with_invalid_utf8(void **state)
{
	/* Both repairs in one body: a raw invalid byte and a lone escape. */
	assert_title_shows("\xff\\ud800 ", REPLACEMENT REPLACEMENT " ");
}

static void test_nul_escape_in_a_title(void **state)
{
	assert_title_shows("\\u0000 ", REPLACEMENT " ");
}

/* A tag key with "\u0000": jansson refuses NUL in object keys, which would make the
 * whole event unreadable; repaired, the key reads with a visible mark. */
static void test_nul_escape_in_a_key(void **state)
{
	const char body[] = "{\"tags\": {\"k\\u0000x\": \"v\"}, \"ok\": \"\\\\u0000\"}";
	size_t out_len = 0;
	char *out = repair_json_text(body, sizeof(body) - 1, &out_len);
	assert_non_null(out);
	assert_string_equal(out, "{\"tags\": {\"k\\ufffdx\": \"v\"}, \"ok\": \"\\\\u0000\"}");
	free(out);
}

static void test_clean_body_is_not_copied(void **state)
{
	size_t len, out_len = 0;
	char *body = fixture_read(FIXTURE, &len);
	assert_null(repair_lone_surrogates(body, len, &out_len));
	assert_null(repair_json_text(body, len, &out_len));
	free(body);
	const char pair[] = "[\"\\ud83d\\ude00 \\\\ud800 \\n\\u00e9\"]";
	assert_null(repair_lone_surrogates(pair, sizeof(pair) - 1, &out_len));
}

static void test_repair_text(void **state)
{
	const char body[] = "[\"a\\ud800b\",\"\\\\udc00\",\"\\udc00\"]";
	size_t out_len = 0;
	char *out = repair_lone_surrogates(body, sizeof(body) - 1, &out_len);
	assert_non_null(out);
	assert_string_equal(out, "[\"a\\ufffdb\",\"\\\\udc00\",\"\\ufffd\"]");
	assert_int_equal(out_len, strlen(out));
	free(out);
	/* A cut-off escape at the very end is left for jansson to report. */
	const char cut[] = "[\"\\ud8";
	assert_null(repair_lone_surrogates(cut, sizeof(cut) - 1, &out_len));
	const char slash[] = "[\"\\";
	assert_null(repair_lone_surrogates(slash, sizeof(slash) - 1, &out_len));
}

/* Each bad byte becomes one U+FFFD and everything valid is kept byte for byte: ASCII,
 * two-, three- and four-byte characters, at the start, between bad bytes and at the end
 * (a character cut off by the end of the body is bad bytes too). */
static void test_invalid_utf8_bytes(void **state)
{
	const char body[] = "\xff" "a\xc3\xa9" "\xc0\x80" "\xe2\x82\xac" "\xed\xa0\x80"
	                    "\xf0\x9f\x98\x80" "z\xe2\x82";
	size_t out_len = 0;
	char *out = repair_utf8(body, sizeof(body) - 1, &out_len);
	assert_non_null(out);
	assert_string_equal(out, "\xef\xbf\xbd" "a\xc3\xa9" "\xef\xbf\xbd\xef\xbf\xbd"
	                         "\xe2\x82\xac" "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                         "\xf0\x9f\x98\x80" "z\xef\xbf\xbd\xef\xbf\xbd");
	assert_int_equal(out_len, strlen(out));
	free(out);
	const char clean[] = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
	assert_null(repair_utf8(clean, sizeof(clean) - 1, &out_len));
}

/* Long ASCII runs are checked 32 and eight bytes at a time: a bad byte or a character
 * at any place in such a run, across those boundaries, is found and kept as above. */
static void test_invalid_utf8_in_long_ascii_runs(void **state)
{
	enum { LEN = 72 };
	for (size_t at = 0; at < LEN; at++) {
		char body[LEN + 3], expected[LEN + 8];
		memset(body, 'a', LEN);
		body[at] = '\xff';
		size_t out_len = 0;
		char *out = repair_utf8(body, LEN, &out_len);
		assert_non_null(out);
		snprintf(expected, sizeof expected, "%.*s\xef\xbf\xbd%.*s", (int)at, body,
		         (int)(LEN - 1 - at), body + at + 1);
		assert_string_equal(out, expected);
		assert_int_equal(out_len, LEN + 2);
		free(out);

		/* A valid three-byte character there instead: nothing to repair. */
		memset(body, 'a', LEN + 2);
		memcpy(body + at, "\xe2\x82\xac", 3);
		assert_null(repair_utf8(body, LEN + 2, &out_len));
		/* The same character cut off by the end of the body. */
		assert_non_null(out = repair_utf8(body, at + 2, &out_len));
		snprintf(expected, sizeof expected, "%.*s\xef\xbf\xbd\xef\xbf\xbd", (int)at, body);
		assert_string_equal(out, expected);
		free(out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lone_high_surrogate),
		cmocka_unit_test(test_invalid_utf8_in_long_ascii_runs),
		cmocka_unit_test(test_nul_escape_in_a_title),
		cmocka_unit_test(test_nul_escape_in_a_key),
		cmocka_unit_test(test_lone_high_surrogate_upper_case),
		cmocka_unit_test(test_lone_low_surrogate),
		cmocka_unit_test(test_high_surrogate_then_other_escape),
		cmocka_unit_test(test_high_surrogate_then_high_pair),
		cmocka_unit_test(test_low_then_high_reversed),
		cmocka_unit_test(test_valid_pair_is_kept),
		cmocka_unit_test(test_escaped_backslash_is_not_an_escape),
		cmocka_unit_test(test_surrogate_at_end_of_title),
		cmocka_unit_test(test_together_with_invalid_utf8),
		cmocka_unit_test(test_clean_body_is_not_copied),
		cmocka_unit_test(test_repair_text),
		cmocka_unit_test(test_invalid_utf8_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
