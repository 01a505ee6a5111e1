/* Release health (docs/sentry-api.md §10): releases with their per-project health, one
 * release's detail, and session counts over time by session status. Owned models, the
 * same rules as api/model.h: strings capped or NULL, a missing or mistyped figure reads
 * as "not sent" (never as zero), rows that are not objects are skipped. */
#ifndef API_RELEASE_H
#define API_RELEASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "api/endpoints.h"
#include "util/strbuf.h"

#define RELEASE_MAX_STATS 400       /* buckets kept of a health series */
#define RELEASE_MAX_INTERVALS 2000  /* sessions intervals kept */

/* projects[].healthData; every figure < 0 when null or not sent. */
struct release_health {
	bool has_health;              /* hasHealthData: sessions were ever received */
	double crash_free_sessions;   /* percent 0-100 */
	double crash_free_users;
	double adoption;              /* percent of the project's users in 24h */
	double sessions_adoption;
	long long total_sessions;     /* over summaryStatsPeriod */
	long long total_sessions_24h;
	long long total_users;
	long long total_users_24h;
	long long sessions_crashed;
	long long sessions_errored;
	uint32_t *stats;              /* stats[healthStatsPeriod]: sessions per bucket */
	size_t nstats;
};

struct release_project {
	char *id;
	char *slug;
	long long new_groups;         /* < 0 when not sent */
	struct release_health health;
};

struct release {
	char *version;
	char *short_version;
	time_t created, released, first_event, last_event;  /* 0 = null */
	long long new_groups;
	long long commit_count;
	long long deploy_count;
	char *last_deploy_environment;
	time_t last_deploy;           /* lastDeploy.dateFinished; 0 = none */
	struct release_project *projects;
	size_t nprojects;
};

/* GET organizations/{org}/sessions/?groupBy=session.status: one series per status. */
struct session_group {
	char *status;                 /* healthy | errored | crashed | abnormal | … */
	uint64_t total;
	uint64_t *series;             /* one count per interval */
	size_t n;
};

struct session_counts {
	time_t *intervals;            /* the start of each interval */
	size_t nintervals;
	struct session_group *groups;
	size_t ngroups;
};

void release_free(struct release *r);
void releases_free(struct release *r, size_t n);
void session_counts_free(struct session_counts *s);

/* A list of releases (a release that is not an object, or has no version, is skipped). */
bool decode_release_list(const char *body, size_t len, struct release **out, size_t *n,
                         struct strbuf *err);
/* One release object (the detail endpoint). */
bool decode_release(const char *body, size_t len, struct release *out, struct strbuf *err);
/* The sessions endpoint's answer; the field is the one asked ("sum(session)"). */
bool decode_session_counts(const char *body, size_t len, const char *field,
                           struct session_counts *out, struct strbuf *err);

enum release_sort {
	RELEASE_SORT_DATE, RELEASE_SORT_ADOPTION, RELEASE_SORT_CRASH_FREE_SESSIONS,
	RELEASE_SORT_CRASH_FREE_USERS, RELEASE_SORT_SESSIONS, RELEASE_SORT_USERS,
	RELEASE_SORT_COUNT
};
/* The API's name of a sort ("crash_free_sessions") and what the header calls it. */
const char *release_sort_name(enum release_sort sort);
const char *release_sort_label(enum release_sort sort);
/* Session sorts need flatten=1 (one row per release and project). */
bool release_sort_needs_flatten(enum release_sort sort);
/* A sort by its API name; false when unknown. */
bool release_sort_parse(const char *name, enum release_sort *out);

struct release_query {
	const char *const *project_ids;
	size_t nproject_ids;
	const char *environment;      /* NULL = all */
	const char *period;           /* summaryStatsPeriod and healthStatsPeriod */
	const char *version;          /* version contains this (query=); NULL = any */
	enum release_sort sort;
	const char *cursor;
};

char *releases_url(const char *base, const char *org, const struct release_query *q);
char *release_detail_url(const char *base, const char *org, const char *version,
                         const char *project_id, const char *period);
/* Sessions of version (or every release when NULL) by session status, per interval. */
char *release_sessions_url(const char *base, const char *org, const char *version,
                           const char *project_id, const char *environment,
                           const char *period, const char *interval);

struct release_result {
	long status;
	char *error;                  /* NULL on success */
	struct release *releases;     /* api_list_releases; api_get_release: one */
	size_t n;
	char *next_cursor;
	struct session_counts sessions;   /* api_release_sessions */
};
typedef void (*release_fn)(void *ctx, struct release_result *result);
void release_result_free(struct release_result *r);

unsigned long api_list_releases(const struct sentry_target *t, const struct release_query *q,
                                release_fn done, void *ctx);
unsigned long api_get_release(const struct sentry_target *t, const char *version,
                              const char *project_id, const char *period, release_fn done,
                              void *ctx);
unsigned long api_release_sessions(const struct sentry_target *t, const char *version,
                                   const char *project_id, const char *environment,
                                   const char *period, const char *interval, release_fn done,
                                   void *ctx);

#endif
