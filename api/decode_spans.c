/* Spans of a transaction event (API and ingest form) and of the org trace endpoint,
 * normalised to struct span_set (docs/sentry-api.md §7). Spans keep snake_case keys in
 * both event forms; camelCase is read too because servers and proxies mix them. */
#include "api/span.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "api/decode.h"
#include "api/decode_event_parts.h"
#include "api/json_util.h"
#include "api/model.h"
#include "util/xalloc.h"

/* ---- one span ---------------------------------------------------------------------- */

static char *first_present_id(const json_t *obj, const char *a, const char *b)
{
	char *id = id_member(obj, a);
	return id ? id : b ? id_member(obj, b) : NULL;
}

static void decode_issues(const json_t *list, struct span_issue **out, size_t *n)
{
	for (size_t i = 0; i < json_array_size(list) && *n < SPAN_MAX_EVIDENCE; i++) {
		const json_t *v = json_array_get(list, i);
		if (!json_is_object(v))
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		struct span_issue *issue = &(*out)[(*n)++];
		issue->event_id = id_member(v, "event_id");
		issue->title = nonempty_member(v, "title", MODEL_MAX_TITLE);
		issue->level = nonempty_member(v, "level", MODEL_MAX_ID);
		issue->issue = nonempty_member(v, "issue", MODEL_MAX_ID);
	}
}

/* The fields every span form shares. The times are left to the caller: the event forms
 * and the trace endpoint name the end differently. */
static void decode_span_fields(const json_t *v, struct span *s)
{
	s->parent_span_id = first_present_id(v, "parent_span_id", "parentSpanId");
	s->trace_id = first_present_id(v, "trace_id", "traceId");
	s->op = nonempty_member(v, "op", MODEL_MAX_FIELD);
	s->description = nonempty_member(v, "description", SPAN_MAX_DESCRIPTION);
	s->status = nonempty_member(v, "status", MODEL_MAX_ID);
	s->hash = nonempty_member(v, "hash", MODEL_MAX_ID);
	s->exclusive_time_ms = -1;
	const json_t *exclusive = member_either(v, "exclusive_time", "exclusiveTime");
	if (json_is_number(exclusive) && isfinite(json_number_value(exclusive)) &&
	    json_number_value(exclusive) >= 0)
		s->exclusive_time_ms = json_number_value(exclusive);
	s->same_process_as_parent = bool_member(v, "same_process_as_parent");
	kv_decode(&s->tags, member(v, "tags"), 0);
	kv_decode(&s->data, member(v, "data"), KV_KEEP_NULL);
}

/* An end that is missing or earlier than the start is drawn zero-length, and said so. */
static void settle_end(struct span *s)
{
	if (s->end < s->start) {
		s->end = s->start;
		s->end_missing = true;
	}
}

static double first_time_of(const json_t *v, const char *const *keys)
{
	double t = 0;
	for (; *keys && t == 0; keys++)
		t = epoch_seconds(member(v, *keys));
	return t;
}

static const char *const start_keys[] = { "start_timestamp", "startTimestamp", NULL };
static const char *const event_end_keys[] = { "timestamp", "endTimestamp", "end_timestamp", NULL };
static const char *const trace_end_keys[] = { "end_timestamp", "endTimestamp", "timestamp", NULL };

/* One span of an event. False (nothing kept) when it has no id or no start: such a span
 * cannot be placed in time nor be anyone's parent. */
static bool decode_event_span(const json_t *v, struct span *s)
{
	memset(s, 0, sizeof(*s));
	if (!json_is_object(v))
		return false;
	s->start = first_time_of(v, start_keys);
	s->span_id = first_present_id(v, "span_id", "spanId");
	if (!s->span_id || s->start == 0) {
		free(s->span_id);
		s->span_id = NULL;
		return false;
	}
	decode_span_fields(v, s);
	s->end = first_time_of(v, event_end_keys);
	settle_end(s);
	return true;
}

static void span_issues_free(struct span_issue *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].event_id);
		free(list[i].title);
		free(list[i].level);
		free(list[i].issue);
	}
	free(list);
}

static void span_free(struct span *s)
{
	free(s->span_id);
	free(s->parent_span_id);
	free(s->trace_id);
	free(s->op);
	free(s->description);
	free(s->status);
	free(s->hash);
	free(s->event_id);
	free(s->project_slug);
	free(s->transaction);
	kv_list_free(&s->tags);
	kv_list_free(&s->data);
	span_issues_free(s->errors, s->nerrors);
	span_issues_free(s->occurrences, s->noccurrences);
}

/* Append a decoded span; past the cap it is freed and counted. */
static void keep_span(struct span_set *set, size_t *cap, struct span *s)
{
	if (set->nspans >= SPAN_MAX_SPANS) {
		span_free(s);
		set->dropped++;
		return;
	}
	xgrow((void **)&set->spans, cap, set->nspans + 1, sizeof(*set->spans));
	set->spans[set->nspans++] = *s;
}

