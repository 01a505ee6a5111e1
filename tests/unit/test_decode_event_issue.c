/* The rest of the issue screen's data: issue detail (releases, 24h/30d counts, how it
 * was resolved or archived in words, the assignee), tag distributions and the event
 * list, from the real fixtures and from the statusDetails forms of docs/sentry-api.md §3.4
 * and §8.2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/event.h"
#include "api/model.h"
#include "tests/unit/support/fixture.h"
#include "util/strbuf.h"

/* ---- helpers ----------------------------------------------------------------------- */

/* A fixture from the api/ folder of the fixtures directory (tests/unit/support/fixture.h). */
static char *read_fixture(const char *name, size_t *len)
{
	struct strbuf rel = STRBUF_INIT;
	strbuf_addf(&rel, "api/%s", name);
	char *body = fixture_read(strbuf_str(&rel), len);
	strbuf_free(&rel);
	return body;
}

static void decode_detail_fixture(const char *name, struct issue_detail *d)
{
	size_t len;
	char *body = read_fixture(name, &len);
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_issue_detail(body, len, d, &err);
	free(body);
	if (!ok)
		fail_msg("%s: %s", name, strbuf_str(&err));
	strbuf_free(&err);
}

/* openapi.issue-detail.json with status, substatus and statusDetails (JSON text, NULL to
 * remove the member) replaced: the same issue as Sentry reports it in another state. */
static void decode_status_variant(const char *status, const char *substatus, const char *details,
                                  struct issue_detail *d)
{
	size_t len;
	char *body = read_fixture("openapi.issue-detail.json", &len);
	json_error_t error;
	json_t *root = json_loadb(body, len, 0, &error);
	free(body);
	assert_non_null(root);
	json_object_set_new(root, "status", status ? json_string(status) : json_null());
	json_object_set_new(root, "substatus", substatus ? json_string(substatus) : json_null());
	if (details) {
		json_t *value = json_loads(details, JSON_DECODE_ANY, &error);
		if (!value)
			fail_msg("bad test JSON %s: %s", details, error.text);
		json_object_set_new(root, "statusDetails", value);
	} else {
		json_object_del(root, "statusDetails");
	}
	char *text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_issue_detail(text, strlen(text), d, &err);
	free(text);
	if (!ok)
		fail_msg("%s/%s: %s", status, details ? details : "-", strbuf_str(&err));
	strbuf_free(&err);
}

/* The status line the detail header shows for that state. */
static void assert_status_text(const char *status, const char *substatus, const char *details,
                               const char *expected)
{
	struct issue_detail d;
	decode_status_variant(status, substatus, details, &d);
	if (expected)
		assert_string_equal(d.status_text, expected);
	else
		assert_null(d.status_text);
	issue_detail_free(&d);
}

static void assert_detail_refused(const char *body, const char *expected_error)
{
	struct issue_detail d;
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_issue_detail(body, strlen(body), &d, &err));
	assert_string_equal(strbuf_str(&err), expected_error);
	issue_detail_free(&d);
	strbuf_free(&err);
}

/* ---- issue detail ------------------------------------------------------------------ */

static void test_openapi_issue_detail(void **state)
{
	(void)state;
	struct issue_detail d;
	decode_detail_fixture("openapi.issue-detail.json", &d);
	assert_string_equal(d.issue.id, "1");
	assert_string_equal(d.issue.short_id, "PUMP-STATION-1");
	assert_string_equal(d.issue.title, "This is an example Python exception");
	assert_string_equal(d.first_release, "17642328ead24b51867165985996d04b29310337");
	assert_null(d.last_release); /* null */
	assert_int_equal(d.nstats_30d, 2);
	assert_int_equal(d.stats_30d[0], 565);
	assert_int_equal(d.stats_30d[1], 12862);
	assert_int_equal(d.events_24h, 557 + 473);
	assert_int_equal(d.events_30d, 565 + 12862);
	assert_true(d.has_events_24h);
	assert_true(d.has_events_30d);
	assert_null(d.status_text); /* unresolved, ongoing */
	assert_string_equal(d.assignee_text, "John Doe");
	assert_int_equal(d.archived_until, 0);
	issue_detail_free(&d);
	assert_null(d.first_release); /* zeroed */
}

