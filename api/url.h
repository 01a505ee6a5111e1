/* URL building with curl's URL API (never string glue): path segments are escaped,
 * query values URL-encoded, repeated keys kept in order. */
#ifndef API_URL_H
#define API_URL_H

#include <stddef.h>

struct issue_query {
	const char *query;         /* Sentry search, sent even when empty ("query=") */
	const char *sort;          /* date|new|freq|user|trends|... ; NULL = omit */
	const char *stats_period;  /* "24h", "14d", ... ; NULL = omit */
	const char *group_stats_period; /* normally "24h"; NULL = omit */
	const char *const *project_ids; /* numeric ids, repeated as project= */
	size_t nproject_ids;
	const char *const *environments;
	size_t nenvironments;
	int limit;                 /* 0 = omit */
	const char *cursor;        /* NULL = first page */
	const char *expand;        /* e.g. "inbox" (review state); NULL = omit */
};

/* base is the server URL as configured ("https://sentry.io/", "http://127.0.0.1:8000",
 * possibly with a path prefix "https://x.example/sentry"). Segments are path segments
 * after /api/0/, each escaped ("." and ".." too); the result always ends with "/".
 * A base that already ends in /api/0 is taken as the server ("/api/0/" is not doubled);
 * its query and fragment are dropped. Returns a malloc'd URL string (free()), or NULL if
 * base is not a valid http(s) URL or a segment is NULL or empty (organizations//issues/
 * would ask a different endpoint). */
char *url_api(const char *base, const char *const *segments, size_t nsegments);

/* url_api plus query parameters: params holds nparams (key, value) pairs as
 * params[2i], params[2i+1]; a NULL value omits that pair. */
char *url_api_query(const char *base, const char *const *segments, size_t nsegments,
                    const char *const *params, size_t nparams);

/* GET /api/0/organizations/{org}/issues/?query=…&sort=…&statsPeriod=…&groupStatsPeriod=…
 *   &project=…&environment=…&limit=…&cursor=…  (in that order). q may be NULL (query=
 *   only). NULL strings are omitted, "" is sent (groupStatsPeriod= means no stats), except
 *   that empty project ids and an empty cursor are left out. */
char *url_issue_list(const char *base, const char *org, const struct issue_query *q);

/* GET /api/0/organizations/{org}/projects/?per_page=100[&cursor=…] */
char *url_org_projects(const char *base, const char *org, const char *cursor);

/* The host part of a URL for error messages ("sentry.io"); malloc'd, NULL if invalid. */
char *url_host(const char *url);

#endif
