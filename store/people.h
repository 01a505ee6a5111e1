/* Who issues can be assigned to: the organization's members (user ids, not member ids)
 * and teams, plus the current user (for "assign to me"). Loaded once, on first use,
 * all pages; the assign picker filters them as the user types. */
#ifndef STORE_PEOPLE_H
#define STORE_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "api/triage.h"

struct pending_target {
	char *id;
	char *short_id;
};

struct people {
	const struct sentry_target *target;
	struct member *members;
	size_t nmembers;
	struct team *teams;
	size_t nteams;
	struct member me;          /* id NULL until known */
	bool loading;              /* members or teams in flight */
	bool loaded;
	bool me_loading;
	char *error;
	/* Who can be assigned in one project (the last one asked about). */
	char *access_project;
	char **access_user_ids;
	size_t naccess, access_cap;
	bool access_loaded;
	/* ":assign NAME" typed before the members arrived: carried out when they do. */
	char *pending_assign;
	/* The issue a deferred assignment (":assign NAME" above, or "assign to me" before we
	 * know who that is) was typed on, so it goes there even when the cursor has moved on;
	 * ids NULL when it was for the marked issues. */
	struct pending_target pending_assign_target, pending_me_target;
	unsigned long req_members, req_teams, req_me, req_access;
	void (*on_change)(void *ctx);
	void *ctx;
};

void people_init(struct people *p, const struct sentry_target *target, void (*on_change)(void *ctx),
                 void *ctx);
/* Start loading members and teams (once). */
void people_load(struct people *p);
/* Start asking who the token's user is (once). */
void people_load_me(struct people *p);
/* Start loading who can be assigned in project (a slug); replaces the previous project. */
void people_load_access(struct people *p, const char *project);
/* Whether project's assignable members are known, and whether user_id is one of them. */
bool people_access_known(const struct people *p, const char *project);
bool people_has_access(const struct people *p, const char *user_id);
void people_free(struct people *p);
/* Forget the issue t named (frees its strings). */
void pending_target_clear(struct pending_target *t);

#endif
