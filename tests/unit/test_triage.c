/* Triage changes: the exact bodies sent (docs/sentry-api.md §8.2) and the words shown for them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/triage.h"
#include "util/xalloc.h"
#include "views/triage_actions.h"

static void assert_body(const struct change *c, const char *expected)
{
	char *body = change_body(c);
	assert_non_null(body);
	assert_string_equal(body, expected);
	free(body);
}

static void assert_words(const struct change *c, const char *expected)
{
	struct strbuf out = STRBUF_INIT;
	change_describe(c, &out);
	assert_string_equal(strbuf_str(&out), expected);
	strbuf_free(&out);
}

static struct change user_assign(const char *id, const char *name, const char *email)
{
	struct change c = { .kind = CHANGE_ASSIGN };
	c.assignee.type = xstrdup("user");
	c.assignee.id = xstrdup_or_null(id);
	c.assignee.name = xstrdup_or_null(name);
	c.assignee.email = xstrdup_or_null(email);
	return c;
}

static struct change team_assign(const char *id, const char *slug)
{
	struct change c = { .kind = CHANGE_ASSIGN };
	c.assignee.type = xstrdup("team");
	c.assignee.id = xstrdup(id);
	c.assignee.name = xstrdup(slug);
	return c;
}

static struct change set_status(const char *status, const char *substatus, const char *details)
{
	struct change c = { .kind = CHANGE_SET_STATUS };
	c.status = xstrdup_or_null(status);
	c.substatus = xstrdup_or_null(substatus);
	c.status_details = xstrdup_or_null(details);
	return c;
}

/* ---- bodies ------------------------------------------------------------------------ */

static void test_body_resolve(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_RESOLVE },
	            "{\"status\":\"resolved\",\"statusDetails\":{},\"substatus\":null}");
}

static void test_body_resolve_next_release(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_RESOLVE_NEXT_RELEASE },
	            "{\"status\":\"resolved\",\"statusDetails\":{\"inNextRelease\":true}}");
}

static void test_body_resolve_in_release(void **state)
{
	struct change c = { .kind = CHANGE_RESOLVE_IN_RELEASE, .release = xstrdup("backend@2.17.1") };
	assert_body(&c, "{\"status\":\"resolved\",\"statusDetails\":{\"inRelease\":\"backend@2.17.1\"}}");
	change_free(&c);
	c = (struct change){ .kind = CHANGE_RESOLVE_IN_RELEASE, .release = xstrdup("latest") };
	assert_body(&c, "{\"status\":\"resolved\",\"statusDetails\":{\"inRelease\":\"latest\"}}");
	change_free(&c);
	/* A version is text: quotes and backslashes are escaped, not spliced. */
	c = (struct change){ .kind = CHANGE_RESOLVE_IN_RELEASE, .release = xstrdup("1.0\"}\\") };
	assert_body(&c, "{\"status\":\"resolved\",\"statusDetails\":{\"inRelease\":\"1.0\\\"}\\\\\"}}");
	change_free(&c);
}

static void test_body_resolve_in_release_refuses_no_release(void **state)
{
	struct change c = { .kind = CHANGE_RESOLVE_IN_RELEASE };
	assert_null(change_body(&c));
	c.release = xstrdup("");
	assert_null(change_body(&c));
	change_free(&c);
	/* jansson cannot carry bytes that are not UTF-8; a body without them would lie. */
	c = (struct change){ .kind = CHANGE_RESOLVE_IN_RELEASE, .release = xstrdup("1.\xff") };
	assert_null(change_body(&c));
	change_free(&c);
}

static void test_body_unresolve(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_UNRESOLVE },
	            "{\"status\":\"unresolved\",\"statusDetails\":{},\"substatus\":\"ongoing\"}");
}

static void test_body_archive_escalating(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_ESCALATING },
	            "{\"status\":\"ignored\",\"statusDetails\":{},"
	            "\"substatus\":\"archived_until_escalating\"}");
}

static void test_body_archive_forever(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_FOREVER },
	            "{\"status\":\"ignored\",\"statusDetails\":{},\"substatus\":\"archived_forever\"}");
}

static void test_body_archive_duration(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_DURATION, .minutes = 30 },
	            "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreDuration\":30}}");
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_DURATION, .minutes = 10080 },
	            "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreDuration\":10080}}");
}

static void test_body_archive_count(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_COUNT, .count = 100, .minutes = 60 },
	            "{\"status\":\"ignored\",\"statusDetails\":"
	            "{\"ignoreCount\":100,\"ignoreWindow\":60}}");
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_COUNT, .count = 100 },
	            "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreCount\":100}}");
}

