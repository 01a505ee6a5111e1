/* The server's side of triage: PUT answers (bulk, full issue, 204, garbage), members,
 * teams and the current user, from the fixtures and from hand-made edge cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/triage.h"
#include "tests/unit/support/fixture.h"
#include "util/xalloc.h"

static bool decode_text(const char *body, struct change_result *r, struct strbuf *err)
{
	return decode_change_result(body, strlen(body), r, err);
}

static bool decode_fixture(const char *rel, struct change_result *r)
{
	size_t len;
	char *body = fixture_read(rel, &len);
	struct strbuf err = STRBUF_INIT;
	bool ok = decode_change_result(body, len, r, &err);
	assert_string_equal(strbuf_str(&err), "");
	strbuf_free(&err);
	free(body);
	return ok;
}

/* ---- PUT answers ------------------------------------------------------------------- */

static void test_result_bulk_fixture(void **state)
{
	struct change_result r;
	assert_true(decode_fixture("api/openapi.issues-bulk-update-response.json", &r));
	assert_true(r.has_status);
	assert_string_equal(r.status, "ignored");
	assert_true(r.has_substatus);
	assert_string_equal(r.substatus, "archived_until_condition_met");
	assert_true(r.has_assigned);
	assert_non_null(r.assigned_to);
	assert_string_equal(r.assigned_to->type, "user");
	assert_string_equal(r.assigned_to->id, "1");
	assert_string_equal(r.assigned_to->name, "John Doe");
	assert_string_equal(r.assigned_to->email, "john.doe@example.com");
	assert_true(r.has_bookmark);
	assert_false(r.is_bookmarked);
	change_result_free(&r);
	assert_null(r.status);
}

static void test_result_project_bulk_fixture(void **state)
{
	struct change_result r;
	assert_true(decode_fixture("api/openapi.project-issues-bulk-update-response.json", &r));
	assert_true(r.has_status);
	assert_string_equal(r.status, "unresolved");
	assert_false(r.has_substatus);
	assert_null(r.substatus);
	assert_false(r.has_assigned);
	assert_false(r.has_bookmark);
	change_result_free(&r);
}

static void test_result_full_issue(void **state)
{
	/* A single-issue PUT answers with the whole issue: the same keys at the top. */
	struct change_result r;
	assert_true(decode_fixture("api/openapi.issue-detail.json", &r));
	assert_true(r.has_status);
	assert_string_equal(r.status, "unresolved");
	assert_true(r.has_substatus);
	assert_string_equal(r.substatus, "ongoing");
	assert_true(r.has_assigned);
	assert_string_equal(r.assigned_to->name, "John Doe");
	assert_true(r.has_bookmark);
	assert_false(r.is_bookmarked);
	change_result_free(&r);
}

static void test_result_no_content(void **state)
{
	/* 204: none of the ids were in scope. Nothing changed, nothing failed. */
	const char *empty[] = { "", " \r\n" };
	for (size_t i = 0; i < 2; i++) {
		struct change_result r;
		struct strbuf err = STRBUF_INIT;
		assert_true(decode_text(empty[i], &r, &err));
		assert_false(r.has_status);
		assert_false(r.has_assigned);
		assert_false(r.has_bookmark);
		assert_string_equal(strbuf_str(&err), "");
		strbuf_free(&err);
		change_result_free(&r);
	}
	struct change_result r;
	assert_true(decode_change_result(NULL, 0, &r, NULL));
	assert_false(r.has_status);
}

static void test_result_garbage(void **state)
{
	struct change_result r;
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_text("<html><body>502 Bad Gateway</body></html>", &r, &err));
	assert_true(strncmp(strbuf_str(&err), "line 1 column 1: ", 17) == 0);
	assert_false(r.has_status);
	strbuf_reset(&err);
	assert_false(decode_text("[{\"status\":\"resolved\"}]", &r, &err));
	assert_string_equal(strbuf_str(&err), "expected an object, got a list");
	strbuf_reset(&err);
	assert_false(decode_text("{\"status\":", &r, &err));
	assert_true(strncmp(strbuf_str(&err), "line 1 column ", 14) == 0);
	strbuf_free(&err);
	change_result_free(&r);
}