static void decode_span_list(const json_t *list, struct span_set *set)
{
	size_t cap = 0;
	for (size_t i = 0; i < json_array_size(list); i++) {
		struct span s;
		if (decode_event_span(json_array_get(list, i), &s))
			keep_span(set, &cap, &s);
		else
			set->dropped++;
	}
}

/* ---- metrics and evidence ---------------------------------------------------------- */

/* {"lcp": {"value": 2807, "unit": "millisecond"}, …}, or bare numbers as the trace
 * endpoint sends them ({"measurements.frames_slow_rate": 0.02}). */
static void decode_metrics(const json_t *obj, struct span_metric **out, size_t *n)
{
	const char *key;
	const json_t *v;
	json_object_foreach(json_unconst(obj), key, v) {
		if (*n >= SPAN_MAX_METRICS)
			break;
		const json_t *value = json_is_object(v) ? member(v, "value") : v;
		if (!json_is_number(value) || !isfinite(json_number_value(value)))
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		struct span_metric *m = &(*out)[(*n)++];
		m->name = copy_capped(key, strlen(key), MODEL_MAX_ID);
		m->value = json_number_value(value);
		m->unit = nonempty_member(v, "unit", MODEL_MAX_ID);
	}
}

static void decode_id_list(const json_t *list, char ***out, size_t *n)
{
	for (size_t i = 0; i < json_array_size(list) && *n < SPAN_MAX_EVIDENCE; i++) {
		char *id = NULL;
		const json_t *v = json_array_get(list, i);
		if (json_is_string(v) && json_string_length(v) > 0)
			id = copy_capped(json_string_value(v), json_string_length(v), MODEL_MAX_ID);
		if (!id)
			continue;
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = id;
	}
}

/* repeatingSpans: a list of "op - description" strings, or one such string (older). */
static void decode_repeating(const json_t *v, struct span_evidence *ev)
{
	if (json_is_string(v)) {
		char *text = nonempty_text(v, SPAN_MAX_DESCRIPTION);
		if (text) {
			ev->repeating_spans = xmalloc(sizeof(char *));
			ev->repeating_spans[ev->nrepeating++] = text;
		}
		return;
	}
	for (size_t i = 0; i < json_array_size(v) && ev->nrepeating < SPAN_MAX_EVIDENCE; i++) {
		char *text = nonempty_text(json_array_get(v, i), SPAN_MAX_DESCRIPTION);
		if (!text)
			continue;
		ev->repeating_spans = xrealloc(ev->repeating_spans, (ev->nrepeating + 1) * sizeof(char *));
		ev->repeating_spans[ev->nrepeating++] = text;
	}
}

static void decode_evidence(const json_t *occurrence, struct span_set *set)
{
	if (!json_is_object(occurrence))
		return;
	struct span_evidence *ev = &set->evidence;
	const json_t *data = member(occurrence, "evidenceData");
	set->has_evidence = true;
	ev->issue_title = nonempty_member(occurrence, "issueTitle", MODEL_MAX_TITLE);
	ev->subtitle = nonempty_member(occurrence, "subtitle", MODEL_MAX_TITLE);
	ev->op = nonempty_member(data, "op", MODEL_MAX_FIELD);
	decode_id_list(member(data, "offenderSpanIds"), &ev->offender_span_ids, &ev->noffender);
	decode_id_list(member(data, "parentSpanIds"), &ev->parent_span_ids, &ev->nparent);
	decode_id_list(member(data, "causeSpanIds"), &ev->cause_span_ids, &ev->ncause);
	decode_repeating(member(data, "repeatingSpans"), ev);
	const json_t *display = member(occurrence, "evidenceDisplay");
	for (size_t i = 0; i < json_array_size(display); i++) {
		const json_t *item = json_array_get(display, i);
		char *name = nonempty_member(item, "name", MODEL_MAX_FIELD);
		char *value = display_text(member(item, "value"), EVENT_MAX_VALUE);
		if (name && value)
			kv_list_take(&ev->display, name, value);
		else {
			free(name);
			free(value);
		}
	}
}

/* ---- the root ---------------------------------------------------------------------- */

/* The extent of the spans stands in for a root time the server did not send. */
static void derive_root_times(struct span_set *set)
{
	struct span *root = &set->root;
	if (root->start > 0 && root->end >= root->start)
		return;
	double first = 0, last = 0;
	for (size_t i = 0; i < set->nspans; i++) {
		if (first == 0 || set->spans[i].start < first)
			first = set->spans[i].start;
		if (set->spans[i].end > last)
			last = set->spans[i].end;
	}
	if (root->start == 0)
		root->start = first;
	if (root->end == 0 || root->end < root->start)
		root->end = last > root->start ? last : root->start;
	if (root->start == 0) /* no time anywhere: a zero-length root at 0 */
		root->end = 0;
	set->root_times_derived = true;
}

