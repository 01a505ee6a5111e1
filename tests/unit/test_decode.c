/* Decoders against real Sentry payloads (tests/fixtures/sentry/api) and against the
 * ways a server or a proxy gets them wrong. Each assertion is something the issue list,
 * the detail view or the status line would show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/model.h"
#include "tests/unit/support/fixture.h"
#include "tests/unit/support/text_checks.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

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

struct decoded {
	struct issue **issues;
	size_t n;
	size_t skipped;
	struct strbuf err;
};

static bool decode_list_text(const char *body, size_t len, struct decoded *d)
{
	memset(d, 0, sizeof(*d));
	return decode_issue_list(body, len, &d->issues, &d->n, &d->skipped, &d->err);
}

static void decoded_free(struct decoded *d)
{
	issue_list_free(d->issues, d->n);
	strbuf_free(&d->err);
	memset(d, 0, sizeof(*d));
}

static void decode_fixture_list(const char *name, struct decoded *d)
{
	size_t len;
	char *body = read_fixture(name, &len);
	bool ok = decode_list_text(body, len, d);
	free(body);
	if (!ok)
		fail_msg("%s: %s", name, strbuf_str(&d->err));
}

/* One issue object from a fixture file: the top level, or the member that holds it ("group"). */
static void decode_fixture_issue(const char *name, const char *member, struct issue *out)
{
	size_t len;
	char *body = read_fixture(name, &len);
	struct strbuf err = STRBUF_INIT;
	json_t *root = decode_json(body, len, &err);
	free(body);
	if (!root)
		fail_msg("%s: %s", name, strbuf_str(&err));
	strbuf_free(&err);
	bool ok = decode_issue(member ? json_object_get(root, member) : root, out);
	json_decref(root);
	assert_true(ok);
}

/* The org issue list fixture with its one issue's member key set to value_json (NULL
 * removes the member), decoded again: the fixture as a server that got one thing wrong
 * would send it. */
static struct issue *decode_variant(const char *key, const char *value_json, struct decoded *d)
{
	size_t len;
	char *body = read_fixture("openapi.org-issues-list.json", &len);
	json_error_t error;
	json_t *root = json_loadb(body, len, 0, &error);
	free(body);
	assert_non_null(root);
	json_t *issue = json_array_get(root, 0);
	if (value_json) {
		json_t *value = json_loads(value_json, JSON_DECODE_ANY | JSON_ALLOW_NUL, &error);
		if (!value)
			fail_msg("bad test JSON %s: %s", value_json, error.text);
		json_object_set_new(issue, key, value);
	} else {
		json_object_del(issue, key);
	}
	char *text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	bool ok = decode_list_text(text, strlen(text), d);
	free(text);
	if (!ok)
		fail_msg("%s=%s: %s", key, value_json ? value_json : "(removed)", strbuf_str(&d->err));
	assert_int_equal(d->n, 1);
	return d->issues[0];
}

static struct issue *decode_one(const char *json, struct decoded *d)
{
	if (!decode_list_text(json, strlen(json), d))
		fail_msg("%s: %s", json, strbuf_str(&d->err));
	assert_int_equal(d->n, 1);
	return d->issues[0];
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- fixtures ---------------------------------------------------------------------- */

static void test_org_issue_list_fixture(void **state)
{
	struct decoded d;
	decode_fixture_list("openapi.org-issues-list.json", &d);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.skipped, 0);
	const struct issue *is = d.issues[0];
	assert_string_equal(is->id, "1");
	assert_string_equal(is->short_id, "PUMP-STATION-1");
	assert_string_equal(is->title, "This is an example Python exception");
	assert_string_equal(is->culprit, "raven.scripts.runner in main");
	assert_int_equal(is->level, LEVEL_ERROR);
	assert_string_equal(is->level_name, "error");
	assert_string_equal(is->status, "ignored");
	assert_string_equal(is->substatus, "archived_until_condition_met");
	assert_string_equal(is->priority, "medium");
	assert_string_equal(is->type, "default");
	assert_string_equal(is->platform, "python");
	assert_string_equal(is->permalink,
	                    "https://sentry.io/the-interstellar-jurisdiction/pump-station/issues/1/");
	assert_true(is->has_count);
	assert_int_equal(is->count, 150); /* from the string "150" */
	assert_int_equal(is->user_count, 0);
	assert_int_equal(is->first_seen, 1541539195); /* 2018-11-06T21:19:55Z */
	assert_int_equal(is->last_seen, 1544131195);  /* 2018-12-06T21:19:55Z */
	assert_false(is->is_bookmarked);
	assert_false(is->has_seen);
	assert_true(is->is_subscribed);
	assert_false(is->is_unhandled);
	assert_int_equal(is->num_comments, 0);
	assert_string_equal(is->project_id, "2");
	assert_string_equal(is->project_slug, "pump-station");
	assert_string_equal(is->project_name, "Pump Station");
	assert_non_null(is->assigned_to);
	assert_string_equal(is->assigned_to->type, "user");
	assert_string_equal(is->assigned_to->id, "1");
	assert_string_equal(is->assigned_to->name, "John Doe");
	assert_string_equal(is->assigned_to->email, "john.doe@example.com");
	assert_string_equal(is->stats_period, "24h");
	assert_int_equal(is->nstats, 24);
	assert_int_equal(is->stats[0], 473);
	assert_int_equal(is->stats[1], 914);
	assert_int_equal(is->stats[23], 943);
	decoded_free(&d);
}

