/* What kind of server this is and what it supports: the one place that decides which
 * routes, parameters and bodies each server gets (docs/sentry-api.md §12), so nothing
 * else asks "is this GlitchTip?". The kind comes from the config (server_kind) or is
 * learnt from the server's own answers (a 422 for Sentry's sort names) once per
 * session; until then the server is treated as Sentry. */
#ifndef API_SERVER_CAPS_H
#define API_SERVER_CAPS_H

#include <stdbool.h>

enum server_kind { SERVER_UNKNOWN, SERVER_SENTRY, SERVER_GLITCHTIP };

enum server_feature {
	FEATURE_ASSIGN,              /* assignees */
	FEATURE_BOOKMARK,
	FEATURE_REVIEWED,            /* hasSeen / the review inbox */
	FEATURE_STATUS_DETAILS,      /* resolve in a release, archive until escalating, for a time, until N */
	FEATURE_SUBSTATUS,
	FEATURE_RELEASE_HEALTH,
	FEATURE_TRANSACTIONS,        /* the events endpoint (Discover) */
	FEATURE_TRACES,
	FEATURE_SHORT_ID_LOOKUP,
	FEATURE_LIST_SPARKLINES,     /* the issue list carries stats (else issues-stats/) */
	FEATURE_ORG_ISSUE_ROUTES,    /* GET organizations/{org}/issues/{id}/… (else issues/{id}/…) */
	FEATURE_RECOMMENDED_EVENT,   /* events/recommended/ and events/oldest/ */
};

struct server_caps {
	enum server_kind kind;
	bool configured;             /* server_kind in the config: never relearnt */
};

/* From the config's server_kind ("auto", "sentry", "glitchtip"; NULL = auto). */
void server_caps_init(struct server_caps *c, const char *configured_kind);
bool server_has(const struct server_caps *c, enum server_feature f);
/* "GlitchTip", "Sentry", or "this server" when unknown: for messages. */
const char *server_name(const struct server_caps *c);
/* The issue list's sort as this server names it ("date" -> "-last_seen" on GlitchTip). */
const char *server_issue_sort(const struct server_caps *c, const char *sort);
/* The server refused Sentry's sort names (a 422): it is GlitchTip. True when that was
 * news (the caller asks again). */
bool server_caps_learn_sort_refused(struct server_caps *c);

/* A cheap question whose answer tells the kinds apart (`sentry-tui profiles --probe`):
 * one issue of org, sorted by Sentry's "date". malloc'd URL, NULL for a bad base. */
char *server_probe_url(const char *base, const char *org);
/* What the probe's HTTP status says: 2xx Sentry, 422 GlitchTip (it refuses the sort),
 * anything else SERVER_UNKNOWN. */
enum server_kind server_kind_from_probe(long status);

#endif