static bool decode_object_body(const char *body, size_t len, json_t **root, const char *what,
                               bool want_list, struct strbuf *err)
{
	*root = decode_json(body, len, err);
	if (!*root)
		return false;
	/* A 200 whose body is an error ({"detail": "Event not found"}) is not an event. */
	bool ok = want_list ? json_is_array(*root)
	                    : json_is_object(*root) && !(member(*root, "detail") && !member(*root, "eventID") &&
	                                                 !member(*root, "event_id") && !member(*root, "id"));
	if (!ok) {
		shape_error(err, *root, what, body, len);
		json_decref(*root);
		*root = NULL;
	}
	return ok;
}

/* ---- events ------------------------------------------------------------------------ */

static const json_t *spans_entry(const json_t *entries)
{
	for (size_t i = 0; i < json_array_size(entries); i++) {
		const json_t *entry = json_array_get(entries, i);
		const json_t *type = member(entry, "type");
		if (json_is_string(type) && strcmp(json_string_value(type), "spans") == 0)
			return member(entry, "data");
	}
	return NULL;
}

/* The transaction's name. The event of a performance issue is titled like its issue
 * ("N+1 Query: …", the occurrence's issueTitle), so then the name comes from the
 * transaction tag or the evidence instead. */
static char *transaction_name(const json_t *root)
{
	char *name = nonempty_member(root, "transaction", MODEL_MAX_TITLE);
	if (name)
		return name;
	const json_t *occurrence = member(root, "occurrence");
	const json_t *title = member(root, "title");
	const json_t *issue_title = member(occurrence, "issueTitle");
	if (!json_is_string(title) || !json_is_string(issue_title) ||
	    strcmp(json_string_value(title), json_string_value(issue_title)) != 0)
		return nonempty_member(root, "title", MODEL_MAX_TITLE);
	const json_t *tags = member(root, "tags");
	for (size_t i = 0; !name && json_is_array(tags) && i < json_array_size(tags); i++) {
		const json_t *tag = json_array_get(tags, i);
		const json_t *key = member(tag, "key");
		if (json_is_string(key) && strcmp(json_string_value(key), "transaction") == 0)
			name = nonempty_member(tag, "value", MODEL_MAX_TITLE);
	}
	if (!name)
		name = nonempty_member(member(occurrence, "evidenceData"), "transactionName",
		                       MODEL_MAX_TITLE);
	return name ? name : nonempty_member(root, "title", MODEL_MAX_TITLE);
}

bool decode_transaction_spans(const char *body, size_t len, struct span_set *out,
                              struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root;
	if (!decode_object_body(body, len, &root, "a transaction event", false, err))
		return false;
	out->event_id = id_member(root, "eventID");
	if (!out->event_id)
		out->event_id = first_present_id(root, "event_id", "id");
	out->title = transaction_name(root);

	const json_t *trace = member(member(root, "contexts"), "trace");
	struct span *r = &out->root;
	decode_span_fields(trace, r);
	r->span_id = first_present_id(trace, "span_id", "spanId");
	if (out->title) { /* the transaction's name says more than contexts.trace's text */
		free(r->description);
		r->description = xstrdup(out->title);
	}
	r->start = first_time_of(root, (const char *const[]){ "startTimestamp", "start_timestamp", NULL });
	r->end = first_time_of(root, (const char *const[]){ "endTimestamp", "timestamp", NULL });
	out->trace_id = r->trace_id ? xstrdup(r->trace_id) : NULL;

	/* The API form has "entries"; an SDK payload has its interfaces at the top. */
	const json_t *entries = member(root, "entries");
	decode_span_list(entries ? spans_entry(entries) : member(root, "spans"), out);
	derive_root_times(out);
	settle_end(r);

	decode_metrics(member(root, "measurements"), &out->measurements, &out->nmeasurements);
	decode_metrics(member(member(root, "breakdowns"), "span_ops"), &out->span_ops, &out->nspan_ops);
	decode_evidence(member(root, "occurrence"), out);
	json_decref(root);
	return true;
}

/* ---- the trace endpoint ------------------------------------------------------------ */

/* One node of the trace endpoint. Its parent is the node it is nested in (parent_id);
 * at the top level, or under a node that was dropped, it keeps the parent id it sent. */