static void test_mcp_issue_detail(void **state)
{
	(void)state;
	struct issue_detail d;
	decode_detail_fixture("sentry-mcp.issue-detail.json", &d);
	assert_string_equal(d.issue.short_id, "CLOUDFLARE-MCP-41");
	assert_null(d.first_release);
	assert_null(d.last_release);
	assert_int_equal(d.nstats_30d, 31);
	assert_int_equal(d.stats_30d[25], 20); /* 2025-04-08, the busy day */
	assert_int_equal(d.stats_30d[30], 0);
	assert_int_equal(d.events_30d, 25);
	assert_int_equal(d.events_24h, 0);
	assert_true(d.has_events_24h); /* 24 buckets of 0: counted, none */
	assert_null(d.status_text);
	assert_string_equal(d.assignee_text, "Jane Developer");
	issue_detail_free(&d);
}

static void test_mcp_regressed_and_performance_issues(void **state)
{
	(void)state;
	struct issue_detail d;
	decode_detail_fixture("sentry-mcp.issue-regressed.json", &d);
	assert_string_equal(d.issue.substatus, "regressed");
	assert_string_equal(d.status_text, "regressed");
	assert_null(d.assignee_text);
	assert_int_equal(d.nstats_30d, 0); /* "stats": {} */
	assert_int_equal(d.events_30d, 0);
	assert_false(d.has_events_24h); /* not counted, rather than zero */
	assert_false(d.has_events_30d);
	issue_detail_free(&d);

	decode_detail_fixture("sentry-mcp.issue-performance.json", &d);
	assert_string_equal(d.issue.title, "N+1 Query: SELECT * FROM users WHERE id = %s");
	assert_null(d.status_text);
	assert_null(d.first_release);
	assert_null(d.stats_30d);
	issue_detail_free(&d);
}

static void test_resolved_status_texts(void **state)
{
	(void)state;
	assert_status_text("resolved", NULL,
	                   "{\"inNextRelease\":true,\"actor\":{\"id\":\"1\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}}",
	                   "resolved in the next release by Jane Doe");
	assert_status_text("resolved", NULL, "{\"inNextRelease\":true}", "resolved in the next release");
	assert_status_text("resolved", NULL, "{\"inRelease\":\"1.2.3\"}", "resolved in 1.2.3");
	assert_status_text("resolved", NULL, "{\"inRelease\":\"web@2.0\",\"actor\":{\"email\":\"ops@example.com\"}}",
	                   "resolved in web@2.0 by ops@example.com");
	assert_status_text("resolved", NULL,
	                   "{\"inCommit\":{\"id\":\"a1b2c3d4e5f60718\",\"repository\":{\"name\":\"acme/web\"}}}",
	                   "resolved in commit a1b2c3d");
	assert_status_text("resolved", NULL, "{\"inCommit\":\"ffeeddccbbaa\"}", "resolved in commit ffeeddc");
	assert_status_text("resolved", NULL, "{\"autoResolved\":true}", "auto-resolved");
	assert_status_text("resolved", NULL, "{}", "resolved");
	assert_status_text("resolved", NULL, NULL, "resolved");
	assert_status_text("resolved", NULL, "\"weird\"", "resolved");
	assert_status_text("resolvedInNextRelease", NULL, "{}", "resolved in the next release");
}

