/* Owned models for one issue's detail screen: the issue detail, an event (API form or
 * the SDK's ingest form, normalised to one model), the issue's tag distributions and its
 * event list. Same rules as api/model.h: every string owned and capped, or NULL; any
 * field may be missing or mistyped without failing the whole object. */
#ifndef API_EVENT_H
#define API_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "api/model.h"
#include "util/strbuf.h"

#define EVENT_MAX_FRAMES   2000   /* frames kept per stack trace (the rest counted) */
#define EVENT_MAX_CRUMBS   1000
#define EVENT_MAX_CONTEXT  64     /* context lines kept per frame */
#define EVENT_MAX_VALUE    65536  /* one var value, header, message... */
#define EVENT_MAX_KV       1000   /* entries kept per kv_list, contexts, tag keys, top values */
#define EVENT_MAX_EXCEPTIONS 100  /* chained exceptions kept (the newest: the raised one last) */
#define EVENT_MAX_THREADS  1000   /* threads kept (the first ones as sent) */

/* A key and a display value. Non-string JSON values are rendered compactly as JSON
 * (objects/arrays sorted as sent, strings unquoted at top level). */
struct kv {
	char *key;
	char *value;
};

struct kv_list {
	struct kv *items;
	size_t n;
};

struct context_line {
	int line_no;
	char *text;
};

struct frame {
	char *function;
	char *raw_function;
	char *module;
	char *filename;
	char *abs_path;
	char *package;
	char *platform;
	char *symbol;
	char *instruction_addr;   /* "0x…" for native frames */
	char *symbol_addr;
	int line_no;              /* 0 = unknown */
	int col_no;               /* 0 = unknown */
	int in_app;               /* 1 yes, 0 no, -1 unknown */
	struct context_line *context; /* pre + faulting + post lines, in order */
	size_t ncontext;
	struct kv_list vars;      /* local variables (may be empty) */
	bool has_vars;
};

struct stacktrace {
	struct frame *frames;     /* as sent: oldest call first, crashing frame last */
	size_t nframes;
	size_t frames_dropped;    /* frames beyond EVENT_MAX_FRAMES: the oldest calls are
	                             dropped so the crashing end stays; 0 normally */
	int omitted_start;        /* "framesOmitted": [start, end]; both 0 when absent */
	int omitted_end;
	struct kv_list registers;
};

struct exception_value {
	char *type;
	char *value;
	char *module;
	char *thread_id;
	char *mechanism;          /* mechanism.type */
	int handled;              /* mechanism.handled: 1, 0, -1 unknown */
	bool synthetic;
	struct stacktrace *stacktrace;      /* NULL when none */
	struct stacktrace *raw_stacktrace;  /* unsymbolicated / minified, NULL when none */
};

struct thread {
	char *id;
	char *name;
	bool current;
	bool crashed;
	struct stacktrace *stacktrace;
	struct stacktrace *raw_stacktrace;
};

struct breadcrumb {
	double timestamp;         /* epoch seconds with fraction; 0 = unknown */
	char *type;
	char *category;
	char *level;              /* "info" when absent, as Sentry shows it */
	char *message;
	struct kv_list data;
};

struct http_request {
	char *method;
	char *url;
	char *query;              /* as a query string ("a=1&b=2"), from a list or a string */
	char *fragment;
	char *data;               /* body: a string, or compact JSON of an object */
	char *content_type;       /* inferredContentType */
	struct kv_list headers;
	struct kv_list cookies;
	struct kv_list env;
};

/* One entry of "contexts": {"os": {"type": "os", "name": …}, …}. */
struct context_block {
	char *name;               /* the key: "os", "browser", "trace", "My Custom" */
	char *type;
	struct kv_list fields;    /* every field but "type", in order */
};

struct event {
	char *id;                 /* "eventID" (API; else "id") or "event_id" (ingest): the
	                             32-hex id nextEventID and the events/{id}/ route use */
	char *group_id;
	char *project_id;
	char *title;
	char *message;
	char *platform;
	char *type;               /* error | default | transaction | csp … */
	char *culprit;
	char *location;
	char *dist;
	char *logger;
	char *level;
	time_t date_created;      /* dateCreated / timestamp */
	double timestamp;         /* the same instant with its fraction (epoch seconds), 0 if unknown:
	                             breadcrumbs milliseconds before the error need it */
	time_t date_received;
	char *release;            /* version string (release object or plain string) */
	char *environment;        /* "environment" or the environment tag */
	char *next_event_id;      /* issue-scoped navigation; NULL at the ends */
	char *previous_event_id;
	struct kv_list tags;      /* [{key,value}] or [[k,v]] or {k:v} */
	struct kv_list user;      /* id, email, username, ip_address, name, then the rest */
	struct context_block *contexts;
	size_t ncontexts;
	struct kv_list sdk;       /* name, version, … */
	struct kv_list extra;     /* "context" (API) / "extra" (ingest) */
	struct kv_list processing_errors; /* "errors": type -> message */