static void test_project_issue_list_fixture(void **state)
{
	struct decoded d;
	decode_fixture_list("openapi.project-issues-list.json", &d);
	assert_int_equal(d.n, 1);
	const struct issue *is = d.issues[0];
	assert_string_equal(is->id, "1");
	assert_int_equal(is->count, 1);
	assert_string_equal(is->status, "unresolved");
	assert_null(is->assigned_to); /* "assignedTo": null = unassigned */
	assert_null(is->substatus);   /* not sent by this endpoint */
	assert_null(is->priority);
	assert_null(is->platform);
	assert_string_equal(is->project_slug, "pump-station");
	assert_int_equal(is->first_seen, 1541539195);
	assert_int_equal(is->last_seen, 1541539195);
	assert_int_equal(is->nstats, 24);
	assert_int_equal(is->stats[0], 473);
	decoded_free(&d);
}

static void test_minimal_issue_list_fixture(void **state)
{
	/* sentry-cli's trimmed list: six fields per issue, everything else absent. */
	struct decoded d;
	decode_fixture_list("sentry-cli.project-issues-list.min.json", &d);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.skipped, 0);
	assert_string_equal(d.issues[0]->id, "4242424243");
	assert_string_equal(d.issues[0]->short_id, "SEN-CLI-L");
	assert_string_equal(d.issues[0]->title,
	                    "ProgrammingError: column users_user.role does not exist");
	assert_int_equal(d.issues[0]->last_seen, 1689639121); /* fraction .222387 dropped */
	assert_string_equal(d.issues[1]->status, "resolved");
	assert_int_equal(d.issues[1]->level, LEVEL_INFO);
	assert_string_equal(d.issues[2]->short_id, "SEN-CLI-1");
	assert_string_equal(d.issues[2]->title, "NameError: name 'jobs' is not defined");
	assert_string_equal(d.issues[2]->status, "ignored");
	assert_int_equal(d.issues[2]->level, LEVEL_ERROR);
	for (size_t i = 0; i < d.n; i++) {
		const struct issue *is = d.issues[i];
		assert_false(is->has_count);
		assert_int_equal(is->count, 0);
		assert_null(is->culprit);
		assert_null(is->project_slug);
		assert_null(is->assigned_to);
		assert_null(is->stats);
		assert_int_equal(is->nstats, 0);
		assert_null(is->stats_period);
		assert_int_equal(is->first_seen, 0);
	}
	decoded_free(&d);
}

static void test_issue_detail_fixture_prefers_24h_series(void **state)
{
	struct issue is;
	decode_fixture_issue("openapi.issue-detail.json", NULL, &is);
	assert_string_equal(is.id, "1");
	assert_string_equal(is.substatus, "ongoing");
	assert_int_equal(is.user_count, 12);
	assert_int_equal(is.count, 150);
	/* Both "24h" and "30d" are present; the sparkline uses 24h. */
	assert_string_equal(is.stats_period, "24h");
	assert_int_equal(is.nstats, 2);
	assert_int_equal(is.stats[0], 557);
	assert_int_equal(is.stats[1], 473);
	assert_string_equal(is.assigned_to->name, "John Doe");
	issue_free(&is);
	assert_null(is.id); /* freed and zeroed */
}

static void test_mcp_issue_detail_fixture(void **state)
{
	struct issue is;
	decode_fixture_issue("sentry-mcp.issue-detail.json", NULL, &is);
	assert_string_equal(is.id, "6507376925");
	assert_string_equal(is.short_id, "CLOUDFLARE-MCP-41");
	assert_string_equal(is.title, "Error: Tool list_organizations is already registered");
	assert_string_equal(is.culprit, "Object.fetch(index)");
	assert_int_equal(is.level, LEVEL_ERROR);
	assert_string_equal(is.type, "error");
	assert_string_equal(is.platform, "javascript");
	assert_int_equal(is.count, 25);
	assert_int_equal(is.user_count, 1);
	assert_true(is.is_unhandled);
	assert_true(is.has_seen);
	assert_false(is.is_subscribed);
	assert_int_equal(is.first_seen, 1743720679); /* 2025-04-03T22:51:19.403000Z */
	assert_int_equal(is.last_seen, 1744457651);
	assert_string_equal(is.project_id, "4509062593708032");
	assert_string_equal(is.project_slug, "CLOUDFLARE-MCP");
	assert_string_equal(is.assigned_to->type, "user");
	assert_string_equal(is.assigned_to->id, "12345");
	assert_string_equal(is.assigned_to->name, "Jane Developer");
	assert_string_equal(is.stats_period, "24h");
	assert_int_equal(is.nstats, 25);
	for (size_t i = 0; i < is.nstats; i++)
		assert_int_equal(is.stats[i], 0);
	issue_free(&is);
}

