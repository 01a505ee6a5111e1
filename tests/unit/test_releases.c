/* Release health decoding (real OpenAPI examples, then null, missing and mistyped
 * figures) and the URLs a release query becomes (odd versions are one path segment). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/release.h"
#include "store/release_detail.h"
#include "support/fixture.h"

static void test_release_list_fixture(void **state)
{
	size_t len, n;
	char *body = fixture_read("api/openapi.org-releases.json", &len);
	struct release *list;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_release_list(body, len, &list, &n, &err));
	assert_int_equal(n, 1);
	assert_string_equal(list[0].version, "frontend@1.0.0");
	assert_string_equal(list[0].short_version, "frontend@1.0.0");
	assert_int_equal(list[0].created, 1704067200); /* 2024-01-01T00:00:00Z */
	assert_int_equal(list[0].released, 0);         /* null */
	assert_int_equal(list[0].nprojects, 1);
	assert_string_equal(list[0].projects[0].slug, "sentry");
	assert_string_equal(list[0].projects[0].id, "1");
	assert_false(list[0].projects[0].health.has_health);
	assert_true(list[0].projects[0].health.crash_free_sessions < 0);
	releases_free(list, n);
	strbuf_free(&err);
	free(body);
}

static void test_release_detail_fixture(void **state)
{
	size_t len;
	char *body = fixture_read("api/openapi.release-detail.json", &len);
	struct release r;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_release(body, len, &r, &err));
	assert_string_equal(r.version, "control@abc123");
	assert_int_equal(r.commit_count, 2);
	assert_int_equal(r.deploy_count, 1);
	assert_string_equal(r.last_deploy_environment, "canary-test-control");
	assert_true(r.last_deploy > 0);
	/* healthData with every figure null reads as "not sent", never as zero. */
	assert_int_equal(r.nprojects, 1);
	const struct release_health *h = &r.projects[0].health;
	assert_true(h->crash_free_sessions < 0 && h->crash_free_users < 0 && h->adoption < 0);
	assert_true(h->total_sessions < 0);
	release_free(&r);
	strbuf_free(&err);
	free(body);
}

static void test_health_figures(void **state)
{
	const char body[] =
		"[{\"version\":\"pkg@1.2.3+build\",\"dateCreated\":\"2026-11-20T12:00:00Z\","
		"\"lastDeploy\":null,\"projects\":[{\"id\":11,\"slug\":\"backend\",\"newGroups\":4,"
		"\"hasHealthData\":true,\"healthData\":{\"crashFreeSessions\":99.125,"
		"\"crashFreeUsers\":null,\"adoption\":\"12\",\"totalSessions\":5000,"
		"\"totalSessions24h\":\"700\",\"sessionsCrashed\":-3,"
		"\"stats\":{\"14d\":[[1763596800,10],[1763683200,20],\"x\",[1763769600,-1]]}}},"
		"7,{\"id\":12}]},"
		"{\"versionless\":true}, 3, {\"version\":\"a/b c\",\"projects\":\"no\"}]";
	struct release *list;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_release_list(body, sizeof(body) - 1, &list, &n, &err));
	assert_int_equal(n, 2); /* no version, not an object: skipped */
	assert_string_equal(list[0].version, "pkg@1.2.3+build");
	assert_int_equal(list[0].nprojects, 2);
	const struct release_health *h = &list[0].projects[0].health;
	assert_true(h->has_health);
	assert_true(h->crash_free_sessions == 99.125);
	assert_true(h->crash_free_users < 0);
	assert_true(h->adoption < 0);            /* a string is not a percent */
	assert_int_equal(h->total_sessions, 5000);
	assert_int_equal(h->total_sessions_24h, 700); /* counts may come as digit strings */
	assert_int_equal(list[0].projects[0].new_groups, 4);
	assert_int_equal(h->nstats, 2);          /* buckets that are not [ts, n] are skipped */
	assert_int_equal(h->stats[1], 20);
	assert_false(list[0].projects[1].health.has_health);
	assert_string_equal(list[1].version, "a/b c");
	assert_int_equal(list[1].nprojects, 0);
	releases_free(list, n);
	strbuf_reset(&err);
	assert_false(decode_release_list("{\"detail\":\"x\"}", 14, &list, &n, &err));
	assert_non_null(strstr(strbuf_str(&err), "expected a list of releases, got an object"));
	strbuf_free(&err);
}