static bool decode_trace_node(const json_t *v, const char *parent_id, bool top_level, struct span *s)
{
	memset(s, 0, sizeof(*s));
	if (!json_is_object(v))
		return false;
	s->start = first_time_of(v, start_keys);
	/* Span nodes of current Sentry carry their span id as "event_id". */
	s->span_id = first_present_id(v, "span_id", "event_id");
	if (!s->span_id || s->start == 0) {
		free(s->span_id);
		s->span_id = NULL;
		return false;
	}
	decode_span_fields(v, s);
	if (parent_id) {
		free(s->parent_span_id);
		s->parent_span_id = xstrdup(parent_id);
	}
	s->trace_top_level = top_level;
	s->event_id = id_member(v, "event_id");
	s->project_slug = nonempty_member(v, "project_slug", MODEL_MAX_FIELD);
	s->transaction = nonempty_member(v, "transaction", MODEL_MAX_TITLE);
	if (!s->description)
		s->description = nonempty_member(v, "name", SPAN_MAX_DESCRIPTION);
	s->is_transaction = bool_member(v, "is_transaction");
	s->end = first_time_of(v, trace_end_keys);
	const json_t *duration = member(v, "duration");
	if (s->end == 0 && json_is_number(duration) && isfinite(json_number_value(duration)) &&
	    json_number_value(duration) >= 0)
		s->end = s->start + json_number_value(duration) / 1000.0;
	settle_end(s);
	decode_issues(member(v, "errors"), &s->errors, &s->nerrors);
	decode_issues(member(v, "occurrences"), &s->occurrences, &s->noccurrences);
	return true;
}

/* A list of children still to read, and whose children they are. */
struct pending_list {
	const json_t *list;
	size_t next;
	char *parent_id; /* owned; NULL at the top level and under a dropped node */
	bool top_level;
};

bool decode_trace_spans(const char *body, size_t len, struct span_set *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	json_t *root;
	if (!decode_object_body(body, len, &root, "a trace (a list of spans)", true, err))
		return false;
	out->from_trace = true;
	size_t cap = 0, depth = 0, stack_cap = 0;
	struct pending_list *stack = NULL;
	xgrow((void **)&stack, &stack_cap, 1, sizeof(*stack));
	stack[depth++] = (struct pending_list){ root, 0, NULL, true };
	/* Depth-first with an explicit stack: nesting depth costs heap, not C stack. */
	while (depth > 0) {
		struct pending_list *top = &stack[depth - 1];
		if (top->next >= json_array_size(top->list)) {
			free(top->parent_id);
			depth--;
			continue;
		}
		const json_t *node = json_array_get(top->list, top->next++);
		struct span s;
		if (!decode_trace_node(node, top->parent_id, top->top_level, &s)) {
			out->dropped++;
			/* Its children still count: they hang under the root, as orphans. */
			if (json_array_size(member(node, "children")) > 0) {
				xgrow((void **)&stack, &stack_cap, depth + 1, sizeof(*stack));
				stack[depth++] = (struct pending_list){ member(node, "children"), 0, NULL, false };
			}
			continue;
		}
		if (!out->title && s.is_transaction && s.transaction)
			out->title = xstrdup(s.transaction);
		if (!out->trace_id && s.trace_id)
			out->trace_id = xstrdup(s.trace_id);
		if (!out->nmeasurements && s.is_transaction)
			decode_metrics(member(node, "measurements"), &out->measurements, &out->nmeasurements);
		char *id = xstrdup(s.span_id);
		keep_span(out, &cap, &s);
		const json_t *children = member(node, "children");
		if (json_array_size(children) > 0) {
			xgrow((void **)&stack, &stack_cap, depth + 1, sizeof(*stack));
			stack[depth++] = (struct pending_list){ children, 0, id, false };
		} else {
			free(id);
		}
	}
	free(stack);
	out->root.op = xstrdup("trace");
	out->root.description = out->title ? xstrdup(out->title) : NULL;
	out->root.trace_id = out->trace_id ? xstrdup(out->trace_id) : NULL;
	out->root.exclusive_time_ms = -1;
	derive_root_times(out);
	json_decref(root);
	return true;
}

/* ---- freeing ----------------------------------------------------------------------- */

static void free_strings(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static void metrics_free(struct span_metric *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].unit);
	}
	free(list);
}

void span_set_free(struct span_set *s)
{
	if (!s)
		return;
	free(s->event_id);
	free(s->title);
	free(s->trace_id);
	span_free(&s->root);
	for (size_t i = 0; i < s->nspans; i++)
		span_free(&s->spans[i]);
	free(s->spans);
	metrics_free(s->measurements, s->nmeasurements);
	metrics_free(s->span_ops, s->nspan_ops);
	struct span_evidence *ev = &s->evidence;
	free_strings(ev->offender_span_ids, ev->noffender);
	free_strings(ev->parent_span_ids, ev->nparent);
	free_strings(ev->cause_span_ids, ev->ncause);
	free_strings(ev->repeating_spans, ev->nrepeating);
	free(ev->op);
	free(ev->issue_title);
	free(ev->subtitle);
	kv_list_free(&ev->display);
	memset(s, 0, sizeof(*s));
}
