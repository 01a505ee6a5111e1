/* Who issues can be assigned to: the organization's members (user ids, not member ids)
 * and teams, plus the current user (for "assign to me"). Loaded once, on first use,
 * all pages; the assign picker filters them as the user types. */
#ifndef STORE_PEOPLE_H
#define STORE_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "api/triage.h"

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
	unsigned long req_members, req_teams, req_me;
	void (*on_change)(void *ctx);
	void *ctx;
};

void people_init(struct people *p, const struct sentry_target *target, void (*on_change)(void *ctx),
                 void *ctx);
/* Start loading members and teams (once). */
void people_load(struct people *p);
/* Start asking who the token's user is (once). */
void people_load_me(struct people *p);
void people_free(struct people *p);

#endif