static void test_body_archive_users(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_USERS, .count = 10, .minutes = 1440 },
	            "{\"status\":\"ignored\",\"statusDetails\":"
	            "{\"ignoreUserCount\":10,\"ignoreUserWindow\":1440}}");
	assert_body(&(struct change){ .kind = CHANGE_ARCHIVE_USERS, .count = 10 },
	            "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreUserCount\":10}}");
}

static void test_body_assign_user_and_team(void **state)
{
	struct change c = user_assign("12345", "Jane Developer", "jane@example.com");
	assert_body(&c, "{\"assignedTo\":\"user:12345\"}");
	change_free(&c);
	c = team_assign("100253", "powerful-abolitionist");
	assert_body(&c, "{\"assignedTo\":\"team:100253\"}");
	change_free(&c);
}

static void test_body_assign_without_type_is_a_user(void **state)
{
	struct change c = { .kind = CHANGE_ASSIGN, .assignee = { .id = xstrdup("1") } };
	assert_body(&c, "{\"assignedTo\":\"user:1\"}");
	change_free(&c);
}

static void test_body_assign_refuses_no_id(void **state)
{
	/* "user:" would be "Unknown actor input" at best. */
	struct change c = user_assign(NULL, "Jane Developer", NULL);
	assert_null(change_body(&c));
	change_free(&c);
	c = user_assign("", "Jane Developer", NULL);
	assert_null(change_body(&c));
	change_free(&c);
}

static void test_body_unassign(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_UNASSIGN }, "{\"assignedTo\":\"\"}");
}

static void test_body_bookmark(void **state)
{
	assert_body(&(struct change){ .kind = CHANGE_BOOKMARK }, "{\"isBookmarked\":true}");
	assert_body(&(struct change){ .kind = CHANGE_UNBOOKMARK }, "{\"isBookmarked\":false}");
}

static void test_body_reviewed(void **state)
{
	/* inbox:false takes the issue out of "for review" (update_inbox.py, §8.2). */
	assert_body(&(struct change){ .kind = CHANGE_MARK_REVIEWED }, "{\"inbox\":false}");
	assert_body(&(struct change){ .kind = CHANGE_MARK_UNREVIEWED }, "{\"inbox\":true}");
}

static void test_body_set_status(void **state)
{
	struct change c = set_status("unresolved", "regressed", NULL);
	assert_body(&c, "{\"status\":\"unresolved\",\"statusDetails\":{},\"substatus\":\"regressed\"}");
	change_free(&c);
	c = set_status("resolved", NULL, NULL);
	assert_body(&c, "{\"status\":\"resolved\",\"statusDetails\":{},\"substatus\":null}");
	change_free(&c);
	c = set_status("ignored", "archived_until_condition_met",
	               "{\"ignoreCount\":100,\"ignoreWindow\":60}");
	assert_body(&c, "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreCount\":100,"
	                "\"ignoreWindow\":60},\"substatus\":\"archived_until_condition_met\"}");
	change_free(&c);
}

static void test_body_set_status_bad_details_become_empty(void **state)
{
	const char *bad[] = { "{not json", "[1,2]", "\"text\"", "" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct change c = set_status("resolved", NULL, bad[i]);
		assert_body(&c, "{\"status\":\"resolved\",\"statusDetails\":{},\"substatus\":null}");
		change_free(&c);
	}
}

/* ---- words ------------------------------------------------------------------------- */

static void test_words_status_changes(void **state)
{
	assert_words(&(struct change){ .kind = CHANGE_RESOLVE }, "resolved");
	assert_words(&(struct change){ .kind = CHANGE_RESOLVE_NEXT_RELEASE },
	             "resolved in the next release");
	char version[] = "1.2.3", latest[] = "latest";
	assert_words(&(struct change){ .kind = CHANGE_RESOLVE_IN_RELEASE, .release = version },
	             "resolved in release 1.2.3");
	assert_words(&(struct change){ .kind = CHANGE_RESOLVE_IN_RELEASE, .release = latest },
	             "resolved in the latest release");
	assert_words(&(struct change){ .kind = CHANGE_UNRESOLVE }, "unresolved");
	assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_ESCALATING },
	             "archived until escalating");
	assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_FOREVER }, "archived forever");
}