static void test_regressed_issue_fixture(void **state)
{
	struct issue is;
	decode_fixture_issue("sentry-mcp.issue-regressed.json", NULL, &is);
	assert_string_equal(is.short_id, "MCP-SERVER-EQE");
	assert_string_equal(is.substatus, "regressed");
	assert_int_equal(is.level, LEVEL_INFO);
	assert_string_equal(is.type, "generic");
	assert_null(is.assigned_to);
	assert_int_equal(is.count, 3);
	assert_int_equal(is.first_seen, 1758682930); /* 2025-09-24T03:02:10.919020Z */
	/* "stats": {} has no series: no sparkline rather than an empty one. */
	assert_null(is.stats);
	assert_int_equal(is.nstats, 0);
	assert_null(is.stats_period);
	issue_free(&is);
}

static void test_performance_issue_fixture(void **state)
{
	struct issue is;
	decode_fixture_issue("sentry-mcp.issue-performance.json", NULL, &is);
	assert_string_equal(is.short_id, "PERF-N1-001");
	assert_string_equal(is.title, "N+1 Query: SELECT * FROM users WHERE id = %s");
	assert_int_equal(is.level, LEVEL_WARNING);
	assert_string_equal(is.level_name, "warning");
	assert_string_equal(is.type, "performance_n_plus_one_db_queries");
	assert_string_equal(is.culprit, "GET /api/users");
	assert_int_equal(is.user_count, 5);
	assert_string_equal(is.priority, "medium");
	issue_free(&is);
}

static void test_shortid_lookup_group(void **state)
{
	struct issue is;
	decode_fixture_issue("openapi.shortid-lookup.json", "group", &is);
	assert_string_equal(is.id, "1");
	assert_string_equal(is.short_id, "PUMP-STATION-1");
	assert_string_equal(is.substatus, "ongoing");
	assert_int_equal(is.count, 1);
	/* Same actor, keys in another order. */
	assert_string_equal(is.assigned_to->type, "user");
	assert_string_equal(is.assigned_to->email, "john@example.com");
	assert_null(is.stats);
	issue_free(&is);
}

static void test_org_projects_fixture(void **state)
{
	size_t len, n;
	char *body = read_fixture("openapi.org-projects.json", &len);
	struct project *projects;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_project_list(body, len, &projects, &n, &err));
	free(body);
	assert_int_equal(n, 1);
	assert_string_equal(projects[0].id, "3");
	assert_string_equal(projects[0].slug, "prime-mover");
	assert_string_equal(projects[0].name, "Prime Mover");
	assert_string_equal(projects[0].platform, "");
	assert_int_equal(projects[0].nenvironments, 1);
	assert_string_equal(projects[0].environments[0], "local");
	project_list_free(projects, n);
	strbuf_free(&err);
}

/* A raw invalid byte inside a string (no JSON escape can express it) must not sink the
 * whole list: it becomes U+FFFD, and the rest of the title survives. */
static void test_invalid_utf8_in_list(void **state)
{
	const char body[] = "[{\"id\":\"7\",\"title\":\"bad \xff\xfe byte\"},{\"id\":\"8\",\"title\":\"ok\"}]";
	struct issue **issues;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	assert_true(decode_issue_list(body, sizeof(body) - 1, &issues, &n, NULL, &err));
	assert_int_equal(n, 2);
	assert_string_equal(issues[0]->title, "bad \xef\xbf\xbd\xef\xbf\xbd byte");
	assert_string_equal(issues[1]->title, "ok");
	issue_list_free(issues, n);
	strbuf_free(&err);
}

/* ---- a server that sends the wrong types --------------------------------------------- */

static void test_count_as_number_or_huge(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("count", "150", &d);
	assert_true(is->has_count);
	assert_int_equal(is->count, 150);
	decoded_free(&d);

	is = decode_variant("count", "\"12345678901234\"", &d); /* > 2^32 */
	assert_true(is->count == 12345678901234ULL);
	decoded_free(&d);

	is = decode_variant("count", "12345678901234", &d);
	assert_true(is->count == 12345678901234ULL);
	decoded_free(&d);

	is = decode_variant("count", "\"99999999999999999999999\"", &d); /* beyond 2^64: saturates */
	assert_true(is->has_count);
	assert_true(is->count == UINT64_MAX);
	decoded_free(&d);
}

static void test_count_garbage_is_no_count(void **state)
{
	/* "-1" through plain strtoull would show 18446744073709551615 events. */
	static const char *const bad[] = {
		"\"-1\"", "\" 12\"", "\"12abc\"", "\"\"", "-5", "null", "true", "[150]", "{}",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct decoded d;
		struct issue *is = decode_variant("count", bad[i], &d);
		if (is->has_count)
			fail_msg("count %s decoded as %llu", bad[i], (unsigned long long)is->count);
		assert_int_equal(is->count, 0);
		assert_string_equal(is->title, "This is an example Python exception");
		decoded_free(&d);
	}
}

static void test_id_as_number(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("id", "4242424243", &d);
	assert_string_equal(is->id, "4242424243");
	decoded_free(&d);
	is = decode_variant("id", "6507376925.0", &d);
	assert_string_equal(is->id, "6507376925");
	decoded_free(&d);
	is = decode_one("[{\"id\":1,\"project\":{\"id\":4509062593708032,\"slug\":\"app\"},"
	                "\"assignedTo\":{\"type\":\"team\",\"id\":2,\"name\":\"backend\"}}]",
	                &d);
	assert_string_equal(is->id, "1");
	assert_string_equal(is->project_id, "4509062593708032");
	assert_string_equal(is->assigned_to->id, "2");
	decoded_free(&d);
}

