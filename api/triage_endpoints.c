/* Triage endpoints (see triage.h): the bulk PUT that changes issues, and the members,
 * teams and current user to assign them to (docs/sentry-api.md §8.1, §9, §1). */
#include "api/triage.h"

#include <stdlib.h>
#include <string.h>

#include "api/link.h"
#include "api/url.h"
#include "util/xalloc.h"

enum triage_call_kind { CALL_UPDATE, CALL_MEMBERS, CALL_TEAMS, CALL_AUTH };

struct triage_call {
	enum triage_call_kind kind;
	char *what;
	triage_fn done;
	void *ctx;
};

void triage_result_free(struct triage_result *r)
{
	if (!r)
		return;
	free(r->error);
	change_result_free(&r->change);
	members_free(r->members, r->nmembers);
	teams_free(r->teams, r->nteams);
	free(r->next_cursor);
	free(r);
}

static bool decode_into(const struct triage_call *call, const struct api_response *resp,
                        struct triage_result *r, struct strbuf *err)
{
	switch (call->kind) {
	case CALL_UPDATE:
		return decode_change_result(resp->body, resp->len, &r->change, err);
	case CALL_MEMBERS:
		if (!decode_members(resp->body, resp->len, &r->members, &r->nmembers, err))
			return false;
		r->next_cursor = link_next_cursor(resp->link);
		return true;
	case CALL_TEAMS:
		if (!decode_teams(resp->body, resp->len, &r->teams, &r->nteams, err))
			return false;
		r->next_cursor = link_next_cursor(resp->link);
		return true;
	case CALL_AUTH:
		r->members = xcalloc(1, sizeof(*r->members));
		if (decode_auth_user(resp->body, resp->len, r->members, err)) {
			r->nmembers = 1;
			return true;
		}
		free(r->members);
		r->members = NULL;
		return false;
	}
	return false;
}

static void on_response(void *ctx, const struct api_response *resp)
{
	struct triage_call *call = ctx;
	if (resp->outcome == API_CANCELLED) {
		free(call->what);
		free(call);
		return;
	}
	struct triage_result *r = xcalloc(1, sizeof(*r));
	r->status = resp->status;
	r->tries = resp->tries;
	if (resp->outcome != API_OK) {
		/* The client's sentence already carries the server's detail or field errors. */
		if (resp->error) {
			r->error = xstrdup(resp->error);
		} else {
			struct strbuf msg = STRBUF_INIT;
			strbuf_addf(&msg, "%s: request failed", call->what);
			r->error = strbuf_detach(&msg);
		}
	} else {
		struct strbuf err = STRBUF_INIT;
		if (!decode_into(call, resp, r, &err))
			r->error = api_malformed_message(resp, call->what, strbuf_str(&err));
		strbuf_free(&err);
	}
	triage_fn done = call->done;
	void *done_ctx = call->ctx;
	free(call->what);
	free(call);
	done(done_ctx, r);
}

/* Takes url (may be NULL: nothing is sent, 0 returned). */
static unsigned long submit(const struct sentry_target *t, enum triage_call_kind kind,
                            const char *method, char *url, const char *body, char *what,
                            const char *not_found, triage_fn done, void *ctx)
{
	if (!url) {
		free(what);
		return 0;
	}
	struct triage_call *call = xcalloc(1, sizeof(*call));
	call->kind = kind;
	call->what = what;
	call->done = done;
	call->ctx = ctx;
	struct api_request_spec spec = {
		.method = method, .url = url, .body = body, .what = what, .not_found = not_found,
	};
	unsigned long id = api_submit(t->client, &spec, on_response, call);
	free(url);
	return id;
}

static char *org_not_found(const struct sentry_target *t)
{
	struct strbuf nf = STRBUF_INIT;
	strbuf_addf(&nf, "organization '%s'", t->org ? t->org : "");
	return strbuf_detach(&nf);
}

/* Without id= the server applies a status change to every issue the query matches (up
 * to 1000), so a missing or empty id refuses the whole request (returns 0). */
