/* Triage on the local issue: the optimistic update (change_apply) and the change that
 * undoes it (change_inverse), over a matrix of starting states. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "api/triage.h"
#include "util/xalloc.h"

struct start {
	const char *status, *substatus;
};

static const struct start starts[] = {
	{ "unresolved", "new" },
	{ "unresolved", "regressed" },
	{ "unresolved", "ongoing" },
	{ "ignored", "archived_forever" },
	{ "ignored", "archived_until_condition_met" },
	{ "resolved", NULL },
};

enum who { NOBODY, A_USER, A_TEAM };

static struct actor *new_actor(const char *type, const char *id, const char *name,
                               const char *email)
{
	struct actor *a = xcalloc(1, sizeof(*a));
	a->type = xstrdup(type);
	a->id = xstrdup(id);
	a->name = xstrdup_or_null(name);
	a->email = xstrdup_or_null(email);
	return a;
}

static struct issue make_issue(const struct start *s, enum who who, bool bookmarked)
{
	struct issue issue = { 0 };
	issue.id = xstrdup("4500000002");
	issue.short_id = xstrdup("BACKEND-2");
	issue.title = xstrdup("ZeroDivisionError: division by zero");
	issue.status = xstrdup_or_null(s->status);
	issue.substatus = xstrdup_or_null(s->substatus);
	issue.is_bookmarked = bookmarked;
	if (who == A_USER)
		issue.assigned_to = new_actor("user", "1", "John Doe", "john.doe@example.com");
	else if (who == A_TEAM)
		issue.assigned_to = new_actor("team", "100253", "powerful-abolitionist", NULL);
	return issue;
}

static void assert_same_text(const char *got, const char *want)
{
	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
}

static void assert_same_actor(const struct actor *got, const struct actor *want)
{
	if (!want) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_ptr_not_equal(got, want);
	assert_same_text(got->type, want->type);
	assert_same_text(got->id, want->id);
	assert_same_text(got->name, want->name);
	assert_same_text(got->email, want->email);
}

/* Everything triage can touch, plus a field it must never touch. */
static void assert_same_triage_state(const struct issue *got, const struct issue *want)
{
	assert_same_text(got->status, want->status);
	assert_same_text(got->substatus, want->substatus);
	assert_same_actor(got->assigned_to, want->assigned_to);
	assert_int_equal(got->is_bookmarked, want->is_bookmarked);
	assert_string_equal(got->title, want->title);
}

/* One change of every kind; ASSIGN twice (a user and a team). */
static size_t all_changes(struct change *out)
{
	size_t n = 0;
	out[n++] = (struct change){ .kind = CHANGE_RESOLVE };
	out[n++] = (struct change){ .kind = CHANGE_RESOLVE_NEXT_RELEASE };
	out[n++] = (struct change){ .kind = CHANGE_RESOLVE_IN_RELEASE, .release = xstrdup("latest") };
	out[n++] = (struct change){ .kind = CHANGE_UNRESOLVE };
	out[n++] = (struct change){ .kind = CHANGE_ARCHIVE_ESCALATING };
	out[n++] = (struct change){ .kind = CHANGE_ARCHIVE_FOREVER };
	out[n++] = (struct change){ .kind = CHANGE_ARCHIVE_DURATION, .minutes = 120 };
	out[n++] = (struct change){ .kind = CHANGE_ARCHIVE_COUNT, .count = 100, .minutes = 60 };
	out[n++] = (struct change){ .kind = CHANGE_ARCHIVE_USERS, .count = 10 };
	struct change c = { .kind = CHANGE_ASSIGN };
	c.assignee = (struct actor){ xstrdup("user"), xstrdup("12345"), xstrdup("Jane Developer"),
	                             xstrdup("jane@example.com") };
	out[n++] = c;
	c.assignee = (struct actor){ xstrdup("team"), xstrdup("48531"), xstrdup("ancient-gabelers"),
	                             NULL };
	out[n++] = c;
	out[n++] = (struct change){ .kind = CHANGE_UNASSIGN };
	out[n++] = (struct change){ .kind = CHANGE_BOOKMARK };
	out[n++] = (struct change){ .kind = CHANGE_UNBOOKMARK };
	out[n++] = (struct change){ .kind = CHANGE_MARK_REVIEWED };
	out[n++] = (struct change){ .kind = CHANGE_MARK_UNREVIEWED };
	c = (struct change){ .kind = CHANGE_SET_STATUS, .status = xstrdup("unresolved"),
	                     .substatus = xstrdup("escalating") };
	out[n++] = c;
	return n;
}

#define MAX_CHANGES 24