static void test_sessions_fixture(void **state)
{
	size_t len;
	char *body = fixture_read("api/openapi.org-sessions.json", &len);
	struct session_counts s;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_session_counts(body, len, "sum(session)", &s, &err));
	assert_int_equal(s.nintervals, 3);
	assert_int_equal(s.intervals[0], 1706513400); /* 2024-01-29T07:30:00Z */
	assert_int_equal(s.ngroups, 2);
	assert_string_equal(s.groups[0].status, "errored");
	assert_int_equal(s.groups[0].total, 1000);
	assert_int_equal(s.groups[0].n, 3);
	assert_int_equal(s.groups[0].series[1], 392);
	assert_string_equal(s.groups[1].status, "healthy");
	assert_int_equal(s.groups[1].series[2], 4751465);
	session_counts_free(&s);
	/* A series shorter than the intervals is padded; another field reads as zero. */
	const char odd[] = "{\"intervals\":[\"2024-01-29T07:30:00Z\",\"bad\"],\"groups\":[{\"by\":{},"
	                   "\"totals\":{},\"series\":{\"sum(session)\":[5]}}, 4]}";
	assert_true(decode_session_counts(odd, sizeof(odd) - 1, "sum(session)", &s, &err));
	assert_int_equal(s.nintervals, 2);
	assert_int_equal(s.intervals[1], 0);
	assert_int_equal(s.ngroups, 1);
	assert_null(s.groups[0].status);
	assert_int_equal(s.groups[0].series[0], 5);
	assert_int_equal(s.groups[0].series[1], 0);
	session_counts_free(&s);
	assert_false(decode_session_counts("[]", 2, "sum(session)", &s, &err));
	strbuf_free(&err);
	free(body);
}

static void test_urls(void **state)
{
	const char *ids[] = { "11" };
	struct release_query q = { .project_ids = ids, .nproject_ids = 1, .environment = "production",
	                           .period = "14d", .version = "2.17", .sort = RELEASE_SORT_SESSIONS };
	char *url = releases_url("https://sentry.io/", "acme", &q);
	assert_string_equal(url, "https://sentry.io/api/0/organizations/acme/releases/?health=1&per_page=25"
	                         "&sort=sessions&flatten=1&summaryStatsPeriod=14d&healthStatsPeriod=14d"
	                         "&project=11&environment=production&query=2.17");
	free(url);
	struct release_query plain = { .sort = RELEASE_SORT_DATE };
	url = releases_url("https://sentry.io/", "acme", &plain);
	assert_string_equal(url, "https://sentry.io/api/0/organizations/acme/releases/?health=1&per_page=25"
	                         "&sort=date");
	free(url);
	/* An odd version is one escaped path segment. */
	url = release_detail_url("https://sentry.io/", "acme", "pkg@1.2.3+build/x y", "11", "24h");
	assert_string_equal(url, "https://sentry.io/api/0/organizations/acme/releases/pkg%401.2.3%2bbuild%2fx%20y/"
	                         "?health=1&project=11&summaryStatsPeriod=24h&healthStatsPeriod=24h");
	free(url);
	url = release_sessions_url("https://sentry.io/", "acme", "my app@1 \"beta\"", "11", NULL, "14d", "12h");
	assert_string_equal(url, "https://sentry.io/api/0/organizations/acme/sessions/?field=sum%28session%29"
	                         "&groupBy=session.status&interval=12h&statsPeriod=14d&project=11"
	                         "&query=release%3a%22my+app%401+%5c%22beta%5c%22%22");
	free(url);
}

static void test_sorts_and_intervals(void **state)
{
	enum release_sort s;
	assert_true(release_sort_parse("crash_free_users", &s));
	assert_int_equal(s, RELEASE_SORT_CRASH_FREE_USERS);
	assert_true(release_sort_needs_flatten(s));
	assert_false(release_sort_needs_flatten(RELEASE_SORT_DATE));
	assert_false(release_sort_parse("semver-ish", &s));
	assert_string_equal(release_chart_interval("24h"), "1h");
	assert_string_equal(release_chart_interval("7d"), "6h");
	assert_string_equal(release_chart_interval("14d"), "12h");
	assert_string_equal(release_chart_interval("30d"), "1d");
	assert_string_equal(release_chart_interval("garbage"), "1h");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_release_list_fixture),
		cmocka_unit_test(test_release_detail_fixture),
		cmocka_unit_test(test_health_figures),
		cmocka_unit_test(test_sessions_fixture),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_sorts_and_intervals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
