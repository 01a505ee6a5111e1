/* Members, teams and the current user (see people.h). */
#include "store/people.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void people_init(struct people *p, const struct sentry_target *target, void (*on_change)(void *ctx),
                 void *ctx)
{
	memset(p, 0, sizeof(*p));
	p->target = target;
	p->on_change = on_change;
	p->ctx = ctx;
}

static void changed(struct people *p)
{
	p->loading = p->req_members || p->req_teams;
	p->loaded = !p->loading;
	if (p->on_change)
		p->on_change(p->ctx);
}

static void set_error(struct people *p, const char *error)
{
	free(p->error);
	p->error = xstrdup_or_null(error);
}

static void on_members(void *ctx, struct triage_result *r)
{
	struct people *p = ctx;
	p->req_members = 0;
	if (r->error) {
		set_error(p, r->error);
	} else {
		p->members = xrealloc(p->members, (p->nmembers + r->nmembers + 1) * sizeof(*p->members));
		memcpy(p->members + p->nmembers, r->members, r->nmembers * sizeof(*r->members));
		p->nmembers += r->nmembers;
		r->nmembers = 0;
		if (r->next_cursor)
			p->req_members = api_list_members(p->target, r->next_cursor, on_members, p);
	}
	triage_result_free(r);
	changed(p);
}

static void on_teams(void *ctx, struct triage_result *r)
{
	struct people *p = ctx;
	p->req_teams = 0;
	if (r->error) {
		set_error(p, r->error);
	} else {
		p->teams = xrealloc(p->teams, (p->nteams + r->nteams + 1) * sizeof(*p->teams));
		memcpy(p->teams + p->nteams, r->teams, r->nteams * sizeof(*r->teams));
		p->nteams += r->nteams;
		r->nteams = 0;
		if (r->next_cursor)
			p->req_teams = api_list_teams(p->target, r->next_cursor, on_teams, p);
	}
	triage_result_free(r);
	changed(p);
}

static void on_me(void *ctx, struct triage_result *r)
{
	struct people *p = ctx;
	p->req_me = 0;
	p->me_loading = false;
	if (r->error) {
		set_error(p, r->error);
	} else if (r->nmembers) {
		p->me = r->members[0];
		memset(&r->members[0], 0, sizeof(r->members[0]));
	}
	triage_result_free(r);
	if (p->on_change)
		p->on_change(p->ctx);
}

void people_load(struct people *p)
{
	if (p->loading || p->loaded)
		return;
	p->loading = true;
	p->req_members = api_list_members(p->target, NULL, on_members, p);
	p->req_teams = api_list_teams(p->target, NULL, on_teams, p);
}

void people_load_me(struct people *p)
{
	if (p->me.user_id || p->me_loading)
		return;
	p->me_loading = true;
	p->req_me = api_auth_user(p->target, on_me, p);
}

static void access_clear(struct people *p)
{
	for (size_t i = 0; i < p->naccess; i++)
		free(p->access_user_ids[i]);
	free(p->access_user_ids);
	p->access_user_ids = NULL;
	p->naccess = p->access_cap = 0;
	p->access_loaded = false;
}

static void on_access(void *ctx, struct triage_result *r)
{
	struct people *p = ctx;
	p->req_access = 0;
	if (r->error) {
		/* Not fatal: without the list nobody is marked, and the server still decides. */
		access_clear(p);
		free(p->access_project);
		p->access_project = NULL;
	} else {
		for (size_t i = 0; i < r->nmembers; i++) {
			if (!r->members[i].user_id)
				continue;
			xgrow((void **)&p->access_user_ids, &p->access_cap, p->naccess + 1,
			      sizeof(*p->access_user_ids));
			p->access_user_ids[p->naccess++] = xstrdup(r->members[i].user_id);
		}
		if (r->next_cursor)
			p->req_access = api_list_project_members(p->target, p->access_project,
			                                         r->next_cursor, on_access, p);
		else
			p->access_loaded = true;
	}
	triage_result_free(r);
	if (p->on_change)
		p->on_change(p->ctx);
}

void people_load_access(struct people *p, const char *project)
{
	if (!project || (p->access_project && strcmp(p->access_project, project) == 0))
		return;
	if (p->req_access)
		api_cancel(p->target->client, p->req_access);
	access_clear(p);
	free(p->access_project);
	p->access_project = xstrdup(project);
	p->req_access = api_list_project_members(p->target, project, NULL, on_access, p);
}

bool people_access_known(const struct people *p, const char *project)
{
	return p->access_loaded && p->access_project && project &&
	       strcmp(p->access_project, project) == 0;
}

bool people_has_access(const struct people *p, const char *user_id)
{
	for (size_t i = 0; user_id && i < p->naccess; i++)
		if (strcmp(p->access_user_ids[i], user_id) == 0)
			return true;
	return false;
}

void people_free(struct people *p)
{
	unsigned long reqs[] = { p->req_members, p->req_teams, p->req_me, p->req_access };
	for (size_t i = 0; i < 4; i++)
		if (reqs[i])
			api_cancel(p->target->client, reqs[i]);
	access_clear(p);
	free(p->access_project);
	free(p->pending_assign);
	pending_target_clear(&p->pending_assign_target);
	pending_target_clear(&p->pending_me_target);
	members_free(p->members, p->nmembers);
	teams_free(p->teams, p->nteams);
	free(p->me.user_id);
	free(p->me.name);
	free(p->me.email);
	free(p->me.username);
	free(p->error);
	memset(p, 0, sizeof(*p));
}

void pending_target_clear(struct pending_target *t)
{
	free(t->id);
	free(t->short_id);
	t->id = t->short_id = NULL;
}
