/* URL building: what the server receives for each thing the user configures or types. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "api/url.h"
#include "util/xalloc.h"

/* curl writes percent escapes in lower case in some versions and upper case in others;
 * both mean the same, so compare with upper-case hex. */
static char *upper_escapes(const char *s)
{
	char *out = xstrdup(s);
	for (char *p = out; *p; p++)
		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
			p[1] = (char)toupper((unsigned char)p[1]);
			p[2] = (char)toupper((unsigned char)p[2]);
			p += 2;
		}
	return out;
}

#define assert_url_equal(actual, expected)                      \
	do {                                                    \
		char *got_ = (actual);                          \
		assert_non_null(got_);                          \
		char *norm_ = upper_escapes(got_);              \
		assert_string_equal(norm_, (expected));         \
		free(norm_);                                    \
		free(got_);                                     \
	} while (0)

static int hex_digit(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

/* The decoded value of the first key= in url's query, as a form-decoding server (Django)
 * reads it: %XX is a byte, "+" is a space. NULL when the key is absent. */
static char *query_value(const char *url, const char *key)
{
	const char *q = strchr(url, '?');
	size_t keylen = strlen(key);
	while (q) {
		q++;
		const char *end = strchr(q, '&');
		if (!end)
			end = q + strlen(q);
		if ((size_t)(end - q) > keylen && strncmp(q, key, keylen) == 0 && q[keylen] == '=') {
			char *out = xmalloc((size_t)(end - q) + 1), *o = out;
			for (const char *p = q + keylen + 1; p < end; p++) {
				if (*p == '%' && p + 2 < end && isxdigit((unsigned char)p[1]) &&
				    isxdigit((unsigned char)p[2])) {
					*o++ = (char)(hex_digit(p[1]) * 16 + hex_digit(p[2]));
					p += 2;
				} else {
					*o++ = *p == '+' ? ' ' : *p;
				}
			}
			*o = '\0';
			return out;
		}
		q = *end ? end : NULL;
	}
	return NULL;
}

static void test_issue_list_sends_every_parameter_in_order(void **state)
{
	const char *projects[] = { "1", "2" };
	const char *environments[] = { "production", "dev server" };
	struct issue_query q = {
		.query = "is:unresolved level:error",
		.sort = "freq",
		.stats_period = "14d",
		.group_stats_period = "24h",
		.project_ids = projects,
		.nproject_ids = 2,
		.environments = environments,
		.nenvironments = 2,
		.limit = 25,
		.cursor = "1541538000000:0:0",
	};
	assert_url_equal(url_issue_list("https://sentry.io/", "acme", &q),
	                 "https://sentry.io/api/0/organizations/acme/issues/"
	                 "?query=is%3Aunresolved+level%3Aerror&sort=freq&statsPeriod=14d"
	                 "&groupStatsPeriod=24h&project=1&project=2&environment=production"
	                 "&environment=dev+server&limit=25&cursor=1541538000000%3A0%3A0");
}

static void test_issue_list_expands_inbox(void **state)
{
	/* Without expand=inbox Sentry leaves the review state out of the list. */
	struct issue_query q = { .query = "", .expand = "inbox" };
	assert_url_equal(url_issue_list("https://sentry.io", "acme", &q),
	                 "https://sentry.io/api/0/organizations/acme/issues/?query=&expand=inbox");
}

static void test_issue_list_sends_empty_query(void **state)
{
	struct issue_query q = { .query = "" };
	/* Without query= Sentry would silently show only unresolved issues. */
	assert_url_equal(url_issue_list("https://sentry.io", "acme", &q),
	                 "https://sentry.io/api/0/organizations/acme/issues/?query=");
	q.query = NULL;
	assert_url_equal(url_issue_list("https://sentry.io", "acme", &q),
	                 "https://sentry.io/api/0/organizations/acme/issues/?query=");
	assert_url_equal(url_issue_list("https://sentry.io", "acme", NULL),
	                 "https://sentry.io/api/0/organizations/acme/issues/?query=");
}

static void test_issue_list_sends_empty_group_stats_period(void **state)
{
	/* groupStatsPeriod= (empty) asks for no sparklines; NULL leaves it to the server. */
	struct issue_query q = { .query = "", .group_stats_period = "" };
	assert_url_equal(url_issue_list("https://sentry.io", "acme", &q),
	                 "https://sentry.io/api/0/organizations/acme/issues/?query=&groupStatsPeriod=");
}

static void test_issue_list_skips_empty_project_and_cursor(void **state)
{
	const char *projects[] = { "", NULL, "42" };
	struct issue_query q = { .query = "", .project_ids = projects, .nproject_ids = 3, .cursor = "" };
	assert_url_equal(url_issue_list("https://sentry.io", "acme", &q),
	                 "https://sentry.io/api/0/organizations/acme/issues/?query=&project=42");
}

static void test_issue_list_cursor_round_trips(void **state)
{
	const char *cursors[] = {
		"0:100:0",                        /* Sentry */
		"1541538000000:0:1",              /* Sentry, previous page */
		"cD0yMDI0LTA1LTA1KzAx/Zz0=",      /* GlitchTip: base64 with + / = */
	};
	for (size_t i = 0; i < sizeof(cursors) / sizeof(cursors[0]); i++) {
		struct issue_query q = { .query = "", .cursor = cursors[i] };
		char *url = url_issue_list("https://sentry.io", "acme", &q);
		assert_non_null(url);
		char *cursor = query_value(url, "cursor");
		assert_non_null(cursor);
		assert_string_equal(cursor, cursors[i]);
		free(cursor);
		free(url);
	}
}

static void test_issue_list_search_text_round_trips(void **state)
{
	/* Whatever the user types must reach Sentry unchanged, including the characters
	 * that would otherwise split or end the query string. */
	const char *typed = "message:\"a&b=c\" +1 #tag 100% caf\xc3\xa9 is:unresolved";
	struct issue_query q = { .query = typed };
	char *url = url_issue_list("https://sentry.io", "acme", &q);
	assert_non_null(url);
	assert_null(strchr(url, '#'));
	assert_null(strchr(url, ' '));
	char *query = query_value(url, "query");
	assert_non_null(query);
	assert_string_equal(query, typed);
	free(query);
	char *sort = query_value(url, "sort");
	assert_null(sort); /* the "&b=" inside the search did not become a parameter */
	assert_null(query_value(url, "b"));
	free(url);
}

static void test_base_with_or_without_slash(void **state)
{
	const char *expected = "https://sentry.io/api/0/organizations/acme/projects/?per_page=100";
	assert_url_equal(url_org_projects("https://sentry.io", "acme", NULL), expected);
	assert_url_equal(url_org_projects("https://sentry.io/", "acme", NULL), expected);
	assert_url_equal(url_org_projects("https://sentry.io//", "acme", NULL), expected);
}

static void test_base_with_path_prefix_and_port(void **state)
{
	assert_url_equal(url_org_projects("https://x.example/sentry", "acme", NULL),
	                 "https://x.example/sentry/api/0/organizations/acme/projects/?per_page=100");
	assert_url_equal(url_org_projects("https://x.example/sentry/", "acme", NULL),
	                 "https://x.example/sentry/api/0/organizations/acme/projects/?per_page=100");
	assert_url_equal(url_org_projects("http://127.0.0.1:8000", "acme", NULL),
	                 "http://127.0.0.1:8000/api/0/organizations/acme/projects/?per_page=100");
}

static void test_base_that_is_the_api_root(void **state)
{
	assert_url_equal(url_org_projects("https://sentry.io/api/0/", "acme", NULL),
	                 "https://sentry.io/api/0/organizations/acme/projects/?per_page=100");
	assert_url_equal(url_org_projects("https://x.example/sentry/api/0", "acme", NULL),
	                 "https://x.example/sentry/api/0/organizations/acme/projects/?per_page=100");
}

static void test_base_query_and_fragment_are_dropped(void **state)
{
	assert_url_equal(url_issue_list("https://sentry.io/?token=x#frag", "acme", NULL),
	                 "https://sentry.io/api/0/organizations/acme/issues/?query=");
}

static void test_org_slug_is_escaped_never_a_path(void **state)
{
	assert_url_equal(url_org_projects("https://sentry.io", "my org/../x", NULL),
	                 "https://sentry.io/api/0/organizations/my%20org%2F..%2Fx/projects/?per_page=100");
	assert_url_equal(url_org_projects("https://sentry.io", "a?b#c", NULL),
	                 "https://sentry.io/api/0/organizations/a%3Fb%23c/projects/?per_page=100");
	/* A bare ".." would be resolved by curl and climb out of /organizations/. */
	assert_url_equal(url_org_projects("https://sentry.io", "..", NULL),
	                 "https://sentry.io/api/0/organizations/%2E%2E/projects/?per_page=100");
	assert_url_equal(url_org_projects("https://sentry.io", ".", NULL),
	                 "https://sentry.io/api/0/organizations/%2E/projects/?per_page=100");
}

static void test_invalid_base_gives_null(void **state)
{
	const char *bad[] = {
		"", "sentry.io", "ftp://sentry.io", "file:///etc/passwd", "https://",
		"javascript:alert(1)", "http://exa mple.com", "mailto:a@b.example",
	};
	assert_null(url_issue_list(NULL, "acme", NULL));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *url = url_issue_list(bad[i], "acme", NULL);
		if (url)
			fail_msg("base \"%s\" gave \"%s\"", bad[i], url);
		assert_null(url_org_projects(bad[i], "acme", NULL));
		assert_null(url_api(bad[i], NULL, 0));
	}
}