static void test_archived_status_texts(void **state)
{
	(void)state;
	assert_status_text("ignored", "archived_until_escalating", "{}", "archived until escalating");
	assert_status_text("ignored", NULL, "{\"ignoreUntilEscalating\":true}", "archived until escalating");
	assert_status_text("ignored", "archived_forever", "{}", "archived forever");
	assert_status_text("ignored", NULL, "{}", "archived forever");
	assert_status_text("muted", NULL, NULL, "archived forever");
	assert_status_text("ignored", "archived_until_condition_met", "{\"ignoreDuration\":30}",
	                   "archived for 30 minutes");
	assert_status_text("ignored", "archived_until_condition_met", "{\"ignoreCount\":100,\"ignoreWindow\":60}",
	                   "archived until 100 more events in 60 minutes");
	/* The GET form: every key present, the unused ones null. */
	assert_status_text("ignored", "archived_until_condition_met",
	                   "{\"ignoreCount\":1,\"ignoreUntil\":null,\"ignoreUserCount\":null,"
	                   "\"ignoreUserWindow\":null,\"ignoreWindow\":null,\"actor\":null}",
	                   "archived until 1 more event");
	assert_status_text("ignored", "archived_until_condition_met", "{\"ignoreCount\":\"250\"}",
	                   "archived until 250 more events");
	assert_status_text("ignored", "archived_until_condition_met", "{\"ignoreUserCount\":10}",
	                   "archived until 10 more users");
	assert_status_text("ignored", "archived_until_condition_met",
	                   "{\"ignoreUserCount\":1,\"ignoreUserWindow\":1}", "archived until 1 more user in 1 minute");
	assert_status_text("ignored", "archived_until_condition_met", "{\"ignoreCount\":-5}",
	                   "archived until a condition is met");
	assert_status_text("ignored", "archived_until_condition_met", "{}", "archived until a condition is met");

	struct issue_detail d;
	decode_status_variant("ignored", "archived_until_condition_met",
	                      "{\"ignoreUntil\":\"2026-11-20T12:30:00Z\",\"ignoreCount\":null}", &d);
	assert_string_equal(d.status_text, "archived until 2026-11-20 12:30 UTC");
	assert_int_equal(d.archived_until, 1795177800);
	issue_detail_free(&d);
}

static void test_other_status_texts(void **state)
{
	(void)state;
	assert_status_text("unresolved", "ongoing", "{}", NULL);
	assert_status_text("unresolved", "new", "{}", NULL);
	assert_status_text("unresolved", NULL, "{}", NULL);
	assert_status_text("unresolved", "regressed", "{}", "regressed");
	assert_status_text("unresolved", "escalating", "{}", "escalating");
	assert_status_text("reprocessing", NULL, "{\"pendingEvents\":3,\"info\":{}}", "reprocessing");
	assert_status_text("pending_deletion", NULL, "{}", "pending deletion");
	assert_status_text(NULL, NULL, "{\"inNextRelease\":true}", NULL);
}

static void test_detail_variants(void **state)
{
	(void)state;
	const char *body =
		"{\"id\":77,\"title\":\"T\",\"assignedTo\":{\"type\":\"team\",\"id\":\"2\",\"name\":\"backend-team\"},"
		"\"firstRelease\":\"1.0.0\",\"lastRelease\":{\"version\":null,\"shortVersion\":\"x\"},"
		"\"stats\":{\"24h\":\"none\",\"30d\":[[1,\"x\"],[2,-1],[3,5],null,[4],[5,2.0]]}}";
	struct issue_detail d;
	assert_true(decode_issue_detail(body, strlen(body), &d, NULL));
	assert_string_equal(d.issue.id, "77");
	assert_string_equal(d.assignee_text, "#backend-team");
	assert_string_equal(d.first_release, "1.0.0");
	assert_null(d.last_release);
	assert_int_equal(d.nstats_30d, 2); /* only [3,5] and [5,2.0] are buckets */
	assert_int_equal(d.stats_30d[0], 5);
	assert_int_equal(d.events_30d, 7);
	assert_int_equal(d.events_24h, 0);
	assert_true(d.has_events_30d);
	assert_false(d.has_events_24h); /* "none": no series */
	issue_detail_free(&d);

	/* A long series: the newest MODEL_MAX_STATS buckets kept, every one counted. */
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"id\":\"1\",\"stats\":{\"30d\":[");
	for (int i = 0; i < MODEL_MAX_STATS + 100; i++)
		strbuf_addf(&json, "%s[%d,%d]", i ? "," : "", 1000 + i, i);
	strbuf_adds(&json, "],\"24h\":[[1,4294967295],[2,4294967295],[3,1]]}}");
	assert_true(decode_issue_detail(json.buf, json.len, &d, NULL));
	strbuf_free(&json);
	assert_int_equal(d.nstats_30d, MODEL_MAX_STATS);
	assert_int_equal(d.stats_30d[0], 100);
	assert_int_equal(d.stats_30d[MODEL_MAX_STATS - 1], MODEL_MAX_STATS + 99);
	assert_int_equal(d.events_30d, (uint64_t)(MODEL_MAX_STATS + 100) * (MODEL_MAX_STATS + 99) / 2);
	assert_int_equal(d.events_24h, 2ULL * 4294967295ULL + 1);
	issue_detail_free(&d);
}