static void test_entries_without_usable_id_are_skipped(void **state)
{
	struct decoded d;
	const char *body = "[{\"id\":\"1\",\"title\":\"kept\"}, {\"title\":\"no id\"}, {\"id\":null},"
	                   " {\"id\":\"\"}, {\"id\":{}}, {\"id\":1.5}, 42, \"x\", null, [],"
	                   " {\"id\":\"7\",\"title\":\"kept too\"}]";
	assert_true(decode_list_text(body, strlen(body), &d));
	assert_int_equal(d.n, 2);
	assert_int_equal(d.skipped, 9);
	assert_string_equal(d.issues[0]->title, "kept");
	assert_string_equal(d.issues[1]->id, "7");
	decoded_free(&d);

	/* An empty page is a success with nothing in it. */
	assert_true(decode_list_text("[]", 2, &d));
	assert_int_equal(d.n, 0);
	decoded_free(&d);
}

static void test_title_null_falls_back_to_metadata(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("title", "null", &d);
	assert_string_equal(is->title, "This is an example Python exception"); /* metadata.title */
	decoded_free(&d);
	is = decode_one("[{\"id\":\"1\",\"title\":17,\"metadata\":null}]", &d);
	assert_null(is->title);
	decoded_free(&d);
}

static void test_long_title_is_capped_on_a_character_boundary(void **state)
{
	/* 2000 x "€" (3 bytes each): the cap of 4096 bytes falls inside a character, which
	 * must go whole. */
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "\"");
	for (int i = 0; i < 2000; i++)
		strbuf_adds(&json, "\xe2\x82\xac");
	strbuf_adds(&json, "\"");
	struct decoded d;
	struct issue *is = decode_variant("title", strbuf_str(&json), &d);
	assert_int_equal(strlen(is->title), MODEL_MAX_TITLE - 1);
	assert_true(valid_utf8(is->title));
	decoded_free(&d);
	strbuf_free(&json);

	/* Ids have their own, smaller cap. */
	strbuf_adds(&json, "[{\"id\":\"");
	for (int i = 0; i < 500; i++)
		strbuf_adds(&json, "9");
	strbuf_adds(&json, "\"}]");
	is = decode_one(strbuf_str(&json), &d);
	assert_int_equal(strlen(is->id), MODEL_MAX_ID);
	decoded_free(&d);
	strbuf_free(&json);
}

static void test_nul_inside_a_string_is_a_mark(void **state)
{
	/* Anyone with a DSN can put \u0000 in a title; the list must still load, and the
	 * text after it is not hidden: the NUL becomes U+FFFD. */
	struct decoded d;
	struct issue *is = decode_variant("title", "\"visible\\u0000hidden\"", &d);
	assert_string_equal(is->title, "visible\xef\xbf\xbdhidden");
	decoded_free(&d);
}

static void test_assigned_to_shapes(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("assignedTo", "\"user:1\"", &d);
	assert_null(is->assigned_to); /* not an actor object: shown as unassigned */
	assert_string_equal(is->id, "1");
	decoded_free(&d);

	is = decode_variant("assignedTo", "{\"type\":\"team\",\"id\":\"2\",\"name\":\"backend\"}", &d);
	assert_non_null(is->assigned_to);
	assert_string_equal(is->assigned_to->type, "team");
	assert_string_equal(is->assigned_to->name, "backend");
	assert_null(is->assigned_to->email);
	decoded_free(&d);

	is = decode_variant("assignedTo", "{}", &d);
	assert_null(is->assigned_to);
	decoded_free(&d);

	is = decode_variant("assignedTo", "[{\"type\":\"user\",\"id\":\"1\"}]", &d);
	assert_null(is->assigned_to);
	decoded_free(&d);
}

static void test_stats_malformed_buckets_are_skipped(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant(
		"stats",
		"{\"24h\":[[1,2],[3],\"x\",[4,\"5\"],[5,6,7],null,[7,-1],{\"a\":1},[\"8\",9],[9,10.0],"
		"[10,99999999999]]}",
		&d);
	assert_string_equal(is->stats_period, "24h");
	assert_int_equal(is->nstats, 4);
	assert_int_equal(is->stats[0], 2);
	assert_int_equal(is->stats[1], 6);
	assert_int_equal(is->stats[2], 10);
	assert_true(is->stats[3] == UINT32_MAX); /* clamped, not wrapped */
	decoded_free(&d);
}