static void test_apply_then_inverse_restores_every_start(void **state)
{
	struct change changes[MAX_CHANGES];
	size_t nchanges = all_changes(changes);
	size_t rounds = 0;
	for (size_t s = 0; s < sizeof(starts) / sizeof(starts[0]); s++)
		for (int who = NOBODY; who <= A_TEAM; who++)
			for (int bm = 0; bm <= 1; bm++)
				for (size_t i = 0; i < nchanges; i++) {
					struct issue original = make_issue(&starts[s], who, bm);
					struct issue issue;
					issue_clone(&original, &issue);
					struct change undo;
					change_inverse(&changes[i], &issue, &undo);
					/* Every undo must be sendable. */
					char *body = change_body(&undo);
					assert_non_null(body);
					free(body);
					change_apply(&changes[i], &issue);
					change_apply(&undo, &issue);
					assert_same_triage_state(&issue, &original);
					change_free(&undo);
					issue_free(&issue);
					issue_free(&original);
					rounds++;
				}
	assert_int_equal(rounds, 6 * 3 * 2 * nchanges);
	for (size_t i = 0; i < nchanges; i++)
		change_free(&changes[i]);
}

/* ---- what apply does --------------------------------------------------------------- */

static void assert_status_after(const struct change *c, const char *status,
                                const char *substatus)
{
	struct issue issue = make_issue(&starts[1], A_USER, false);
	change_apply(c, &issue);
	assert_same_text(issue.status, status);
	assert_same_text(issue.substatus, substatus);
	/* A status change leaves the assignee alone. */
	assert_non_null(issue.assigned_to);
	assert_string_equal(issue.assigned_to->id, "1");
	issue_free(&issue);
}

static void test_apply_status_changes(void **state)
{
	char version[] = "backend@2.17.1", sub[] = "escalating", status[] = "unresolved";
	assert_status_after(&(struct change){ .kind = CHANGE_RESOLVE }, "resolved", NULL);
	assert_status_after(&(struct change){ .kind = CHANGE_RESOLVE_NEXT_RELEASE }, "resolved", NULL);
	assert_status_after(&(struct change){ .kind = CHANGE_RESOLVE_IN_RELEASE, .release = version },
	                    "resolved", NULL);
	assert_status_after(&(struct change){ .kind = CHANGE_UNRESOLVE }, "unresolved", "ongoing");
	assert_status_after(&(struct change){ .kind = CHANGE_ARCHIVE_ESCALATING }, "ignored",
	                    "archived_until_escalating");
	assert_status_after(&(struct change){ .kind = CHANGE_ARCHIVE_FOREVER }, "ignored",
	                    "archived_forever");
	assert_status_after(&(struct change){ .kind = CHANGE_ARCHIVE_DURATION, .minutes = 30 },
	                    "ignored", "archived_until_condition_met");
	assert_status_after(&(struct change){ .kind = CHANGE_ARCHIVE_COUNT, .count = 5 }, "ignored",
	                    "archived_until_condition_met");
	assert_status_after(&(struct change){ .kind = CHANGE_ARCHIVE_USERS, .count = 5 }, "ignored",
	                    "archived_until_condition_met");
	assert_status_after(&(struct change){ .kind = CHANGE_SET_STATUS, .status = status,
	                                      .substatus = sub },
	                    "unresolved", "escalating");
}

static void test_apply_assign_copies_the_actor(void **state)
{
	struct issue issue = make_issue(&starts[0], A_USER, false);
	struct change c = { .kind = CHANGE_ASSIGN };
	c.assignee = (struct actor){ xstrdup("team"), xstrdup("48531"), xstrdup("ancient-gabelers"),
	                             NULL };
	change_apply(&c, &issue);
	change_free(&c);   /* the issue owns its own copy */
	assert_non_null(issue.assigned_to);
	assert_string_equal(issue.assigned_to->type, "team");
	assert_string_equal(issue.assigned_to->id, "48531");
	assert_string_equal(issue.assigned_to->name, "ancient-gabelers");
	assert_null(issue.assigned_to->email);
	assert_string_equal(issue.status, "unresolved");
	change_apply(&(struct change){ .kind = CHANGE_UNASSIGN }, &issue);
	assert_null(issue.assigned_to);
	issue_free(&issue);
}

static void test_apply_flags(void **state)
{
	struct issue issue = make_issue(&starts[0], NOBODY, false);
	change_apply(&(struct change){ .kind = CHANGE_BOOKMARK }, &issue);
	assert_true(issue.is_bookmarked);
	change_apply(&(struct change){ .kind = CHANGE_UNBOOKMARK }, &issue);
	assert_false(issue.is_bookmarked);
	issue_free(&issue);
}

static void test_apply_reviewed_changes_nothing(void **state)
{
	struct issue original = make_issue(&starts[0], A_TEAM, true);
	struct issue issue;
	issue_clone(&original, &issue);
	change_apply(&(struct change){ .kind = CHANGE_MARK_REVIEWED }, &issue);
	assert_same_triage_state(&issue, &original);
	change_apply(&(struct change){ .kind = CHANGE_MARK_UNREVIEWED }, &issue);
	assert_same_triage_state(&issue, &original);
	issue_free(&issue);
	issue_free(&original);
}

/* ---- what inverse gives ------------------------------------------------------------ */

static void assert_inverse_body(const struct change *c, const struct issue *issue,
                                enum change_kind kind, const char *body)
{
	struct change undo;
	change_inverse(c, issue, &undo);
	assert_int_equal(undo.kind, kind);
	char *text = change_body(&undo);
	assert_non_null(text);
	assert_string_equal(text, body);
	free(text);
	change_free(&undo);
}