static void test_detail_refusals(void **state)
{
	(void)state;
	assert_detail_refused("[{\"id\":\"1\"}]", "expected an issue, got a list");
	assert_detail_refused("{\"title\":\"no id\"}", "expected an issue, got an object without an id");
	assert_detail_refused("{\"detail\":\"The requested resource does not exist\"}",
	                      "expected an issue, got an object: The requested resource does not exist");
	assert_detail_refused("", "empty response body");
	/* jansson's own words for a body that is not JSON; their wording is its business. */
	struct issue_detail d;
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_issue_detail("Bad Gateway", 11, &d, &err));
	assert_int_equal(strncmp(strbuf_str(&err), "line 1 column ", 14), 0);
	strbuf_free(&err);
}

/* ---- tags -------------------------------------------------------------------------- */

static void decode_tags_text(const char *body, size_t len, struct tag_key **keys, size_t *n)
{
	struct strbuf err = STRBUF_INIT;
	if (!decode_issue_tags(body, len, keys, n, &err))
		fail_msg("%s", strbuf_str(&err));
	strbuf_free(&err);
}

static void assert_flavors(const struct tag_key *k)
{
	assert_string_equal(k->key, "flavors");
	assert_string_equal(k->name, "Flavors");
	assert_int_equal(k->total_values, 3);
	assert_int_equal(k->unique_values, 2);
	assert_int_equal(k->ntop, 2);
	assert_string_equal(k->top[0].value, "strawberry");
	assert_string_equal(k->top[0].name, "Strawberry");
	assert_int_equal(k->top[0].count, 2);
	assert_int_equal(k->top[0].last_seen, 1704067200); /* 2024-01-01T00:00:00Z */
	assert_null(k->top[0].query);
	assert_string_equal(k->top[1].value, "vanilla");
	assert_int_equal(k->top[1].count, 1);
}

static void assert_urls(const struct tag_key *k)
{
	assert_string_equal(k->key, "url");
	assert_string_equal(k->name, "URL");
	assert_int_equal(k->total_values, 156);
	assert_int_equal(k->unique_values, 0); /* not sent */
	assert_int_equal(k->ntop, 5);
	/* "key" in a top value names the tag; the value is "value". */
	assert_string_equal(k->top[0].value, "/upload/github/org/repo/commit/abc123");
	assert_int_equal(k->top[0].count, 45);
	assert_int_equal(k->top[0].last_seen, 1705314600); /* 2024-01-15T10:30:00.000Z */
	assert_string_equal(k->top[4].value, "/checkout/payment");
	assert_int_equal(k->top[4].count, 15);
}