static void test_result_mistyped_fields_are_unset(void **state)
{
	struct change_result r;
	assert_true(decode_text("{\"status\":5,\"substatus\":\"ongoing\",\"assignedTo\":\"user:1\","
	                        "\"isBookmarked\":\"yes\"}",
	                        &r, NULL));
	assert_false(r.has_status);
	assert_null(r.status);
	assert_null(r.substatus);
	assert_false(r.has_assigned);
	assert_false(r.has_bookmark);
	change_result_free(&r);
	/* An actor with nothing to show is not "unassigned" either. */
	assert_true(decode_text("{\"assignedTo\":{\"type\":\"user\"}}", &r, NULL));
	assert_false(r.has_assigned);
	change_result_free(&r);
}

static void test_result_assignments(void **state)
{
	struct change_result r;
	assert_true(decode_text("{\"assignedTo\":null}", &r, NULL));
	assert_true(r.has_assigned);
	assert_null(r.assigned_to);
	change_result_free(&r);
	assert_true(decode_text("{\"assignedTo\":{\"type\":\"team\",\"id\":100253,"
	                        "\"name\":\"powerful-abolitionist\"}}",
	                        &r, NULL));
	assert_true(r.has_assigned);
	assert_string_equal(r.assigned_to->type, "team");
	assert_string_equal(r.assigned_to->id, "100253");
	assert_string_equal(r.assigned_to->name, "powerful-abolitionist");
	assert_null(r.assigned_to->email);
	change_result_free(&r);
}

static void test_result_legacy_status_words(void **state)
{
	struct change_result r;
	assert_true(decode_text("{\"status\":\"resolvedInNextRelease\"}", &r, NULL));
	assert_string_equal(r.status, "resolved");
	change_result_free(&r);
	assert_true(decode_text("{\"status\":\"muted\",\"substatus\":null}", &r, NULL));
	assert_string_equal(r.status, "ignored");
	assert_true(r.has_substatus);
	assert_null(r.substatus);
	change_result_free(&r);
}

static struct issue issue_in(const char *status, const char *substatus)
{
	struct issue issue = { 0 };
	issue.id = xstrdup("4500000001");
	issue.status = xstrdup(status);
	issue.substatus = xstrdup_or_null(substatus);
	return issue;
}

static void test_result_apply_keeps_the_optimistic_substatus(void **state)
{
	/* What a threshold archive answers: a status, no substatus key. */
	const char *answer = "{\"status\":\"ignored\",\"inbox\":null,"
	                     "\"statusDetails\":{\"ignoreCount\":100,\"ignoreWindow\":60}}";
	struct change_result r;
	assert_true(decode_text(answer, &r, NULL));
	struct issue issue = issue_in("ignored", "archived_until_condition_met");
	change_result_apply(&r, &issue);
	assert_string_equal(issue.status, "ignored");
	assert_string_equal(issue.substatus, "archived_until_condition_met");
	issue_free(&issue);
	/* Under another status the old substatus would be stale. */
	issue = issue_in("unresolved", "regressed");
	change_result_apply(&r, &issue);
	assert_string_equal(issue.status, "ignored");
	assert_null(issue.substatus);
	issue_free(&issue);
	change_result_free(&r);
}

