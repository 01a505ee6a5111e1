/* libFuzzer target for triage: the server's answer to a PUT (decode_change_result and
 * change_result_apply), the members, teams and current-user decoders, and the bodies
 * built from what they decoded (change_body, change_inverse, change_describe). Besides
 * crashes and leaks it aborts when a promise breaks:
 *   - a member has a user id, a team an id (an assignment needs them);
 *   - every body is JSON that jansson reads back with the values that went in: the
 *     status, substatus and statusDetails of an undo, the "user:ID"/"team:ID" of an
 *     assignment, and the body of the inverse of each change too;
 *   - an answer applied to an issue leaves it with what the answer said;
 *   - a failure always says why.
 * Built by `make fuzz-bins` (see the Makefile). */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/triage.h"
#include "tests/fuzz/fuzz_check.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool is_utf8(const char *s)
{
	json_t *probe = json_string(s);
	bool ok = probe != NULL;
	json_decref(probe);
	return ok;
}

/* The body parses back; returns the object (caller decrefs) or NULL for no body. */
static json_t *body_json(const struct change *c)
{
	char *text = change_body(c);
	if (!text)
		return NULL;
	json_error_t jerr;
	json_t *root = json_loads(text, 0, &jerr);
	FUZZ_REQUIRE(json_is_object(root));
	free(text);
	return root;
}

static void check_inverse(const struct change *c, const struct issue *issue)
{
	struct change inverse;
	change_inverse(c, issue, &inverse);
	json_t *root = body_json(&inverse);
	json_decref(root);
	struct strbuf words = STRBUF_INIT;
	change_describe(&inverse, &words);
	strbuf_free(&words);
	change_free(&inverse);
}

static void check_assign(const struct actor *who, const struct issue *issue)
{
	struct change c = { .kind = CHANGE_ASSIGN };
	c.assignee.type = xstrdup(who->type);
	c.assignee.id = xstrdup(who->id);
	c.assignee.name = xstrdup_or_null(who->name);
	c.assignee.email = xstrdup_or_null(who->email);
	json_t *root = body_json(&c);
	if (root) {
		const char *sent = json_string_value(json_object_get(root, "assignedTo"));
		FUZZ_REQUIRE(sent);
		struct strbuf want = STRBUF_INIT;
		strbuf_addf(&want, "%s:%s", who->type, who->id);
		FUZZ_REQUIRE(strcmp(sent, strbuf_str(&want)) == 0);
		strbuf_free(&want);
		json_decref(root);
	} else {
		/* Only an id jansson cannot send is refused. */
		FUZZ_REQUIRE(!*who->id || !is_utf8(who->id));
	}
	check_inverse(&c, issue);
	change_free(&c);
}

/* An undo of the answer's state: the body carries exactly that state. */
static void check_set_status(const struct change_result *r, const char *details,
                             const struct issue *issue)
{
	if (!r->status)
		return;
	struct change c = { .kind = CHANGE_SET_STATUS };
	c.status = xstrdup(r->status);
	c.substatus = xstrdup_or_null(r->substatus);
	c.status_details = xstrdup_or_null(details);
	json_t *root = body_json(&c);
	if (root) {
		FUZZ_REQUIRE(strcmp(json_string_value(json_object_get(root, "status")), c.status) == 0);
		json_t *sub = json_object_get(root, "substatus");
		if (c.substatus)
			FUZZ_REQUIRE(json_is_string(sub) &&
			             strcmp(json_string_value(sub), c.substatus) == 0);
		else
			FUZZ_REQUIRE(json_is_null(sub));
		FUZZ_REQUIRE(json_is_object(json_object_get(root, "statusDetails")));
		json_decref(root);
	}
	check_inverse(&c, issue);
	change_free(&c);
}

static struct issue *new_issue(void)
{
	struct issue *issue = xcalloc(1, sizeof(*issue));
	issue->id = xstrdup("4500000002");
	issue->status = xstrdup("unresolved");
	issue->substatus = xstrdup("regressed");
	issue->assigned_to = xcalloc(1, sizeof(struct actor));
	issue->assigned_to->type = xstrdup("team");
	issue->assigned_to->id = xstrdup("12");
	issue->assigned_to->name = xstrdup("backend");
	return issue;
}

static void free_issue(struct issue *issue)
{
	issue_free(issue);
	free(issue);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *body = malloc(size ? size : 1); /* exact size: ASan sees reads past len */
	if (!body)
		return 0;
	memcpy(body, data, size);
	struct issue *issue = new_issue();
	struct strbuf err = STRBUF_INIT;

	struct change_result r;
	if (decode_change_result(body, size, &r, &err)) {
		struct issue *after = new_issue();
		change_result_apply(&r, after);
		if (r.has_status)
			FUZZ_REQUIRE((!r.status && !after->status) ||
			             (r.status && after->status && strcmp(r.status, after->status) == 0));
		if (r.has_assigned)
			FUZZ_REQUIRE(!r.assigned_to == !after->assigned_to);
		if (r.has_bookmark)
			FUZZ_REQUIRE(after->is_bookmarked == r.is_bookmarked);
		/* The body itself as an undo's statusDetails: any text, JSON or not. */
		char *details = xstrndup(body, size);
		check_set_status(&r, details, issue);
		free(details);
		change_result_free(&r);
		free_issue(after);
	} else {
		FUZZ_REQUIRE(err.len);
	}
	strbuf_reset(&err);

	struct member *members;
	size_t n;
	if (decode_members(body, size, &members, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			FUZZ_REQUIRE(members[i].user_id && *members[i].user_id);
			struct actor who;
			actor_from_member(&members[i], &who);
			FUZZ_REQUIRE(who.type && strcmp(who.type, "user") == 0 && who.id);
			if (i < 4) /* enough to reach every shape; bodies are not free */
				check_assign(&who, issue);
			free(who.type);
			free(who.id);
			free(who.name);
			free(who.email);
		}
		members_free(members, n);
	} else {
		FUZZ_REQUIRE(err.len);
	}
	strbuf_reset(&err);

	struct team *teams;
	if (decode_teams(body, size, &teams, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			FUZZ_REQUIRE(teams[i].id && *teams[i].id);
			struct actor who;
			actor_from_team(&teams[i], &who);
			FUZZ_REQUIRE(who.type && strcmp(who.type, "team") == 0 && who.id);
			if (i < 4)
				check_assign(&who, issue);
			free(who.type);
			free(who.id);
			free(who.name);
			free(who.email);
		}
		teams_free(teams, n);
	} else {
		FUZZ_REQUIRE(err.len);
	}
	strbuf_reset(&err);

	struct member me;
	if (decode_auth_user(body, size, &me, &err)) {
		FUZZ_REQUIRE(me.user_id);
		member_free(&me);
	} else {
		FUZZ_REQUIRE(err.len);
	}
	strbuf_free(&err);
	free_issue(issue);
	free(body);
	return 0;
}