static void test_single_tag_key_fixtures(void **state)
{
	(void)state;
	struct tag_key *keys;
	size_t n, len;
	char *body = read_fixture("openapi.issue-tag-detail.json", &len);
	decode_tags_text(body, len, &keys, &n);
	free(body);
	assert_int_equal(n, 1);
	assert_flavors(&keys[0]);
	tag_keys_free(keys, n);

	body = read_fixture("sentry-mcp.issue-tag-detail.url.json", &len);
	decode_tags_text(body, len, &keys, &n);
	free(body);
	assert_int_equal(n, 1);
	assert_urls(&keys[0]);
	tag_keys_free(keys, n);
}

static void test_tag_list(void **state)
{
	(void)state;
	size_t len1, len2;
	char *flavors = read_fixture("openapi.issue-tag-detail.json", &len1);
	char *urls = read_fixture("sentry-mcp.issue-tag-detail.url.json", &len2);
	struct strbuf list = STRBUF_INIT;
	strbuf_addc(&list, '[');
	strbuf_add(&list, flavors, len1);
	strbuf_adds(&list, ",null,{\"name\":\"no key\"},");
	strbuf_add(&list, urls, len2);
	strbuf_addc(&list, ']');
	free(flavors);
	free(urls);
	struct tag_key *keys;
	size_t n;
	decode_tags_text(list.buf, list.len, &keys, &n);
	strbuf_free(&list);
	assert_int_equal(n, 2); /* order as sent; key-less entries skipped */
	assert_flavors(&keys[0]);
	assert_urls(&keys[1]);
	tag_keys_free(keys, n);

	/* GlitchTip (and the user tag): no dates, a query, counts as strings. */
	const char *glitchtip = "[{\"key\":\"user\",\"name\":\"User\",\"totalValues\":\"2\",\"uniqueValues\":1,"
	                        "\"topValues\":[{\"key\":\"user\",\"name\":\"jane@example.com\",\"value\":\"id:12\","
	                        "\"count\":\"2\",\"query\":\"user.id:12\"}]},{\"key\":\"empty\",\"topValues\":null}]";
	decode_tags_text(glitchtip, strlen(glitchtip), &keys, &n);
	assert_int_equal(n, 2);
	assert_int_equal(keys[0].total_values, 2);
	assert_string_equal(keys[0].top[0].value, "id:12");
	assert_string_equal(keys[0].top[0].name, "jane@example.com");
	assert_string_equal(keys[0].top[0].query, "user.id:12");
	assert_int_equal(keys[0].top[0].count, 2);
	assert_int_equal(keys[0].top[0].last_seen, 0);
	assert_string_equal(keys[1].name, "empty"); /* no name: the key */
	assert_int_equal(keys[1].ntop, 0);
	tag_keys_free(keys, n);
}

static void test_tag_junk_and_refusals(void **state)
{
	(void)state;
	const char *junk = "[{\"key\":5},{\"key\":\"a\",\"totalValues\":-3,\"topValues\":[null,{\"value\":null},"
	                   "{\"value\":{\"x\":1}},{\"value\":7,\"count\":\"3\"},{\"name\":\"no value\"}]}]";
	struct tag_key *keys;
	size_t n;
	decode_tags_text(junk, strlen(junk), &keys, &n);
	assert_int_equal(n, 1);
	assert_string_equal(keys[0].key, "a");
	assert_int_equal(keys[0].total_values, 0);
	assert_int_equal(keys[0].ntop, 1);
	assert_string_equal(keys[0].top[0].value, "7");
	assert_string_equal(keys[0].top[0].name, "7");
	assert_int_equal(keys[0].top[0].count, 3);
	tag_keys_free(keys, n);

	decode_tags_text("[]", 2, &keys, &n);
	assert_int_equal(n, 0);
	assert_non_null(keys);
	tag_keys_free(keys, n);

	struct strbuf err = STRBUF_INIT;
	const char *error_body = "{\"detail\":\"You do not have permission to perform this action.\"}";
	assert_false(decode_issue_tags(error_body, strlen(error_body), &keys, &n, &err));
	assert_string_equal(strbuf_str(&err),
	                    "expected a list of tags, got an object: You do not have permission to perform this action.");
	assert_null(keys);
	assert_int_equal(n, 0);
	strbuf_reset(&err);
	assert_false(decode_issue_tags("<html>", 6, &keys, &n, &err));
	assert_true(err.len > 0);
	strbuf_free(&err);
}