	struct exception_value *exceptions; /* as sent: root cause first, raised one last */
	size_t nexceptions;
	struct thread *threads;
	size_t nthreads;
	struct stacktrace *stacktrace;      /* a bare "stacktrace" entry, NULL when none */
	struct breadcrumb *crumbs;          /* in time order as sent */
	size_t ncrumbs;
	struct http_request *request;       /* NULL when none */
	char *message_formatted;            /* "message" entry / logentry */
	char **unknown_entries;             /* entry types we do not display ("debugmeta" …) */
	size_t nunknown;
};

/* Issue detail: the list object plus what only the detail endpoint returns. */
struct issue_detail {
	struct issue issue;
	char *first_release;      /* firstRelease.version */
	char *last_release;
	uint32_t *stats_30d;
	size_t nstats_30d;
	uint64_t events_24h;      /* sum of stats["24h"] */
	uint64_t events_30d;      /* sum of stats["30d"] */
	/* The series came with buckets: GlitchTip sends "24h": [] and no 30d, and some
	 * Sentry answers "stats": {}, which is no count at all, not zero events. */
	bool has_events_24h, has_events_30d;
	char *status_text;        /* how it was resolved or archived, in words, e.g.
	                             "resolved in the next release by Jane Doe",
	                             "archived until escalating", "archived for 30 minutes",
	                             "archived until 100 more events in 60 minutes";
	                             NULL when plainly unresolved */
	char *assignee_text;      /* "Jane Doe", "#backend-team" or NULL */
	time_t archived_until;    /* statusDetails.ignoreUntil; 0 = none */
};

struct tag_value {
	char *value;
	char *name;               /* display label; may equal value */
	uint64_t count;
	time_t last_seen;
	char *query;              /* e.g. "user.email:x@y"; NULL = key:value */
};

struct tag_key {
	char *key;
	char *name;
	uint64_t total_values;    /* events that have this tag */
	uint64_t unique_values;
	struct tag_value *top;    /* by count, as sent */
	size_t ntop;
};

/* One row of GET …/issues/{id}/events/ (summary form). */
struct event_summary {
	char *id;
	char *title;
	char *message;
	time_t date_created;
	char *environment;        /* from tags */
	char *release;            /* from tags */
	char *user;               /* user.email / username / id / ip */
	char *platform;
};

void event_free(struct event *e);
void stacktrace_free(struct stacktrace *st);
void issue_detail_free(struct issue_detail *d);
void tag_keys_free(struct tag_key *keys, size_t n);
void event_summaries_free(struct event_summary *rows, size_t n);
void kv_list_free(struct kv_list *l);
/* Append copies of key and value (neither NULL). A list already holding EVENT_MAX_KV
 * entries stays as it is, so hostile data cannot grow it without bound. */
void kv_list_add(struct kv_list *l, const char *key, const char *value);
/* The same, taking ownership of the malloc'd key and value (freed when dropped). */
void kv_list_take(struct kv_list *l, char *key, char *value);
/* Value for key or NULL. */
const char *kv_get(const struct kv_list *l, const char *key);

/* Decoders: false only when the body is not JSON or not the expected top-level shape,
 * with the reason in err. decode_event accepts the API form (entries[]) and the ingest
 * form (exception/breadcrumbs/request at top level, snake_case frames with
 * pre_context/context_line/post_context, float or ISO timestamps). */
bool decode_event(const char *body, size_t len, struct event *out, struct strbuf *err);
bool decode_issue_detail(const char *body, size_t len, struct issue_detail *out,
                         struct strbuf *err);
bool decode_issue_tags(const char *body, size_t len, struct tag_key **out, size_t *n,
                       struct strbuf *err);
bool decode_event_list(const char *body, size_t len, struct event_summary **out, size_t *n,
                       struct strbuf *err);

/* A field of one of the event's contexts ("trace", "trace_id"), or NULL. */
const char *event_context_value(const struct event *e, const char *context, const char *key);

#endif