static void test_missing_org_gives_null(void **state)
{
	assert_null(url_issue_list("https://sentry.io", NULL, NULL));
	assert_null(url_issue_list("https://sentry.io", "", NULL));
	assert_null(url_org_projects("https://sentry.io", "", NULL));
}

static void test_org_projects_with_cursor(void **state)
{
	assert_url_equal(url_org_projects("https://sentry.io", "acme", "0:100:0"),
	                 "https://sentry.io/api/0/organizations/acme/projects/?per_page=100&cursor=0%3A100%3A0");
}

static void test_api_segments(void **state)
{
	const char *latest[] = { "issues", "6507376925", "events", "latest" };
	assert_url_equal(url_api("https://sentry.io", latest, 4),
	                 "https://sentry.io/api/0/issues/6507376925/events/latest/");
	assert_url_equal(url_api("https://de.sentry.io/", NULL, 0), "https://de.sentry.io/api/0/");
	const char *release[] = { "organizations", "acme", "releases", "app@1.0+build 7" };
	assert_url_equal(url_api("https://sentry.io", release, 4),
	                 "https://sentry.io/api/0/organizations/acme/releases/app%401.0%2Bbuild%207/");
}

static void test_host_for_error_messages(void **state)
{
	char *host;
	host = url_host("https://sentry.io/api/0/organizations/acme/issues/?query=");
	assert_string_equal(host, "sentry.io");
	free(host);
	host = url_host("http://127.0.0.1:8000/api/0/");
	assert_string_equal(host, "127.0.0.1");
	free(host);
	/* Credentials in a configured URL never reach an error message. */
	host = url_host("https://user:secret@sentry.example.com/");
	assert_string_equal(host, "sentry.example.com");
	free(host);
	assert_null(url_host("not a url"));
	assert_null(url_host(""));
	assert_null(url_host(NULL));
}