unsigned long api_update_issues(const struct sentry_target *t, const char *project_id,
                                const char *const *ids, size_t nids, const char *body,
                                triage_fn done, void *ctx)
{
	if (nids == 0 || !body)
		return 0;
	for (size_t i = 0; i < nids; i++)
		if (!ids[i] || !*ids[i])
			return 0;
	const char **params = xcalloc(2 * (nids + 1), sizeof(*params));
	for (size_t i = 0; i < nids; i++) {
		params[2 * i] = "id";
		params[2 * i + 1] = ids[i];
	}
	params[2 * nids] = "project";
	params[2 * nids + 1] = project_id && *project_id ? project_id : NULL;
	const char *segs[] = { "organizations", t->org, "issues" };
	char *url = url_api_query(t->base_url, segs, 3, params, nids + 1);
	free(params);

	struct strbuf what = STRBUF_INIT;
	/* No numeric id here: the caller names the issues by short id. */
	if (nids == 1)
		strbuf_adds(&what, "issue update");
	else
		strbuf_addf(&what, "update of %zu issues", nids);
	char *not_found = org_not_found(t);
	unsigned long id = submit(t, CALL_UPDATE, "PUT", url, body, strbuf_detach(&what),
	                          not_found, done, ctx);
	free(not_found);
	return id;
}

/* An empty cursor is the first page, as in url_issue_list. */
static const char *cursor_param(const char *cursor)
{
	return cursor && *cursor ? cursor : NULL;
}

unsigned long api_list_members(const struct sentry_target *t, const char *cursor, triage_fn done,
                               void *ctx)
{
	const char *segs[] = { "organizations", t->org, "members" };
	const char *params[] = { "per_page", "100", "cursor", cursor_param(cursor) };
	char *url = url_api_query(t->base_url, segs, 3, params, 2);
	char *not_found = org_not_found(t);
	unsigned long id = submit(t, CALL_MEMBERS, "GET", url, NULL, xstrdup("member list"),
	                          not_found, done, ctx);
	free(not_found);
	return id;
}

/* The members on a team with access to the project: the ones an issue there can be
 * assigned to (docs/sentry-api.md §9). */
unsigned long api_list_project_members(const struct sentry_target *t, const char *project,
                                       const char *cursor, triage_fn done, void *ctx)
{
	const char *segs[] = { "projects", t->org, project, "members" };
	const char *params[] = { "per_page", "100", "cursor", cursor_param(cursor) };
	char *url = url_api_query(t->base_url, segs, 4, params, 2);
	struct strbuf not_found = STRBUF_INIT;
	strbuf_addf(&not_found, "project '%s' in organization '%s'", project, t->org);
	unsigned long id = submit(t, CALL_MEMBERS, "GET", url, NULL, xstrdup("project member list"),
	                          strbuf_str(&not_found), done, ctx);
	strbuf_free(&not_found);
	return id;
}

unsigned long api_list_teams(const struct sentry_target *t, const char *cursor, triage_fn done,
                             void *ctx)
{
	const char *segs[] = { "organizations", t->org, "teams" };
	const char *params[] = { "per_page", "100", "detailed", "0", "cursor", cursor_param(cursor) };
	char *url = url_api_query(t->base_url, segs, 3, params, 3);
	char *not_found = org_not_found(t);
	unsigned long id = submit(t, CALL_TEAMS, "GET", url, NULL, xstrdup("team list"), not_found,
	                          done, ctx);
	free(not_found);
	return id;
}

/* User-relative: an organization token may have no user behind it (docs/sentry-api.md §1). */
unsigned long api_auth_user(const struct sentry_target *t, triage_fn done, void *ctx)
{
	const char *segs[] = { "auth" };
	char *url = url_api(t->base_url, segs, 1);
	return submit(t, CALL_AUTH, "GET", url, NULL, xstrdup("current user"),
	              "the current-user endpoint /api/0/auth/", done, ctx);
}