static void test_stats_series_preference(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("stats", "{\"30d\":[[1,30]],\"14d\":[[1,14],[2,15]]}", &d);
	assert_string_equal(is->stats_period, "14d");
	assert_int_equal(is->nstats, 2);
	assert_int_equal(is->stats[0], 14);
	decoded_free(&d);

	is = decode_variant("stats", "{\"30d\":[[1,30]],\"auto\":[[1,1]]}", &d);
	assert_string_equal(is->stats_period, "auto");
	decoded_free(&d);

	is = decode_variant("stats", "{\"30d\":[[1,30]],\"24h\":null}", &d);
	assert_string_equal(is->stats_period, "30d"); /* 24h is not a series */
	assert_int_equal(is->stats[0], 30);
	decoded_free(&d);

	/* GlitchTip's default: an empty 24h series. */
	is = decode_variant("stats", "{\"24h\":[]}", &d);
	assert_string_equal(is->stats_period, "24h");
	assert_int_equal(is->nstats, 0);
	assert_null(is->stats);
	decoded_free(&d);

	static const char *const not_stats[] = { "[[1,2]]", "\"24h\"", "null", "{\"7d\":[[1,2]]}" };
	for (size_t i = 0; i < sizeof(not_stats) / sizeof(not_stats[0]); i++) {
		is = decode_variant("stats", not_stats[i], &d);
		assert_null(is->stats_period);
		assert_int_equal(is->nstats, 0);
		decoded_free(&d);
	}
}

static void test_stats_over_the_cap_keep_the_newest(void **state)
{
	struct strbuf json = STRBUF_INIT;
	strbuf_adds(&json, "{\"24h\":[");
	for (int i = 0; i < MODEL_MAX_STATS + 100; i++)
		strbuf_addf(&json, "%s[%d,%d]", i ? "," : "", 1000 + i, i);
	strbuf_adds(&json, "]}");
	struct decoded d;
	struct issue *is = decode_variant("stats", strbuf_str(&json), &d);
	assert_int_equal(is->nstats, MODEL_MAX_STATS);
	assert_int_equal(is->stats[0], 100);
	assert_int_equal(is->stats[MODEL_MAX_STATS - 1], MODEL_MAX_STATS + 99);
	decoded_free(&d);
	strbuf_free(&json);
}

static void test_project_missing_or_mistyped(void **state)
{
	static const char *const variants[] = { NULL, "null", "\"pump-station\"", "[]", "{}" };
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		struct decoded d;
		struct issue *is = decode_variant("project", variants[i], &d);
		assert_null(is->project_id);
		assert_null(is->project_slug);
		assert_null(is->project_name);
		assert_string_equal(is->short_id, "PUMP-STATION-1");
		decoded_free(&d);
	}
}

static void test_metadata_not_an_object(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("metadata", "\"ValueError\"", &d);
	assert_string_equal(is->title, "This is an example Python exception");
	decoded_free(&d);
	is = decode_variant("metadata", "{\"type\":[\"ValueError\"],\"value\":42}", &d);
	assert_string_equal(is->title, "This is an example Python exception");
	decoded_free(&d);
}

static void test_timestamps_bad_or_numeric(void **state)
{
	static const char *const bad[] = {
		"\"yesterday\"", "\"2018-11-06\"", "\"2018-13-06T21:19:55Z\"", "\"\"", "null", "{}", "-5",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct decoded d;
		struct issue *is = decode_variant("firstSeen", bad[i], &d);
		assert_int_equal(is->first_seen, 0);
		assert_int_equal(is->last_seen, 1544131195); /* the neighbour is untouched */
		decoded_free(&d);
	}
	struct decoded d;
	struct issue *is = decode_variant("firstSeen", "1541539195.25", &d);
	assert_int_equal(is->first_seen, 1541539195);
	decoded_free(&d);
	is = decode_variant("firstSeen", "\"2018-11-06T23:19:55+02:00\"", &d);
	assert_int_equal(is->first_seen, 1541539195);
	decoded_free(&d);
}

static void test_flags_and_numbers_mistyped(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("isBookmarked", "\"true\"", &d);
	assert_false(is->is_bookmarked);
	decoded_free(&d);
	is = decode_variant("isBookmarked", "true", &d);
	assert_true(is->is_bookmarked);
	decoded_free(&d);
	is = decode_variant("userCount", "\"12\"", &d);
	assert_int_equal(is->user_count, 12);
	decoded_free(&d);
	is = decode_variant("userCount", "-3", &d);
	assert_int_equal(is->user_count, 0);
	decoded_free(&d);
	is = decode_variant("numComments", "99999999999", &d);
	assert_int_equal(is->num_comments, 2147483647);
	decoded_free(&d);
}

static void test_level_unknown_or_mistyped(void **state)
{
	struct decoded d;
	struct issue *is = decode_variant("level", "\"critical\"", &d);
	assert_int_equal(is->level, LEVEL_UNKNOWN);
	assert_string_equal(is->level_name, "critical"); /* shown as sent */
	decoded_free(&d);
	is = decode_variant("level", "40", &d);
	assert_int_equal(is->level, LEVEL_UNKNOWN);
	assert_null(is->level_name);
	decoded_free(&d);
	is = decode_variant("level", "\"FATAL\"", &d);
	assert_int_equal(is->level, LEVEL_FATAL);
	decoded_free(&d);
	assert_string_equal(issue_level_name(LEVEL_SAMPLE), "sample");
	assert_string_equal(issue_level_name(LEVEL_UNKNOWN), "unknown");
	assert_int_equal(issue_level_parse(NULL), LEVEL_UNKNOWN);
	assert_int_equal(issue_level_parse("debug"), LEVEL_DEBUG);
}

