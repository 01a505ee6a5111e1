/* Owned C models decoded from Sentry's JSON (ARCHITECTURE.md rule 5).
 * Every string is an owned, length-capped copy or NULL when the server sent null,
 * nothing, or the wrong type. No jansson type escapes the decoders. */
#ifndef API_MODEL_H
#define API_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Caps applied while decoding, so hostile payloads cannot make drawing slow. */
#define MODEL_MAX_ID      128
#define MODEL_MAX_TITLE   4096
#define MODEL_MAX_FIELD   1024
#define MODEL_MAX_STATS   400   /* buckets kept of a stats series */
#define MODEL_MAX_ENVIRONMENTS 64

enum issue_level {
	LEVEL_UNKNOWN = 0,
	LEVEL_FATAL,
	LEVEL_ERROR,
	LEVEL_WARNING,
	LEVEL_INFO,
	LEVEL_DEBUG,
	LEVEL_SAMPLE,
};

/* {"type":"user","id":"1","name":"John Doe","email":"…"} or {"type":"team","id":"2","name":"slug"} */
struct actor {
	char *type;  /* "user" | "team" (other strings kept as given) */
	char *id;
	char *name;
	char *email;
};

struct issue {
	char *id;            /* string on the wire; numbers are accepted and converted */
	char *short_id;
	char *title;
	char *culprit;
	char *level_name;    /* as sent, for levels we do not know */
	char *status;        /* unresolved | resolved | ignored | ... */
	char *substatus;     /* ongoing | new | regressed | escalating | archived_* | NULL */
	char *priority;      /* high | medium | low | NULL */
	char *type;
	char *platform;
	char *permalink;
	char *project_id;
	char *project_slug;
	char *project_name;
	struct actor *assigned_to; /* NULL = unassigned */
	uint32_t *stats;     /* event counts per bucket, oldest first */
	size_t nstats;
	char *stats_period;  /* the key the series came from ("24h", "14d", "auto") */
	uint64_t count;      /* "count" is a string; parsed with strtoull */
	long long user_count;
	time_t first_seen;   /* 0 when missing or unparseable */
	time_t last_seen;
	/* The small members together, so a row carries no padding (10,000 rows in memory). */
	enum issue_level level;
	int num_comments;
	bool has_count;
	bool is_bookmarked;
	bool has_seen;
	bool is_unhandled;
	bool is_subscribed;
	/* The review state (inbox, sent with expand=inbox): 1 = still "for review", 0 =
	 * reviewed (inbox null), -1 = unknown (the field was absent). */
	signed char for_review;
	/* id, short_id, title, culprit and permalink are one allocation starting at id (a
	 * row decoded from a list: one block instead of five, about 80 bytes less a row);
	 * false when each is its own heap string. */
	bool packed_text;

	/* Local state, never from the server: */
	bool pending;        /* a triage change is in flight for this issue */
	bool dimmed;         /* changed so it no longer matches the query; gone on refresh */
	bool marked;         /* selected for a batch action */
};

struct project {
	char *id;
	char *slug;
	char *name;
	char *platform;
	char **environments;  /* "environments": [names] on the org projects list */
	size_t nenvironments;
};

/* The *_free functions release what the struct owns (for an issue that includes
 * assigned_to) and zero it; the struct itself is the caller's, so it may live on the
 * stack or inside an array. NULL is accepted. */
void actor_free(struct actor *a);
/* A new copy of a, or NULL for NULL (free with actor_free, then free). */
struct actor *actor_dup(const struct actor *a);
void issue_free(struct issue *issue);
/* Deep copy (dst is overwritten, not freed first). */
void issue_clone(const struct issue *src, struct issue *dst);
void project_free(struct project *p);
/* The lists decode_issue_list / decode_project_list hand out: every element and the array. */
void issue_list_free(struct issue **issues, size_t n);
void project_list_free(struct project *projects, size_t n);
const char *issue_level_name(enum issue_level level);   /* "error", ... ; "unknown" */
enum issue_level issue_level_parse(const char *s);      /* LEVEL_UNKNOWN for NULL/other */

#endif
