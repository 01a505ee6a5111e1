/* Owned model of a transaction's spans (or a whole trace's), decoded from the event
 * endpoint's "spans" entry (API form), the SDK's top-level "spans" (ingest form) or the
 * org trace endpoint's nested nodes (docs/sentry-api.md §7). Same rules as api/model.h:
 * every string owned and capped, or NULL; a missing or mistyped field never fails the
 * whole; what is unusable is skipped and counted, never invented. The tree built from
 * it lives in store/span_tree.h. */
#ifndef API_SPAN_H
#define API_SPAN_H

#include <stdbool.h>
#include <stddef.h>

#include "api/event.h"
#include "util/strbuf.h"

#define SPAN_MAX_SPANS       50000  /* spans kept per transaction or trace (the rest counted) */
#define SPAN_MAX_DESCRIPTION 8192   /* one description (SQL can be long; the detail shows it) */
#define SPAN_MAX_METRICS     100    /* measurements, span_ops breakdowns */
#define SPAN_MAX_EVIDENCE    1000   /* ids per evidence list, errors per trace node */

/* An error or an occurrence the trace endpoint attached to a span. */
struct span_issue {
	char *event_id;
	char *title;
	char *level;
	char *issue;              /* short id ("PROJ-12"), when sent */
};

struct span {
	char *span_id;            /* never NULL in a decoded span */
	char *parent_span_id;     /* NULL for a root */
	char *trace_id;
	char *op;
	char *description;        /* as sent (multi-line SQL too); the view folds it */
	char *status;             /* "ok", "internal_error" … ; NULL when not sent */
	char *hash;               /* Sentry's grouping hash, when sent */
	char *event_id;           /* trace endpoint: the node's event ("event_id") */
	char *project_slug;       /* trace endpoint */
	char *transaction;        /* trace endpoint: the transaction name */
	double start;             /* epoch seconds with fraction; > 0 for every decoded span
	                             (the root's is 0 only when nothing had a time) */
	double end;               /* >= start (a missing or earlier end reads as start) */
	double exclusive_time_ms; /* as sent; < 0 when not sent (the tree computes its own) */
	bool end_missing;         /* end was missing or before start: drawn zero-length */
	bool is_transaction;      /* trace endpoint: the node is a transaction */
	bool trace_top_level;     /* trace endpoint: a top-level node, a root of the trace */
	bool same_process_as_parent;
	struct kv_list tags;
	struct kv_list data;      /* values as display text (compact JSON for non-strings) */
	struct span_issue *errors;      /* trace endpoint errors[] */
	size_t nerrors;
	struct span_issue *occurrences; /* trace endpoint occurrences[] */
	size_t noccurrences;
};

/* A measurement ("lcp": 2807 "millisecond") or a span_ops breakdown ("ops.db": 120). */
struct span_metric {
	char *name;
	double value;
	char *unit;               /* NULL when not sent (breakdowns are milliseconds) */
};

/* occurrence.evidenceData / evidenceDisplay of a performance issue's event. */
struct span_evidence {
	char **offender_span_ids;
	size_t noffender;
	char **parent_span_ids;
	size_t nparent;
	char **cause_span_ids;
	size_t ncause;
	char **repeating_spans;   /* "db - SELECT …" as the server words them */
	size_t nrepeating;
	char *op;
	char *issue_title;        /* occurrence.issueTitle */
	char *subtitle;
	struct kv_list display;   /* evidenceDisplay: name -> value, in order */
};

struct span_set {
	char *event_id;
	char *title;              /* the transaction name (API "title", ingest "transaction") */
	char *trace_id;
	/* The root: contexts.trace of a transaction (span_id NULL when the event has
	 * none), or a stand-in for a whole trace (op "trace"). Its start and end are the
	 * transaction's ("startTimestamp"/"endTimestamp", "start_timestamp"/"timestamp"),
	 * else the extent of the spans; root_times_derived says which. */
	struct span root;
	bool root_times_derived;
	bool from_trace;          /* decoded from the org trace endpoint */
	struct span *spans;       /* as sent (trace: depth-first), the root not included */
	size_t nspans;
	size_t dropped;           /* spans skipped: not objects, no id, no start, past the cap */
	struct span_metric *measurements;
	size_t nmeasurements;
	struct span_metric *span_ops;   /* breakdowns.span_ops */
	size_t nspan_ops;
	struct span_evidence evidence;
	bool has_evidence;
};

/* A transaction event, API form (entries[{"type":"spans"}], contexts.trace,
 * startTimestamp/endTimestamp, occurrence) or ingest form (spans[], start_timestamp,
 * timestamp); timestamps as float epoch or ISO-8601. An event without spans decodes to
 * zero spans. False only when the body is not JSON or not an object (err says why). */
bool decode_transaction_spans(const char *body, size_t len, struct span_set *out,
                              struct strbuf *err);
/* GET /api/0/organizations/{org}/trace/{trace_id}/: a list of nodes with nested
 * children[]; each node becomes a span whose parent is the node it is nested in
 * (top-level nodes hang under the root). duration (ms) gives the end when
 * end_timestamp is missing. False when not JSON or not a list. */
bool decode_trace_spans(const char *body, size_t len, struct span_set *out,
                        struct strbuf *err);
void span_set_free(struct span_set *s);

#endif