static void test_glitchtip_issue_shape(void **state)
{
	/* GlitchTip's IssueSchema: culprit "" not null, no assignedTo/substatus/priority,
	 * stats {"24h":[]}, userCount 0. */
	struct decoded d;
	struct issue *is = decode_one(
		"[{\"id\":\"17\",\"shortId\":\"BACKEND-H\",\"title\":\"ZeroDivisionError: division by zero\","
		"\"culprit\":\"\",\"count\":\"3\",\"userCount\":0,\"level\":\"error\",\"status\":\"unresolved\","
		"\"type\":\"error\",\"metadata\":{\"type\":\"ZeroDivisionError\",\"value\":\"division by zero\"},"
		"\"project\":{\"id\":\"5\",\"slug\":\"backend\",\"name\":\"Backend\",\"platform\":\"python\"},"
		"\"numComments\":0,\"firstSeen\":\"2024-05-01T10:00:00.123456Z\",\"lastSeen\":\"2024-05-02T10:00:00Z\","
		"\"permalink\":\"https://gt.example/backend/issues/17\",\"shareId\":null,\"statusDetails\":{},"
		"\"stats\":{\"24h\":[]},\"matchingEventId\":null}]",
		&d);
	assert_string_equal(is->short_id, "BACKEND-H");
	assert_string_equal(is->culprit, "");
	assert_int_equal(is->count, 3);
	assert_null(is->assigned_to);
	assert_null(is->substatus);
	assert_null(is->priority);
	assert_string_equal(is->project_id, "5");
	assert_string_equal(is->stats_period, "24h");
	assert_int_equal(is->nstats, 0);
	decoded_free(&d);
}

static void test_everything_null(void **state)
{
	struct decoded d;
	struct issue *is = decode_one(
		"[{\"id\":\"9\",\"shortId\":null,\"title\":null,\"culprit\":null,\"level\":null,"
		"\"status\":null,\"substatus\":null,\"priority\":null,\"type\":null,\"platform\":null,"
		"\"permalink\":null,\"metadata\":null,\"count\":null,\"userCount\":null,\"firstSeen\":null,"
		"\"lastSeen\":null,\"isBookmarked\":null,\"hasSeen\":null,\"isUnhandled\":null,"
		"\"isSubscribed\":null,\"numComments\":null,\"project\":null,\"assignedTo\":null,"
		"\"stats\":null}]",
		&d);
	assert_string_equal(is->id, "9");
	assert_null(is->short_id);
	assert_null(is->title);
	assert_null(is->culprit);
	assert_null(is->level_name);
	assert_int_equal(is->level, LEVEL_UNKNOWN);
	assert_null(is->status);
	assert_null(is->permalink);
	assert_false(is->has_count);
	assert_int_equal(is->first_seen, 0);
	assert_null(is->project_slug);
	assert_null(is->assigned_to);
	assert_null(is->stats);
	decoded_free(&d);
}

/* ---- bodies that are not an issue list ------------------------------------------------ */

static void test_html_body_reports_line_and_column(void **state)
{
	struct decoded d;
	const char *html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
	assert_false(decode_list_text(html, strlen(html), &d));
	assert_null(d.issues);
	assert_int_equal(d.n, 0);
	if (!starts_with(strbuf_str(&d.err), "line 1 column 1: "))
		fail_msg("got \"%s\"", strbuf_str(&d.err));
	decoded_free(&d);
}

static void test_truncated_body_reports_where(void **state)
{
	struct decoded d;
	const char *cut = "[\n  {\"id\": \"1\", \"title\": \"abc";
	assert_false(decode_list_text(cut, strlen(cut), &d));
	if (!starts_with(strbuf_str(&d.err), "line 2 column "))
		fail_msg("got \"%s\"", strbuf_str(&d.err));
	decoded_free(&d);

	/* The error is appended, so the caller may name the endpoint first. */
	struct strbuf err = STRBUF_INIT;
	strbuf_adds(&err, "issues: ");
	assert_null(decode_json("{", 1, &err));
	assert_true(starts_with(strbuf_str(&err), "issues: line 1 column "));
	strbuf_free(&err);
}

static void test_empty_body(void **state)
{
	struct decoded d;
	assert_false(decode_list_text("", 0, &d));
	assert_string_equal(strbuf_str(&d.err), "empty response body");
	decoded_free(&d);
	assert_false(decode_list_text(NULL, 0, &d));
	decoded_free(&d);
}

static void test_object_instead_of_list(void **state)
{
	struct decoded d;
	const char *body = "{\"detail\":\"You do not have the multi project stream feature enabled\"}";
	assert_false(decode_list_text(body, strlen(body), &d));
	assert_string_equal(strbuf_str(&d.err), "expected a list of issues, got an object: "
	                                        "You do not have the multi project stream feature enabled");
	assert_null(d.issues);
	decoded_free(&d);

	/* A single issue where a list was expected (wrong endpoint) says just that. */
	size_t len;
	char *detail = read_fixture("openapi.issue-detail.json", &len);
	assert_false(decode_list_text(detail, len, &d));
	assert_string_equal(strbuf_str(&d.err), "expected a list of issues, got an object");
	decoded_free(&d);
	free(detail);
	/* A project has lists of strings ("features"); they are not validation errors. */
	char *project = read_fixture("sentry-mcp.project.json", &len);
	assert_false(decode_list_text(project, len, &d));
	assert_string_equal(strbuf_str(&d.err), "expected a list of issues, got an object");
	decoded_free(&d);
	free(project);

	static const struct {
		const char *body, *message;
	} others[] = {
		{ "\"maintenance\"", "expected a list of issues, got a string: maintenance" },
		{ "42", "expected a list of issues, got a number" },
		{ "null", "expected a list of issues, got null" },
		{ "true", "expected a list of issues, got a boolean" },
	};
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		assert_false(decode_list_text(others[i].body, strlen(others[i].body), &d));
		assert_string_equal(strbuf_str(&d.err), others[i].message);
		decoded_free(&d);
	}
}

