/* Actions per server (see availability.h). */
#include "views/availability.h"

#include <stdio.h>
#include <string.h>

#include "views/app.h"

/* The feature a request needs, and what its absence is called. */
static const struct {
	enum request req;
	enum server_feature feature;
	const char *lacks;
} needs[] = {
	{ REQ_ASSIGN, FEATURE_ASSIGN, "assignees" },
	{ REQ_ASSIGN_ME, FEATURE_ASSIGN, "assignees" },
	{ REQ_BOOKMARK, FEATURE_BOOKMARK, "bookmarks" },
	{ REQ_REVIEWED, FEATURE_REVIEWED, "review inbox" },
	{ REQ_EVENT_OLDEST, FEATURE_RECOMMENDED_EVENT, "oldest-event route" },
	{ REQ_EVENT_RECOMMENDED, FEATURE_RECOMMENDED_EVENT, "recommended events" },
	{ REQ_RELEASES, FEATURE_RELEASE_HEALTH, "release health" },
	{ REQ_TRANSACTIONS, FEATURE_TRANSACTIONS, "transaction list" },
	{ REQ_TRACE, FEATURE_TRACES, "traces" },
};

static const char *lacking(const struct app *app, enum server_feature f, const char *what)
{
	static char sentence[128];
	if (server_has(&app->caps, f))
		return NULL;
	snprintf(sentence, sizeof(sentence), "%s has no %s", server_name(&app->caps), what);
	return sentence;
}

const char *app_request_unavailable(const struct app *app, enum request req)
{
	for (size_t i = 0; i < sizeof(needs) / sizeof(needs[0]); i++)
		if (needs[i].req == req)
			return lacking(app, needs[i].feature, needs[i].lacks);
	return NULL;
}

bool app_request_available(const struct app *app, enum request req)
{
	return app_request_unavailable(app, req) == NULL;
}

const char *app_command_unavailable(const struct app *app, const char *name, const char *args)
{
	if (strcmp(name, "assign") == 0 || strcmp(name, "unassign") == 0)
		return lacking(app, FEATURE_ASSIGN, "assignees");
	if (strcmp(name, "resolve") == 0 && *args)
		return lacking(app, FEATURE_STATUS_DETAILS, "resolving in a release");
	if ((strcmp(name, "archive") == 0 || strcmp(name, "mute") == 0) && *args &&
	    strcmp(args, "forever") != 0)
		return lacking(app, FEATURE_STATUS_DETAILS, "archiving with a condition (only forever)");
	return app_request_unavailable(app, request_by_name(name));
}