static void test_words_durations(void **state)
{
	static const struct {
		long minutes;
		const char *words;
	} cases[] = {
		{ 1, "archived for 1 minute" },
		{ 30, "archived for 30 minutes" },
		{ 60, "archived for 1 hour" },
		{ 90, "archived for 90 minutes" },
		{ 120, "archived for 2 hours" },
		{ 360, "archived for 6 hours" },
		{ 1440, "archived for 24 hours" },
		{ 2880, "archived for 2 days" },
		{ 10080, "archived for 1 week" },
		{ 20160, "archived for 2 weeks" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_DURATION,
		                               .minutes = cases[i].minutes },
		             cases[i].words);
}

static void test_words_thresholds(void **state)
{
	assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_COUNT, .count = 100 },
	             "archived until 100 more events");
	assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_COUNT, .count = 1 },
	             "archived until 1 more event");
	assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_COUNT, .count = 1000, .minutes = 60 },
	             "archived until 1000 more events in 1 hour");
	assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_USERS, .count = 10 },
	             "archived until 10 more users");
	assert_words(&(struct change){ .kind = CHANGE_ARCHIVE_USERS, .count = 1, .minutes = 1440 },
	             "archived until 1 more user in 24 hours");
}

static void test_words_assign(void **state)
{
	struct change c = user_assign("12345", "Jane Doe", "jane@example.com");
	assert_words(&c, "assigned to Jane Doe");
	change_free(&c);
	c = user_assign("12345", NULL, "jane@example.com");
	assert_words(&c, "assigned to jane@example.com");
	change_free(&c);
	c = user_assign("12345", "", "");
	assert_words(&c, "assigned to 12345");
	change_free(&c);
	c = team_assign("100253", "backend");
	assert_words(&c, "assigned to #backend");
	change_free(&c);
	assert_words(&(struct change){ .kind = CHANGE_UNASSIGN }, "unassigned");
}

static void test_words_flags(void **state)
{
	assert_words(&(struct change){ .kind = CHANGE_BOOKMARK }, "bookmarked");
	assert_words(&(struct change){ .kind = CHANGE_UNBOOKMARK }, "unbookmarked");
	assert_words(&(struct change){ .kind = CHANGE_MARK_REVIEWED }, "marked reviewed");
	assert_words(&(struct change){ .kind = CHANGE_MARK_UNREVIEWED }, "marked unreviewed");
}

static void test_words_set_status(void **state)
{
	struct change c = set_status("unresolved", "regressed", NULL);
	assert_words(&c, "set to unresolved (regressed)");
	change_free(&c);
	c = set_status("resolved", NULL, NULL);
	assert_words(&c, "set to resolved");
	change_free(&c);
	c = set_status("ignored", "archived_forever", NULL);
	assert_words(&c, "set to archived forever");
	change_free(&c);
	c = set_status("ignored", "archived_until_condition_met", NULL);
	assert_words(&c, "set to archived until a condition is met");
	change_free(&c);
}

static void test_words_are_appended(void **state)
{
	struct strbuf out = STRBUF_INIT;
	strbuf_adds(&out, "BACKEND-1 ");
	change_describe(&(struct change){ .kind = CHANGE_RESOLVE }, &out);
	assert_string_equal(strbuf_str(&out), "BACKEND-1 resolved");
	strbuf_free(&out);
}

/* ---- owning ------------------------------------------------------------------------ */

static void test_copy_is_deep(void **state)
{
	struct change src = set_status("ignored", "archived_forever", "{}");
	src.release = xstrdup("1.0");
	src.assignee.type = xstrdup("team");
	src.assignee.id = xstrdup("7");
	src.assignee.name = xstrdup("ops");
	src.assignee.email = xstrdup("ops@example.com");
	src.minutes = 60;
	src.count = 5;
	struct change dst;
	change_copy(&src, &dst);
	assert_ptr_not_equal(dst.status, src.status);
	assert_ptr_not_equal(dst.assignee.name, src.assignee.name);
	change_free(&src);
	/* Everything still readable after the source is gone (ASan would see a use after free). */
	assert_int_equal(dst.kind, CHANGE_SET_STATUS);
	assert_string_equal(dst.status, "ignored");
	assert_string_equal(dst.substatus, "archived_forever");
	assert_string_equal(dst.status_details, "{}");
	assert_string_equal(dst.release, "1.0");
	assert_string_equal(dst.assignee.type, "team");
	assert_string_equal(dst.assignee.id, "7");
	assert_string_equal(dst.assignee.name, "ops");
	assert_string_equal(dst.assignee.email, "ops@example.com");
	assert_int_equal(dst.minutes, 60);
	assert_int_equal(dst.count, 5);
	change_free(&dst);
	assert_null(dst.status);
	change_free(NULL);
}