static void test_decode_issue_rejects_non_objects(void **state)
{
	struct issue is;
	assert_false(decode_issue(NULL, &is));
	assert_null(is.id);
	json_t *arr = json_array();
	assert_false(decode_issue(arr, &is));
	json_decref(arr);
	json_t *no_id = json_pack("{s:s}", "title", "x");
	assert_false(decode_issue(no_id, &is));
	assert_null(is.title); /* nothing half-filled to leak */
	issue_free(&is);
	json_decref(no_id);
}

static void test_project_list_shapes(void **state)
{
	struct project *projects;
	size_t n;
	struct strbuf err = STRBUF_INIT;
	const char *body = "[{\"id\":7,\"slug\":\"web\",\"name\":null}, {\"slug\":\"no-id\"}, 3, "
	                   "{\"id\":\"8\",\"slug\":[\"x\"],\"platform\":\"go\"}]";
	assert_true(decode_project_list(body, strlen(body), &projects, &n, &err));
	assert_int_equal(n, 2);
	assert_string_equal(projects[0].id, "7");
	assert_string_equal(projects[0].slug, "web");
	assert_null(projects[0].name);
	assert_string_equal(projects[1].id, "8");
	assert_null(projects[1].slug);
	assert_string_equal(projects[1].platform, "go");
	project_list_free(projects, n);

	const char *denied = "{\"detail\":\"You do not have permission to perform this action.\"}";
	assert_false(decode_project_list(denied, strlen(denied), &projects, &n, &err));
	assert_null(projects);
	assert_string_equal(strbuf_str(&err), "expected a list of projects, got an object: "
	                                      "You do not have permission to perform this action.");
	strbuf_free(&err);
}

/* ---- error bodies (docs/sentry-api.md §11, §12) ------------------------------------------- */

static void assert_error_text(const char *body, const char *expected)
{
	struct strbuf out = STRBUF_INIT;
	if (!decode_error_detail(body, strlen(body), &out))
		fail_msg("no text found in %s", body);
	assert_string_equal(strbuf_str(&out), expected);
	strbuf_free(&out);
}

static void assert_no_error_text(const char *body)
{
	struct strbuf out = STRBUF_INIT;
	strbuf_adds(&out, "kept");
	if (decode_error_detail(body, strlen(body), &out))
		fail_msg("found \"%s\" in %s", strbuf_str(&out), body);
	assert_string_equal(strbuf_str(&out), "kept");
	strbuf_free(&out);
}

static void test_error_detail_string(void **state)
{
	assert_error_text("{\"detail\":\"Authentication credentials were not provided.\"}",
	                  "Authentication credentials were not provided.");
	assert_error_text("{\"detail\":\"You are attempting to use this endpoint too frequently. "
	                  "Limit is 40 requests in 1 seconds\"}",
	                  "You are attempting to use this endpoint too frequently. "
	                  "Limit is 40 requests in 1 seconds");
	/* GlitchTip / django-ninja */
	assert_error_text("{\"detail\":\"Not Found\"}", "Not Found");
}

static void test_error_detail_internal_error_names_the_event(void **state)
{
	assert_error_text("{\"detail\":\"Internal Error\",\"errorId\":\"b0a8a4c3e6f14e5fa1b3f9a4d5c6e7f8\"}",
	                  "Internal Error (error id b0a8a4c3e6f14e5fa1b3f9a4d5c6e7f8)");
}

static void test_error_detail_object(void **state)
{
	assert_error_text("{\"detail\":{\"code\":\"sso-required\",\"message\":\"Must login via SSO\","
	                  "\"extra\":{\"loginUrl\":\"https://sentry.io/auth/login/acme/\"}}}",
	                  "Must login via SSO");
	assert_error_text("{\"detail\":{\"code\":\"2fa-required\",\"extra\":null}}", "2fa-required");
}

static void test_error_drf_field_map(void **state)
{
	assert_error_text("{\"status\":[\"\\\"x\\\" is not a valid choice.\"],"
	                  "\"assignedTo\":[\"Unknown actor.\",\"Try again.\"]}",
	                  "status: \"x\" is not a valid choice.; assignedTo: Unknown actor. Try again.");
	assert_error_text("{\"non_field_errors\":[\"Invalid cursor parameter.\"]}",
	                  "Invalid cursor parameter.");
	/* DRF's top-level list form. */
	assert_error_text("[\"Invalid query.\"]", "Invalid query.");
	/* A nested serializer's errors, as for an unknown release in statusDetails. */
	assert_error_text("{\"statusDetails\":{\"inRelease\":"
	                  "[\"Unable to find a release with the given version.\"]}}",
	                  "statusDetails.inRelease: Unable to find a release with the given version.");
}