static void test_result_apply_sets_what_was_said(void **state)
{
	struct change_result r;
	assert_true(decode_fixture("api/openapi.issues-bulk-update-response.json", &r));
	struct issue issue = issue_in("unresolved", "new");
	issue.is_bookmarked = true;
	change_result_apply(&r, &issue);
	assert_string_equal(issue.status, "ignored");
	assert_string_equal(issue.substatus, "archived_until_condition_met");
	assert_non_null(issue.assigned_to);
	assert_ptr_not_equal(issue.assigned_to, r.assigned_to);
	assert_string_equal(issue.assigned_to->id, "1");
	assert_string_equal(issue.assigned_to->email, "john.doe@example.com");
	assert_false(issue.is_bookmarked);
	change_result_free(&r);

	assert_true(decode_text("{\"assignedTo\":null}", &r, NULL));
	change_result_apply(&r, &issue);
	assert_null(issue.assigned_to);
	assert_string_equal(issue.status, "ignored");   /* not said, not touched */
	change_result_free(&r);

	/* Same status, a substatus said: the server's word beats the optimistic one. */
	assert_true(decode_text("{\"status\":\"ignored\",\"substatus\":\"archived_forever\"}", &r,
	                        NULL));
	change_result_apply(&r, &issue);
	assert_string_equal(issue.substatus, "archived_forever");
	change_result_free(&r);

	assert_true(decode_text("{\"status\":\"resolved\",\"substatus\":null}", &r, NULL));
	change_result_apply(&r, &issue);
	assert_string_equal(issue.status, "resolved");
	assert_null(issue.substatus);
	change_result_free(&r);

	/* 204 says nothing: the issue stays as it is. */
	assert_true(decode_text("", &r, NULL));
	change_result_apply(&r, &issue);
	assert_string_equal(issue.status, "resolved");
	change_result_free(&r);
	issue_free(&issue);
}

/* ---- members, teams, the current user ---------------------------------------------- */

static void test_members_fixture(void **state)
{
	size_t len, n;
	char *body = fixture_read("api/openapi.org-members.json", &len);
	struct member *m;
	assert_true(decode_members(body, len, &m, &n, NULL));
	free(body);
	/* Rockhopper is a pending invite (user null): not assignable. */
	assert_int_equal(n, 1);
	assert_string_equal(m[0].user_id, "280094367316");   /* user.id, not the member id */
	assert_string_equal(m[0].name, "Sir Penguin");
	assert_string_equal(m[0].email, "sirpenguin@antarcticarocks.com");
	assert_string_equal(m[0].username, "sirpenguin@antarcticarocks.com");
	members_free(m, n);
}

static void test_members_name_fallbacks(void **state)
{
	const char *body =
		"[{\"id\":\"1\",\"name\":\"\",\"email\":\"\","
		"  \"user\":{\"id\":\"10\",\"name\":\"From User\",\"email\":\"u@example.com\"}},"
		" {\"id\":\"2\",\"user\":{\"id\":11,\"email\":\"only@example.com\",\"username\":\"only\"}},"
		" {\"id\":\"3\",\"user\":{\"id\":\"12\",\"username\":\"handle\"}},"
		" {\"id\":\"4\",\"user\":{\"name\":\"no id\"}},"
		" \"not a member\","
		" {\"id\":\"5\",\"name\":\"Invited\",\"user\":null}]";
	struct member *m;
	size_t n;
	assert_true(decode_members(body, strlen(body), &m, &n, NULL));
	assert_int_equal(n, 3);
	assert_string_equal(m[0].user_id, "10");
	assert_string_equal(m[0].name, "From User");
	assert_string_equal(m[0].email, "u@example.com");
	assert_null(m[0].username);
	assert_string_equal(m[1].user_id, "11");
	assert_string_equal(m[1].name, "only@example.com");
	assert_string_equal(m[1].username, "only");
	assert_string_equal(m[2].user_id, "12");
	assert_string_equal(m[2].name, "handle");
	assert_null(m[2].email);
	members_free(m, n);
}

static void test_members_refuse_an_error_body(void **state)
{
	const char *body = "{\"detail\":\"You do not have permission to perform this action.\"}";
	struct member *m;
	size_t n = 7;
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_members(body, strlen(body), &m, &n, &err));
	assert_null(m);
	assert_int_equal(n, 0);
	assert_string_equal(strbuf_str(&err), "expected a list of members, got an object: "
	                                      "You do not have permission to perform this action.");
	strbuf_free(&err);
	assert_false(decode_members("", 0, &m, &n, NULL));
}