static void test_actor_from_member_and_team(void **state)
{
	char user_id[] = "280094367316", name[] = "Sir Penguin",
	     email[] = "sirpenguin@antarcticarocks.com", username[] = "sirpenguin";
	struct member m = { .user_id = user_id, .name = name, .email = email, .username = username };
	struct change c = { .kind = CHANGE_ASSIGN };
	actor_from_member(&m, &c.assignee);
	assert_string_equal(c.assignee.type, "user");
	assert_string_equal(c.assignee.id, "280094367316");
	assert_string_equal(c.assignee.email, "sirpenguin@antarcticarocks.com");
	assert_body(&c, "{\"assignedTo\":\"user:280094367316\"}");
	assert_words(&c, "assigned to Sir Penguin");
	change_free(&c);

	char team_id[] = "100253", slug[] = "powerful-abolitionist",
	     team_name[] = "Powerful Abolitionist";
	struct team t = { .id = team_id, .slug = slug, .name = team_name };
	c = (struct change){ .kind = CHANGE_ASSIGN };
	actor_from_team(&t, &c.assignee);
	assert_string_equal(c.assignee.type, "team");
	assert_null(c.assignee.email);
	assert_body(&c, "{\"assignedTo\":\"team:100253\"}");
	assert_words(&c, "assigned to #powerful-abolitionist");
	change_free(&c);
}

/* What `:archive` and the archive menu's prompts accept: "2h", "events 100/1h". A count
 * too large for its unit is refused instead of overflowing (UBSan saw it). */
static void test_archive_durations_and_thresholds(void **state)
{
	assert_int_equal(parse_minutes("30"), 30);
	assert_int_equal(parse_minutes("30m"), 30);
	assert_int_equal(parse_minutes("2h"), 120);
	assert_int_equal(parse_minutes("1d"), 1440);
	assert_int_equal(parse_minutes("1w"), 10080);
	assert_int_equal(parse_minutes("0h"), -1);
	assert_int_equal(parse_minutes("2x"), -1);
	assert_int_equal(parse_minutes("9999999999999999w"), -1);
	assert_int_equal(parse_minutes("99999999999999999999"), -1);
	long count, window;
	assert_true(parse_count_window("100/1h", &count, &window));
	assert_true(count == 100 && window == 60);
	assert_true(parse_count_window("100 in 1d", &count, &window));
	assert_true(count == 100 && window == 1440);
	assert_true(parse_count_window("5", &count, &window));
	assert_true(count == 5 && window == 0);
	assert_false(parse_count_window("100/2w", &count, &window)); /* a week at most */
	assert_false(parse_count_window("100/9999999999999999w", &count, &window));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body_resolve),
		cmocka_unit_test(test_body_resolve_next_release),
		cmocka_unit_test(test_body_resolve_in_release),
		cmocka_unit_test(test_body_resolve_in_release_refuses_no_release),
		cmocka_unit_test(test_body_unresolve),
		cmocka_unit_test(test_body_archive_escalating),
		cmocka_unit_test(test_body_archive_forever),
		cmocka_unit_test(test_body_archive_duration),
		cmocka_unit_test(test_body_archive_count),
		cmocka_unit_test(test_body_archive_users),
		cmocka_unit_test(test_body_assign_user_and_team),
		cmocka_unit_test(test_body_assign_without_type_is_a_user),
		cmocka_unit_test(test_body_assign_refuses_no_id),
		cmocka_unit_test(test_body_unassign),
		cmocka_unit_test(test_body_bookmark),
		cmocka_unit_test(test_body_reviewed),
		cmocka_unit_test(test_body_set_status),
		cmocka_unit_test(test_body_set_status_bad_details_become_empty),
		cmocka_unit_test(test_words_status_changes),
		cmocka_unit_test(test_words_durations),
		cmocka_unit_test(test_words_thresholds),
		cmocka_unit_test(test_words_assign),
		cmocka_unit_test(test_words_flags),
		cmocka_unit_test(test_words_set_status),
		cmocka_unit_test(test_words_are_appended),
		cmocka_unit_test(test_copy_is_deep),
		cmocka_unit_test(test_actor_from_member_and_team),
		cmocka_unit_test(test_archive_durations_and_thresholds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