/* Detail endpoints: extra parameters in order, NULL values left out. */
static void test_api_query(void **state)
{
	const char *segs[] = { "organizations", "acme", "issues", "42", "events" };
	const char *params[] = { "per_page", "50", "cursor", NULL, "full", "true" };
	char *u = url_api_query("https://sentry.io/", segs, 5, params, 3);
	assert_non_null(u);
	assert_string_equal(u, "https://sentry.io/api/0/organizations/acme/issues/42/events/?per_page=50&full=true");
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_query),
		cmocka_unit_test(test_issue_list_sends_every_parameter_in_order),
		cmocka_unit_test(test_issue_list_sends_empty_query),
		cmocka_unit_test(test_issue_list_expands_inbox),
		cmocka_unit_test(test_issue_list_sends_empty_group_stats_period),
		cmocka_unit_test(test_issue_list_skips_empty_project_and_cursor),
		cmocka_unit_test(test_issue_list_cursor_round_trips),
		cmocka_unit_test(test_issue_list_search_text_round_trips),
		cmocka_unit_test(test_base_with_or_without_slash),
		cmocka_unit_test(test_base_with_path_prefix_and_port),
		cmocka_unit_test(test_base_that_is_the_api_root),
		cmocka_unit_test(test_base_query_and_fragment_are_dropped),
		cmocka_unit_test(test_org_slug_is_escaped_never_a_path),
		cmocka_unit_test(test_invalid_base_gives_null),
		cmocka_unit_test(test_missing_org_gives_null),
		cmocka_unit_test(test_org_projects_with_cursor),
		cmocka_unit_test(test_api_segments),
		cmocka_unit_test(test_host_for_error_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