static void test_error_glitchtip_422_list(void **state)
{
	assert_error_text("{\"detail\":[{\"type\":\"literal_error\",\"loc\":[\"query\",\"sort\"],"
	                  "\"msg\":\"Input should be 'last_seen', 'first_seen', 'count' or 'priority'\","
	                  "\"ctx\":{\"expected\":\"...\"}}]}",
	                  "sort: Input should be 'last_seen', 'first_seen', 'count' or 'priority'");
	assert_error_text("{\"detail\":[{\"loc\":[],\"msg\":\"bad\"},{\"loc\":[\"query\",3],\"msg\":\"worse\"},"
	                  "{\"msg\":null}]}",
	                  "bad; worse");
}

static void test_error_error_and_message(void **state)
{
	assert_error_text("{\"error\":\"Invalid token\"}", "Invalid token");
	assert_error_text("{\"error\":{\"message\":\"Organization is disabled\"}}", "Organization is disabled");
	assert_error_text("{\"message\":\"Please retry later\"}", "Please retry later");
	/* detail comes first when both are there. */
	assert_error_text("{\"message\":\"second\",\"detail\":\"first\"}", "first");
}

static void test_error_without_text(void **state)
{
	assert_no_error_text("<html><head><title>502 Bad Gateway</title></head></html>");
	assert_no_error_text("");
	assert_no_error_text("{}");
	assert_no_error_text("{\"detail\":\"\"}");
	assert_no_error_text("{\"detail\":null,\"errorId\":\"x\"}");
	assert_no_error_text("42");
	assert_no_error_text("[]");
	assert_no_error_text("{\"count\":3}");
}

static void test_error_text_is_capped(void **state)
{
	struct strbuf body = STRBUF_INIT;
	strbuf_adds(&body, "{\"detail\":\"");
	for (int i = 0; i < 2000; i++)
		strbuf_adds(&body, "\xe2\x82\xac"); /* 3 bytes: the cap is not a multiple */
	strbuf_adds(&body, "\"}");
	struct strbuf out = STRBUF_INIT;
	assert_true(decode_error_detail(body.buf, body.len, &out));
	assert_int_equal(out.len, MODEL_MAX_FIELD - 1); /* 1024 = 341 * 3 + 1 */
	assert_true(valid_utf8(strbuf_str(&out)));
	strbuf_free(&out);
	strbuf_free(&body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_org_issue_list_fixture),
		cmocka_unit_test(test_project_issue_list_fixture),
		cmocka_unit_test(test_minimal_issue_list_fixture),
		cmocka_unit_test(test_issue_detail_fixture_prefers_24h_series),
		cmocka_unit_test(test_mcp_issue_detail_fixture),
		cmocka_unit_test(test_regressed_issue_fixture),
		cmocka_unit_test(test_performance_issue_fixture),
		cmocka_unit_test(test_shortid_lookup_group),
		cmocka_unit_test(test_org_projects_fixture),
		cmocka_unit_test(test_invalid_utf8_in_list),
		cmocka_unit_test(test_count_as_number_or_huge),
		cmocka_unit_test(test_count_garbage_is_no_count),
		cmocka_unit_test(test_id_as_number),
		cmocka_unit_test(test_entries_without_usable_id_are_skipped),
		cmocka_unit_test(test_title_null_falls_back_to_metadata),
		cmocka_unit_test(test_long_title_is_capped_on_a_character_boundary),
		cmocka_unit_test(test_nul_inside_a_string_is_a_mark),
		cmocka_unit_test(test_assigned_to_shapes),
		cmocka_unit_test(test_stats_malformed_buckets_are_skipped),
		cmocka_unit_test(test_stats_series_preference),
		cmocka_unit_test(test_stats_over_the_cap_keep_the_newest),
		cmocka_unit_test(test_project_missing_or_mistyped),
		cmocka_unit_test(test_metadata_not_an_object),
		cmocka_unit_test(test_timestamps_bad_or_numeric),
		cmocka_unit_test(test_flags_and_numbers_mistyped),
		cmocka_unit_test(test_level_unknown_or_mistyped),
		cmocka_unit_test(test_glitchtip_issue_shape),
		cmocka_unit_test(test_everything_null),
		cmocka_unit_test(test_html_body_reports_line_and_column),
		cmocka_unit_test(test_truncated_body_reports_where),
		cmocka_unit_test(test_empty_body),
		cmocka_unit_test(test_object_instead_of_list),
		cmocka_unit_test(test_decode_issue_rejects_non_objects),
		cmocka_unit_test(test_project_list_shapes),
		cmocka_unit_test(test_error_detail_string),
		cmocka_unit_test(test_error_detail_internal_error_names_the_event),
		cmocka_unit_test(test_error_detail_object),
		cmocka_unit_test(test_error_drf_field_map),
		cmocka_unit_test(test_error_glitchtip_422_list),
		cmocka_unit_test(test_error_error_and_message),
		cmocka_unit_test(test_error_without_text),
		cmocka_unit_test(test_error_text_is_capped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