/* ---- event list -------------------------------------------------------------------- */

static void test_openapi_event_list(void **state)
{
	(void)state;
	size_t len, n;
	char *body = read_fixture("openapi.issue-events-list.json", &len);
	struct event_summary *rows;
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_event_list(body, len, &rows, &n, &err);
	free(body);
	if (!ok)
		fail_msg("%s", strbuf_str(&err));
	strbuf_free(&err);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].id, "9fac2ceed9344f2bbfdd1fdacb0ed9b1"); /* eventID */
	assert_string_equal(rows[0].title, "This is an example Python exception");
	assert_null(rows[0].message); /* "" */
	assert_int_equal(rows[0].date_created, 1599846396); /* 2020-09-11T17:46:36Z */
	assert_string_equal(rows[0].environment, "production");
	assert_string_equal(rows[0].release, "17642328ead24b51867165985996d04b29310337");
	assert_null(rows[0].user);
	assert_string_equal(rows[0].platform, "python");
	event_summaries_free(rows, n);
}

static void test_event_list_variants(void **state)
{
	(void)state;
	const char *body =
		"[null,7,{\"title\":\"no id\"},"
		"{\"id\":\"a1\",\"user\":{\"email\":null,\"username\":\"jane\",\"id\":42},\"environment\":\"staging\","
		"\"release\":{\"version\":\"web@1\"}},"
		"{\"eventID\":\"b2\",\"user\":{\"id\":42},\"tags\":[[\"environment\",\"prod\"]],\"environment\":\"staging\"},"
		"{\"eventID\":\"c3\",\"user\":null,\"tags\":{\"user\":\"ip:1.2.3.4\",\"release\":\"2.0\"}},"
		"{\"eventID\":\"d4\",\"user\":{\"email\":\"x@example.com\",\"ip_address\":\"1.2.3.4\"}}]";
	struct event_summary *rows;
	size_t n;
	assert_true(decode_event_list(body, strlen(body), &rows, &n, NULL));
	assert_int_equal(n, 4);
	assert_string_equal(rows[0].id, "a1");
	assert_string_equal(rows[0].user, "jane");
	assert_string_equal(rows[0].environment, "staging");
	assert_string_equal(rows[0].release, "web@1");
	assert_string_equal(rows[1].user, "42");
	assert_string_equal(rows[1].environment, "prod"); /* the tag, as Sentry's list shows */
	assert_string_equal(rows[2].user, "ip:1.2.3.4");
	assert_string_equal(rows[2].release, "2.0");
	assert_string_equal(rows[3].user, "x@example.com");
	event_summaries_free(rows, n);

	struct strbuf err = STRBUF_INIT;
	assert_false(decode_event_list("{\"eventID\":\"x\"}", 15, &rows, &n, &err));
	assert_string_equal(strbuf_str(&err), "expected a list of events, got an object");
	assert_null(rows);
	strbuf_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_openapi_issue_detail),
		cmocka_unit_test(test_mcp_issue_detail),
		cmocka_unit_test(test_mcp_regressed_and_performance_issues),
		cmocka_unit_test(test_resolved_status_texts),
		cmocka_unit_test(test_archived_status_texts),
		cmocka_unit_test(test_other_status_texts),
		cmocka_unit_test(test_detail_variants),
		cmocka_unit_test(test_detail_refusals),
		cmocka_unit_test(test_single_tag_key_fixtures),
		cmocka_unit_test(test_tag_list),
		cmocka_unit_test(test_tag_junk_and_refusals),
		cmocka_unit_test(test_openapi_event_list),
		cmocka_unit_test(test_event_list_variants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