static void test_teams_fixture(void **state)
{
	size_t len, n;
	char *body = fixture_read("api/openapi.org-teams.json", &len);
	struct team *t;
	assert_true(decode_teams(body, len, &t, &n, NULL));
	free(body);
	assert_int_equal(n, 2);
	assert_string_equal(t[0].id, "48531");
	assert_string_equal(t[0].slug, "ancient-gabelers");
	assert_string_equal(t[0].name, "Ancient Gabelers");
	assert_string_equal(t[1].id, "100253");
	assert_string_equal(t[1].slug, "powerful-abolitionist");
	assert_string_equal(t[1].name, "Powerful Abolitionist");
	teams_free(t, n);
}

static void test_teams_skip_what_cannot_be_assigned(void **state)
{
	const char *body = "[{\"slug\":\"no-id\"},{\"id\":7,\"slug\":\"ops\"},[]]";
	struct team *t;
	size_t n;
	assert_true(decode_teams(body, strlen(body), &t, &n, NULL));
	assert_int_equal(n, 1);
	assert_string_equal(t[0].id, "7");
	assert_string_equal(t[0].slug, "ops");
	assert_null(t[0].name);
	teams_free(t, n);
	struct strbuf err = STRBUF_INIT;
	assert_false(decode_teams("\"teams\"", 7, &t, &n, &err));
	assert_string_equal(strbuf_str(&err), "expected a list of teams, got a string: teams");
	strbuf_free(&err);
	/* An empty list is a list. */
	assert_true(decode_teams("[]", 2, &t, &n, NULL));
	assert_int_equal(n, 0);
	teams_free(t, n);
}

static void test_auth_user_fixture(void **state)
{
	size_t len;
	char *body = fixture_read("api/sentry-mcp.auth-user.json", &len);
	struct member me;
	assert_true(decode_auth_user(body, len, &me, NULL));
	free(body);
	assert_string_equal(me.user_id, "123456");
	assert_string_equal(me.name, "Test User");
	assert_string_equal(me.email, "test@example.com");
	assert_string_equal(me.username, "testuser");
	member_free(&me);
	assert_null(me.user_id);
}

static void test_auth_user_refuses_what_is_no_user(void **state)
{
	struct member me;
	struct strbuf err = STRBUF_INIT;
	const char *body = "{\"detail\":\"Invalid token\"}";
	assert_false(decode_auth_user(body, strlen(body), &me, &err));
	assert_string_equal(strbuf_str(&err), "expected a user with an id, got an object: Invalid token");
	assert_null(me.user_id);
	strbuf_reset(&err);
	/* Not an error body: its lists of strings must not read as a DRF field map. */
	body = "{\"name\":\"x\",\"features\":[\"a\"]}";
	assert_false(decode_auth_user(body, strlen(body), &me, &err));
	assert_string_equal(strbuf_str(&err), "expected a user with an id, got an object");
	strbuf_reset(&err);
	assert_false(decode_auth_user("[]", 2, &me, &err));
	assert_string_equal(strbuf_str(&err), "expected a user with an id, got a list");
	strbuf_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_result_bulk_fixture),
		cmocka_unit_test(test_result_project_bulk_fixture),
		cmocka_unit_test(test_result_full_issue),
		cmocka_unit_test(test_result_no_content),
		cmocka_unit_test(test_result_garbage),
		cmocka_unit_test(test_result_mistyped_fields_are_unset),
		cmocka_unit_test(test_result_assignments),
		cmocka_unit_test(test_result_legacy_status_words),
		cmocka_unit_test(test_result_apply_keeps_the_optimistic_substatus),
		cmocka_unit_test(test_result_apply_sets_what_was_said),
		cmocka_unit_test(test_members_fixture),
		cmocka_unit_test(test_members_name_fallbacks),
		cmocka_unit_test(test_members_refuse_an_error_body),
		cmocka_unit_test(test_teams_fixture),
		cmocka_unit_test(test_teams_skip_what_cannot_be_assigned),
		cmocka_unit_test(test_auth_user_fixture),
		cmocka_unit_test(test_auth_user_refuses_what_is_no_user),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