static void test_inverse_of_resolve_restores_regressed(void **state)
{
	struct issue issue = make_issue(&starts[1], NOBODY, false);
	assert_inverse_body(&(struct change){ .kind = CHANGE_RESOLVE }, &issue, CHANGE_SET_STATUS,
	                    "{\"status\":\"unresolved\",\"statusDetails\":{},"
	                    "\"substatus\":\"regressed\"}");
	issue_free(&issue);
}

static void test_inverse_of_unresolve_restores_resolved(void **state)
{
	struct issue issue = make_issue(&starts[5], NOBODY, false);
	assert_inverse_body(&(struct change){ .kind = CHANGE_UNRESOLVE }, &issue, CHANGE_SET_STATUS,
	                    "{\"status\":\"resolved\",\"statusDetails\":{},\"substatus\":null}");
	issue_free(&issue);
}

static void test_inverse_of_unknown_status_is_unresolved(void **state)
{
	struct start none = { NULL, NULL };
	struct issue issue = make_issue(&none, NOBODY, false);
	assert_inverse_body(&(struct change){ .kind = CHANGE_ARCHIVE_FOREVER }, &issue,
	                    CHANGE_SET_STATUS,
	                    "{\"status\":\"unresolved\",\"statusDetails\":{},\"substatus\":null}");
	issue_free(&issue);
}

static void test_inverse_of_assign(void **state)
{
	struct change assign = { .kind = CHANGE_ASSIGN };
	assign.assignee = (struct actor){ xstrdup("user"), xstrdup("12345"), NULL, NULL };
	struct issue issue = make_issue(&starts[0], NOBODY, false);
	assert_inverse_body(&assign, &issue, CHANGE_UNASSIGN, "{\"assignedTo\":\"\"}");
	issue_free(&issue);
	issue = make_issue(&starts[0], A_USER, false);
	assert_inverse_body(&assign, &issue, CHANGE_ASSIGN, "{\"assignedTo\":\"user:1\"}");
	assert_inverse_body(&(struct change){ .kind = CHANGE_UNASSIGN }, &issue, CHANGE_ASSIGN,
	                    "{\"assignedTo\":\"user:1\"}");
	issue_free(&issue);
	issue = make_issue(&starts[0], A_TEAM, false);
	assert_inverse_body(&assign, &issue, CHANGE_ASSIGN, "{\"assignedTo\":\"team:100253\"}");
	issue_free(&issue);
	change_free(&assign);
}

static void test_inverse_of_assign_is_a_copy(void **state)
{
	struct issue issue = make_issue(&starts[0], A_USER, false);
	struct change undo;
	change_inverse(&(struct change){ .kind = CHANGE_UNASSIGN }, &issue, &undo);
	assert_ptr_not_equal(undo.assignee.id, issue.assigned_to->id);
	issue_free(&issue);   /* the undo outlives the issue's actor */
	assert_string_equal(undo.assignee.type, "user");
	assert_string_equal(undo.assignee.id, "1");
	assert_string_equal(undo.assignee.name, "John Doe");
	assert_string_equal(undo.assignee.email, "john.doe@example.com");
	change_free(&undo);
}

static void test_inverse_of_flags(void **state)
{
	struct issue plain = make_issue(&starts[0], NOBODY, false);
	struct issue marked = make_issue(&starts[0], NOBODY, true);
	assert_inverse_body(&(struct change){ .kind = CHANGE_BOOKMARK }, &plain, CHANGE_UNBOOKMARK,
	                    "{\"isBookmarked\":false}");
	assert_inverse_body(&(struct change){ .kind = CHANGE_BOOKMARK }, &marked, CHANGE_BOOKMARK,
	                    "{\"isBookmarked\":true}");
	assert_inverse_body(&(struct change){ .kind = CHANGE_UNBOOKMARK }, &marked, CHANGE_BOOKMARK,
	                    "{\"isBookmarked\":true}");
	assert_inverse_body(&(struct change){ .kind = CHANGE_MARK_REVIEWED }, &plain,
	                    CHANGE_MARK_UNREVIEWED, "{\"inbox\":true}");
	assert_inverse_body(&(struct change){ .kind = CHANGE_MARK_UNREVIEWED }, &plain,
	                    CHANGE_MARK_REVIEWED, "{\"inbox\":false}");
	issue_free(&plain);
	issue_free(&marked);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apply_then_inverse_restores_every_start),
		cmocka_unit_test(test_apply_status_changes),
		cmocka_unit_test(test_apply_assign_copies_the_actor),
		cmocka_unit_test(test_apply_flags),
		cmocka_unit_test(test_apply_reviewed_changes_nothing),
		cmocka_unit_test(test_inverse_of_resolve_restores_regressed),
		cmocka_unit_test(test_inverse_of_unresolve_restores_resolved),
		cmocka_unit_test(test_inverse_of_unknown_status_is_unresolved),
		cmocka_unit_test(test_inverse_of_assign),
		cmocka_unit_test(test_inverse_of_assign_is_a_copy),
		cmocka_unit_test(test_inverse_of_flags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
