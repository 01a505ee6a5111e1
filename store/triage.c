/* The triage engine (see triage.h). */
#include "store/triage.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/issue_endpoints.h"
#include "util/strbuf.h"
#include "util/strpool.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

/* What became of one issue's change. */
enum op_outcome {
	OUTCOME_SENT,          /* in flight, or confirmed by the server's answer */
	OUTCOME_REFUSED,       /* the server refused it before applying: rolled back */
	OUTCOME_CHECKING,      /* the answer left it open: the issue is being read again */
	OUTCOME_APPLIED,       /* the answer failed, but reading it again shows the change */
	OUTCOME_NOT_APPLIED,   /* the answer failed, and reading it again shows no change */
	OUTCOME_UNKNOWN,       /* the answer failed and the issue could not be read again */
};

/* One issue an action touches. */
struct op_issue {
	char *id;
	char *short_id;            /* for messages; NULL when the issue had none */
	char *project_id;
	enum op_outcome outcome;
	char *why;                 /* the server's words when its request failed */
	long http_status;          /* of that failed answer; 0 = no answer */
	unsigned long reread;      /* the request reading it again, while CHECKING */
	struct change body;        /* undo only: what to send for this issue (its inverse) */
	struct change rollback;    /* what puts the row back if the request fails; for a
	                              forward action this is also its undo */
};

/* One project's bulk request of an action. */
struct op_request {
	struct triage_op *op;
	size_t first, count;       /* its issues: op->issues[first .. first+count) */
	unsigned long id;
};

/* What the server was known to hold of an issue (its triage fields) when a change to it
 * settled, and when: kept while rows asked for earlier are on their way (a page of the
 * stream, the issue screen's issue), for triage_overlay. */
struct settled_state {
	struct issue state;
	long long at_us;
};

struct triage_op {
	struct triage_op *next;
	struct triage *triage;
	struct change change;      /* for an undo: unused (each issue has its own) */
	bool is_undo;
	char *label;               /* "resolved 3 issues" */
	struct op_issue *issues;
	size_t nissues;
	struct op_request *requests;
	size_t nrequests;
	int pending;
};

void triage_init(struct triage *t, const struct sentry_target *target, struct issue_stream *stream,
                 void (*on_done)(void *ctx, const char *message, bool error), void *ctx)
{
	memset(t, 0, sizeof(*t));
	t->target = target;
	t->stream = stream;
	t->on_done = on_done;
	t->ctx = ctx;
}

static void op_free(struct triage_op *op)
{
	if (!op)
		return;
	for (size_t i = 0; i < op->nissues; i++) {
		free(op->issues[i].id);
		free(op->issues[i].short_id);
		free(op->issues[i].why);
		free(op->issues[i].project_id);
		change_free(&op->issues[i].body);
		change_free(&op->issues[i].rollback);
	}
	free(op->issues);
	free(op->requests);
	change_free(&op->change);
	free(op->label);
	free(op);
}

void triage_free(struct triage *t)
{
	while (t->ops) {
		struct triage_op *op = t->ops;
		t->ops = op->next;
		for (size_t r = 0; r < op->nrequests; r++)
			if (op->requests[r].id)
				api_cancel(t->target->client, op->requests[r].id);
		for (size_t i = 0; i < op->nissues; i++)
			if (op->issues[i].reread)
				api_cancel(t->target->client, op->issues[i].reread);
		op_free(op);
	}
	while (t->queued) {
		struct triage_op *op = t->queued;
		t->queued = op->next;
		op_free(op);
	}
	op_free(t->last);
	for (size_t i = 0; i < t->nsettled; i++)
		issue_free(&t->settled[i].state);
	free(t->settled);
	triage_clear_marks(t);
	free(t->marked);
	memset(t, 0, sizeof(*t));
}

bool triage_busy(const struct triage *t)
{
	return t->ops != NULL || t->queued != NULL;
}

size_t triage_in_flight(const struct triage *t)
{
	size_t n = 0;
	for (const struct triage_op *op = t->ops; op; op = op->next)
		n += op->nissues;
	for (const struct triage_op *op = t->queued; op; op = op->next)
		n += op->nissues;
	return n;
}

/* Local copies */

typedef void (*copy_fn)(struct issue *copy, void *ctx);

static void apply_copy(struct issue *copy, void *ctx);
static void apply_result(struct issue *copy, void *ctx);

/* The server's account of how the issue was resolved or archived ("resolved in the next
 * release by …") no longer holds: a change was made to it since. */
static void drop_status_text(struct issue_detail *d)
{
	free(d->status_text);
	d->status_text = NULL;
}

/* Visit every local copy of the issue with this id. */
static void for_each_copy(struct triage *t, const char *id, copy_fn fn, void *ctx)
{
	for (size_t i = 0; i < t->stream->n; i++)
		if (t->stream->items[i]->id && strcmp(t->stream->items[i]->id, id) == 0)
			fn(t->stream->items[i], ctx);
	if (t->watch_summary && t->watch_summary->id && strcmp(t->watch_summary->id, id) == 0)
		fn(t->watch_summary, ctx);
	if (t->watch_store && t->watch_store->detail && t->watch_store->detail->issue.id &&
	    strcmp(t->watch_store->detail->issue.id, id) == 0) {
		struct issue_detail *d = t->watch_store->detail;
		fn(&d->issue, ctx);
		if (fn == apply_copy || fn == apply_result)
			drop_status_text(d);
	}
}

static void apply_copy(struct issue *copy, void *ctx)
{
	change_apply(ctx, copy);
}

static void set_pending(struct issue *copy, void *ctx)
{
	copy->pending = *(bool *)ctx;
}

static void apply_result(struct issue *copy, void *ctx)
{
	change_result_apply(ctx, copy);
}

/* Whether a row still belongs under the stream's query after a change: only the status
 * terms of the query are checked ("is:unresolved", "is:resolved", "is:ignored"/
 * "is:archived"); other terms are the server's to judge on the next refresh. */
static bool still_matches(const struct triage *t, const struct issue *issue)
{
	const char *q = t->stream->filters.query ? t->stream->filters.query : "";
	const char *st = issue->status ? issue->status : "";
	if (strstr(q, "is:unresolved"))
		return strcmp(st, "unresolved") == 0;
	if (strstr(q, "is:resolved"))
		return strcmp(st, "resolved") == 0;
	if (strstr(q, "is:ignored") || strstr(q, "is:archived"))
		return strcmp(st, "ignored") == 0;
	return true;
}

static void update_dimmed(struct issue *copy, void *ctx)
{
	copy->dimmed = !still_matches(ctx, copy);
}

/* Sending */

static void on_response(void *ctx, struct triage_result *r);
static void finish_op(struct triage *t, struct triage_op *op);
static void fail_request(struct triage *t, struct op_request *req, const char *why);

/* "resolved 3 issues", "PROJ-1 assigned to Jane Doe": a bare verb goes first, a phrase
 * with a complement after the issue; one issue is named by its short id. */
static char *issue_count_label(const struct change *c, size_t n, const char *short_id, bool undo)
{
	struct strbuf what = STRBUF_INIT, sb = STRBUF_INIT;
	change_describe(c, &what);
	char count[64];
	if (n == 1 && short_id)
		snprintf(count, sizeof(count), "%s", short_id);
	else
		snprintf(count, sizeof(count), "%zu issue%s", n, n == 1 ? "" : "s");
	if (undo)
		strbuf_adds(&sb, "undone: ");
	if (strchr(strbuf_str(&what), ' '))
		strbuf_addf(&sb, "%s %s", count, strbuf_str(&what));
	else
		strbuf_addf(&sb, "%s %s", strbuf_str(&what), count);
	strbuf_free(&what);
	return strbuf_detach(&sb);
}

/* The body an issue's request carries: the action's, or for an undo the issue's own. */
static const char *group_key_body(const struct triage_op *op, size_t i, char **owned)
{
	*owned = change_body(op->is_undo ? &op->issues[i].body : &op->change);
	return *owned;
}

static bool same_group(const struct triage_op *op, size_t a, size_t b)
{
	const char *pa = op->issues[a].project_id ? op->issues[a].project_id : "";
	const char *pb = op->issues[b].project_id ? op->issues[b].project_id : "";
	if (strcmp(pa, pb) != 0)
		return false;
	if (!op->is_undo)
		return true;
	char *ba, *bb;
	group_key_body(op, a, &ba);
	group_key_body(op, b, &bb);
	bool same = strcmp(ba ? ba : "", bb ? bb : "") == 0;
	free(ba);
	free(bb);
	return same;
}

/* Group the op's issues by project (and, for an undo, by identical inverse body), in
 * order of first appearance. */
static void group_op(struct triage_op *op)
{
	op->requests = xcalloc(op->nissues ? op->nissues : 1, sizeof(*op->requests));
	bool *grouped = xcalloc(op->nissues ? op->nissues : 1, sizeof(bool));
	/* Stable grouping: pull each not-yet-grouped issue's whole group together. */
	struct op_issue *ordered = xcalloc(op->nissues ? op->nissues : 1, sizeof(*ordered));
	size_t k = 0;
	for (size_t i = 0; i < op->nissues; i++) {
		if (grouped[i])
			continue;
		size_t first = k;
		for (size_t j = i; j < op->nissues; j++) {
			if (!grouped[j] && same_group(op, i, j)) {
				grouped[j] = true;
				ordered[k++] = op->issues[j];
			}
		}
		op->requests[op->nrequests++] = (struct op_request){ op, first, k - first, 0 };
	}
	free(op->issues);
	op->issues = ordered;
	free(grouped);
}

/* Send op's requests (grouped already): one bulk request per group. */
static void start_op(struct triage *t, struct triage_op *op)
{
	op->next = t->ops;
	t->ops = op;
	for (size_t r = 0; r < op->nrequests; r++) {
		struct op_request *req = &op->requests[r];
		const char **ids = xcalloc(req->count, sizeof(char *));
		for (size_t i = 0; i < req->count; i++)
			ids[i] = op->issues[req->first + i].id;
		char *body;
		group_key_body(op, req->first, &body);
		req->id = body ? api_update_issues(t->target, op->issues[req->first].project_id, ids,
		                                   req->count, body, on_response, req)
		               : 0;
		if (req->id)
			op->pending++;
		else
			fail_request(t, req, "nothing safe to send (e.g. the assignee has no id)");
		free(body);
		free(ids);
	}
	/* Every request was refused before sending: the action is over already. */
	if (op->pending == 0)
		finish_op(t, op);
}

static bool op_touches(const struct triage_op *op, const char *id)
{
	for (size_t i = 0; i < op->nissues; i++)
		if (strcmp(op->issues[i].id, id) == 0)
			return true;
	return false;
}

/* Whether a change in flight, or one queued before op, touches one of op's issues. */
static bool op_blocked(const struct triage *t, const struct triage_op *op)
{
	for (size_t i = 0; i < op->nissues; i++) {
		for (const struct triage_op *o = t->ops; o; o = o->next)
			if (op_touches(o, op->issues[i].id))
				return true;
		for (const struct triage_op *o = t->queued; o && o != op; o = o->next)
			if (op_touches(o, op->issues[i].id))
				return true;
	}
	return false;
}

/* The local copy of an issue the triage engine keeps in step (NULL if none is loaded). */
static struct issue *find_copy(struct triage *t, const char *id)
{
	for (size_t i = 0; i < t->stream->n; i++)
		if (t->stream->items[i]->id && strcmp(t->stream->items[i]->id, id) == 0)
			return t->stream->items[i];
	if (t->watch_summary && t->watch_summary->id && strcmp(t->watch_summary->id, id) == 0)
		return t->watch_summary;
	if (t->watch_store && t->watch_store->detail && t->watch_store->detail->issue.id &&
	    strcmp(t->watch_store->detail->issue.id, id) == 0)
		return &t->watch_store->detail->issue;
	return NULL;
}

static void take_server_state(struct issue *copy, void *ctx);

/* What a landing tells of the server's copy of the issue. */
enum server_copy {
	SERVER_COPY_UNCHANGED, /* the change was refused: the server's copy is as it was */
	SERVER_COPY_KNOWN,     /* the rows now show what the server holds */
	SERVER_COPY_UNKNOWN,   /* the answer was lost and the issue could not be read again */
};

static void forget_settled(struct triage *t, const char *id)
{
	for (size_t i = 0; i < t->nsettled; i++) {
		if (strcmp(t->settled[i].state.id, id) == 0) {
			issue_free(&t->settled[i].state);
			memmove(&t->settled[i], &t->settled[i + 1], (t->nsettled - i - 1) * sizeof(*t->settled));
			t->nsettled--;
			return;
		}
	}
}

/* When the oldest page of rows, or issue of the issue screen, still on its way was asked
 * for; LLONG_MAX when none is. */
static long long oldest_ask(const struct triage *t)
{
	long long oldest = t->stream->loading ? t->stream->asked_us : LLONG_MAX;
	const struct issue_detail_store *store = t->watch_store;
	if (store && store->detail_state.loading && store->detail_asked_us < oldest)
		oldest = store->detail_asked_us;
	return oldest;
}

/* The server holds what the rows of this issue now show. Rows asked for before now,
 * still on their way, may have been read before the change was made and would put the
 * old state back: keep this state for them (triage_overlay). Only rows in flight can be
 * that old, so what settled before the oldest of them is let go. */
static void remember_settled(struct triage *t, const char *id)
{
	forget_settled(t, id);
	long long oldest = oldest_ask(t);
	size_t keep = 0;
	for (size_t i = 0; i < t->nsettled; i++) {
		if (t->settled[i].at_us >= oldest)
			t->settled[keep++] = t->settled[i];
		else
			issue_free(&t->settled[i].state);
	}
	t->nsettled = keep;
	struct issue *copy = find_copy(t, id);
	if (!copy || oldest == LLONG_MAX)
		return;
	xgrow((void **)&t->settled, &t->settled_cap, t->nsettled + 1, sizeof(*t->settled));
	struct settled_state *kept = &t->settled[t->nsettled++];
	memset(kept, 0, sizeof(*kept));
	kept->state.id = xstrdup(id);
	kept->state.for_review = -1;
	take_server_state(&kept->state, copy);
	kept->at_us = time_mono_us();
}

/* What the server said about a change lands on an issue's copies (fn with ctx: its
 * answer, the state read back, or a rollback; what that tells of the server's copy). The
 * changes queued behind it on that issue are taken off first (newest first, by their
 * rollbacks) and put back after (oldest first), each with its rollback taken again from
 * the state it now follows: a queued change's rollback must be what the server will have
 * if it is refused, never its own hoped-for state. */
static void land(struct triage *t, const char *id, copy_fn fn, void *ctx, enum server_copy server)
{
	size_t n = 0;
	for (struct triage_op *op = t->queued; op; op = op->next)
		n++;
	struct triage_op **order = xcalloc(n ? n : 1, sizeof(*order));
	n = 0;
	for (struct triage_op *op = t->queued; op; op = op->next)
		order[n++] = op;
	for (size_t q = n; q-- > 0;)
		for (size_t k = 0; k < order[q]->nissues; k++)
			if (strcmp(order[q]->issues[k].id, id) == 0)
				for_each_copy(t, id, apply_copy, &order[q]->issues[k].rollback);
	for_each_copy(t, id, fn, ctx);
	if (server == SERVER_COPY_KNOWN)
		remember_settled(t, id);
	else if (server == SERVER_COPY_UNKNOWN)
		forget_settled(t, id);
	bool yes = true;
	for (size_t q = 0; q < n; q++) {
		struct triage_op *op = order[q];
		for (size_t k = 0; k < op->nissues; k++) {
			struct op_issue *oi = &op->issues[k];
			if (strcmp(oi->id, id) != 0)
				continue;
			struct issue *copy = find_copy(t, id);
			if (copy && !op->is_undo) {
				change_free(&oi->rollback);
				change_inverse(&op->change, copy, &oi->rollback);
			}
			for_each_copy(t, id, apply_copy, op->is_undo ? &oi->body : &op->change);
			for_each_copy(t, id, set_pending, &yes);
		}
	}
	free(order);
}

/* Send op now, or queue it behind the changes in flight on its issues. */
static void send_op(struct triage *t, struct triage_op *op)
{
	group_op(op);
	if (!op_blocked(t, op)) {
		start_op(t, op);
		return;
	}
	struct triage_op **tail = &t->queued;
	while (*tail)
		tail = &(*tail)->next;
	op->next = NULL;
	*tail = op;
}

/* A change finished: send the queued ones nothing holds back any more, oldest first;
 * those still waiting stay marked pending. */
static void send_queued(struct triage *t)
{
	bool yes = true;
	struct triage_op **pp = &t->queued;
	while (*pp) {
		struct triage_op *op = *pp;
		for (size_t i = 0; i < op->nissues; i++)
			for_each_copy(t, op->issues[i].id, set_pending, &yes);
		if (op_blocked(t, op)) {
			pp = &op->next;
			continue;
		}
		*pp = op->next;
		start_op(t, op);
		pp = &t->queued; /* starting it may have finished ops and changed the queue */
	}
}

static void unlink_op(struct triage *t, struct triage_op *op)
{
	for (struct triage_op **pp = &t->ops; *pp; pp = &(*pp)->next) {
		if (*pp == op) {
			*pp = op->next;
			return;
		}
	}
}

/* "PROJ-1, PROJ-2 and 3 more": the short ids of op's issues with this outcome. */
static size_t name_issues(const struct triage_op *op, enum op_outcome outcome, struct strbuf *out)
{
	size_t n = 0, shown = 0;
	for (size_t i = 0; i < op->nissues; i++) {
		if (op->issues[i].outcome != outcome)
			continue;
		if (shown < 5) {
			const struct op_issue *oi = &op->issues[i];
			strbuf_addf(out, "%s%s", shown ? ", " : "", oi->short_id ? oi->short_id : oi->id);
			shown++;
		}
		n++;
	}
	if (n > shown)
		strbuf_addf(out, " and %zu more", n - shown);
	return n;
}

/* The first reason the server gave for issues with this outcome. */
static const char *reason_of(const struct triage_op *op, enum op_outcome outcome)
{
	for (size_t i = 0; i < op->nissues; i++)
		if (op->issues[i].outcome == outcome && op->issues[i].why)
			return op->issues[i].why;
	return "request failed";
}

/* "the answer was HTTP 502", "the connection failed": short, for a change that went
 * through all the same. */
static const char *answer_of(const struct triage_op *op, enum op_outcome outcome)
{
	static char text[64];
	for (size_t i = 0; i < op->nissues; i++) {
		if (op->issues[i].outcome != outcome)
			continue;
		if (op->issues[i].http_status > 0)
			snprintf(text, sizeof(text), "the answer was HTTP %ld", op->issues[i].http_status);
		else
			snprintf(text, sizeof(text), "the connection failed");
		return text;
	}
	return "the answer was lost";
}

/* One clause of the status line for the issues with this outcome, if there are any. */
static void say_outcome(const struct triage_op *op, enum op_outcome outcome, const char *what,
                        struct strbuf *msg)
{
	struct strbuf names = STRBUF_INIT;
	if (name_issues(op, outcome, &names)) {
		if (msg->len)
			strbuf_adds(msg, "; ");
		switch (outcome) {
		case OUTCOME_SENT:
			strbuf_addf(msg, "%s %s", what, strbuf_str(&names));
			break;
		case OUTCOME_REFUSED:
			strbuf_addf(msg, "failed %s: %s — rolled back", strbuf_str(&names),
			            reason_of(op, outcome));
			break;
		case OUTCOME_APPLIED:
			strbuf_addf(msg, "%s %s (%s but the server has the change)", what,
			            strbuf_str(&names), answer_of(op, outcome));
			break;
		case OUTCOME_NOT_APPLIED:
			strbuf_addf(msg, "failed %s: %s — not applied (read back from the server)",
			            strbuf_str(&names), reason_of(op, outcome));
			break;
		case OUTCOME_UNKNOWN:
			strbuf_addf(msg, "%s: %s — may have been applied; Ctrl-r shows what the server has",
			            strbuf_str(&names), reason_of(op, outcome));
			break;
		case OUTCOME_CHECKING:
			break;
		}
	}
	strbuf_free(&names);
}

static void finish_op(struct triage *t, struct triage_op *op)
{
	bool no = false;
	for (size_t i = 0; i < op->nissues; i++) {
		for_each_copy(t, op->issues[i].id, set_pending, &no);
		for_each_copy(t, op->issues[i].id, update_dimmed, t);
	}
	unlink_op(t, op);
	struct strbuf msg = STRBUF_INIT;
	bool error = false;
	for (size_t i = 0; i < op->nissues; i++)
		if (op->issues[i].outcome != OUTCOME_SENT && op->issues[i].outcome != OUTCOME_APPLIED)
			error = true;
	if (!error) {
		/* "resolved PROJ-1", "resolved 3 issues"; and which of them only the re-read
		 * confirmed. */
		strbuf_adds(&msg, op->label);
		struct strbuf late = STRBUF_INIT;
		if (name_issues(op, OUTCOME_APPLIED, &late))
			strbuf_addf(&msg, " — %s but the server has the change (read back)",
			            answer_of(op, OUTCOME_APPLIED));
		strbuf_free(&late);
	} else if (op->nissues == 1) {
		const struct op_issue *oi = &op->issues[0];
		/* The verdict first: a long reason may be cut at the end of the status line. */
		strbuf_addf(&msg, "%s: %s — %s",
		            oi->outcome == OUTCOME_REFUSED       ? "failed, rolled back"
		            : oi->outcome == OUTCOME_NOT_APPLIED ? "failed, not applied (read back)"
		                                                 : "may have been applied (Ctrl-r shows "
		                                                   "what the server has)",
		            op->label, oi->why ? oi->why : "request failed");
	} else {
		/* A batch: which issues changed and which did not, by short id. */
		struct strbuf what = STRBUF_INIT;
		if (op->is_undo)
			strbuf_adds(&what, "undone:");
		else
			change_describe(&op->change, &what);
		say_outcome(op, OUTCOME_SENT, strbuf_str(&what), &msg);
		say_outcome(op, OUTCOME_APPLIED, strbuf_str(&what), &msg);
		say_outcome(op, OUTCOME_REFUSED, NULL, &msg);
		say_outcome(op, OUTCOME_NOT_APPLIED, NULL, &msg);
		say_outcome(op, OUTCOME_UNKNOWN, NULL, &msg);
		strbuf_free(&what);
	}
	if (!error && !op->is_undo)
		strbuf_adds(&msg, " — z to undo");
	/* Only a fully successful forward action can be undone. */
	if (!error && !op->is_undo) {
		op_free(t->last);
		t->last = op;
	} else {
		op_free(op);
	}
	if (t->on_done)
		t->on_done(t->ctx, strbuf_str(&msg), error);
	strbuf_free(&msg);
	send_queued(t);
}

/* The issues of req could not be changed: put their rows back. */
static void fail_request(struct triage *t, struct op_request *req, const char *why)
{
	struct triage_op *op = req->op;
	for (size_t i = req->first; i < req->first + req->count; i++) {
		struct op_issue *oi = &op->issues[i];
		oi->outcome = OUTCOME_REFUSED;
		free(oi->why);
		oi->why = xstrdup(why);
		land(t, oi->id, apply_copy, &oi->rollback, SERVER_COPY_UNCHANGED);
	}
}

/* Whether the server's copy of an issue shows change c: 1 yes, 0 no, -1 cannot tell. */
static int change_seen_in(const struct change *c, const struct issue *server)
{
	const char *status = server->status ? server->status : "";
	switch (c->kind) {
	case CHANGE_RESOLVE:
	case CHANGE_RESOLVE_NEXT_RELEASE:
	case CHANGE_RESOLVE_IN_RELEASE:
		return strcmp(status, "resolved") == 0 || strcmp(status, "resolvedInNextRelease") == 0;
	case CHANGE_UNRESOLVE:
		return strcmp(status, "unresolved") == 0;
	case CHANGE_ARCHIVE_ESCALATING:
	case CHANGE_ARCHIVE_FOREVER:
	case CHANGE_ARCHIVE_DURATION:
	case CHANGE_ARCHIVE_COUNT:
	case CHANGE_ARCHIVE_USERS:
		return strcmp(status, "ignored") == 0;
	case CHANGE_SET_STATUS:
		return c->status && strcmp(status, c->status) == 0;
	case CHANGE_ASSIGN:
		return server->assigned_to && server->assigned_to->id && c->assignee.id &&
		       strcmp(server->assigned_to->id, c->assignee.id) == 0;
	case CHANGE_UNASSIGN:
		return server->assigned_to == NULL;
	case CHANGE_BOOKMARK:
		return server->is_bookmarked;
	case CHANGE_UNBOOKMARK:
		return !server->is_bookmarked;
	case CHANGE_MARK_REVIEWED:
		return server->for_review < 0 ? -1 : server->for_review == 0;
	case CHANGE_MARK_UNREVIEWED:
		return server->for_review < 0 ? -1 : server->for_review == 1;
	}
	return -1;
}

/* A local copy takes the server's triage state (what the re-read found). */
static void take_server_state(struct issue *copy, void *ctx)
{
	const struct issue *server = ctx;
	strpool_release(copy->status);
	copy->status = xstrdup_or_null(server->status);
	strpool_release(copy->substatus);
	copy->substatus = xstrdup_or_null(server->substatus);
	if (copy->assigned_to) {
		actor_free(copy->assigned_to);
		free(copy->assigned_to);
		copy->assigned_to = NULL;
	}
	copy->assigned_to = actor_dup(server->assigned_to);
	copy->is_bookmarked = server->is_bookmarked;
	if (server->for_review >= 0)
		copy->for_review = server->for_review;
}

struct reread {
	struct triage_op *op;
	size_t index;
};

static void on_reread(void *ctx, struct detail_result *r)
{
	struct reread *rr = ctx;
	struct triage_op *op = rr->op;
	struct triage *t = op->triage;
	struct op_issue *oi = &op->issues[rr->index];
	free(rr);
	oi->reread = 0;
	op->pending--;
	const struct change *c = op->is_undo ? &oi->body : &op->change;
	int seen = r->error || !r->detail ? -1 : change_seen_in(c, &r->detail->issue);
	if (seen >= 0) {
		/* Show what the server has, whichever way it went. */
		land(t, oi->id, take_server_state, &r->detail->issue, SERVER_COPY_KNOWN);
		oi->outcome = seen ? OUTCOME_APPLIED : OUTCOME_NOT_APPLIED;
	} else {
		/* Nothing known: the rows go back to what the server last confirmed, and the
		 * message says the change may be there. */
		land(t, oi->id, apply_copy, &oi->rollback, SERVER_COPY_UNKNOWN);
		oi->outcome = OUTCOME_UNKNOWN;
	}
	detail_result_free(r);
	if (op->pending == 0)
		finish_op(t, op);
}

/* The answer leaves it open whether the server applied the change (a 5xx or a broken
 * connection may come after the change was made; a refusal on a retry may follow an
 * earlier try that went through): read the issues again and show what is true. */
static void check_request(struct triage *t, struct op_request *req, const char *why,
                          long http_status)
{
	struct triage_op *op = req->op;
	for (size_t i = req->first; i < req->first + req->count; i++) {
		struct op_issue *oi = &op->issues[i];
		oi->outcome = OUTCOME_CHECKING;
		oi->http_status = http_status;
		free(oi->why);
		oi->why = xstrdup(why);
		struct reread *rr = xcalloc(1, sizeof(*rr));
		*rr = (struct reread){ op, i };
		oi->reread = api_get_issue(t->target, oi->id, on_reread, rr);
		if (oi->reread) {
			op->pending++;
		} else {
			free(rr);
			land(t, oi->id, apply_copy, &oi->rollback, SERVER_COPY_UNKNOWN);
			oi->outcome = OUTCOME_UNKNOWN;
		}
	}
}

/* Whether a failed answer proves the change was not made: a client error (other than a
 * timeout or a rate limit) on the first and only try. */
static bool refused_before_applying(const struct triage_result *r)
{
	return r->status >= 400 && r->status < 500 && r->status != 408 && r->status != 429 &&
	       r->tries <= 1;
}

static void on_response(void *ctx, struct triage_result *r)
{
	struct op_request *req = ctx;
	struct triage_op *op = req->op;
	struct triage *t = op->triage;
	req->id = 0;
	op->pending--;
	/* 204: the server dropped every id as out of scope; nothing changed there, so nothing
	 * may stay changed here. */
	if (!r->error && r->status == 204)
		r->error = xstrdup("the server matched none of these issues (HTTP 204); "
		                   "they may have been deleted or merged");
	if (r->error && (r->status == 204 || refused_before_applying(r))) {
		fail_request(t, req, r->error);
	} else if (r->error) {
		check_request(t, req, r->error, r->status);
	} else {
		/* The server's answer corrects the optimistic guess (e.g. self-assignment on
		 * resolve, the substatus it inferred). */
		for (size_t i = req->first; i < req->first + req->count; i++)
			land(t, op->issues[i].id, apply_result, &r->change, SERVER_COPY_KNOWN);
	}
	triage_result_free(r);
	if (op->pending == 0)
		finish_op(t, op);
}

bool triage_apply(struct triage *t, const struct change *c, struct issue *const *issues, size_t n,
                  struct strbuf *err)
{
	if (n == 0) {
		strbuf_adds(err, "no issue selected");
		return false;
	}
	struct triage_op *op = xcalloc(1, sizeof(*op));
	op->triage = t;
	change_copy(c, &op->change);
	op->issues = xcalloc(n, sizeof(*op->issues));
	bool yes = true;
	for (size_t i = 0; i < n; i++) {
		struct op_issue *oi = &op->issues[op->nissues++];
		oi->id = xstrdup(issues[i]->id);
		oi->short_id = xstrdup_or_null(issues[i]->short_id);
		oi->project_id = xstrdup_or_null(issues[i]->project_id);
		change_inverse(c, issues[i], &oi->rollback);
		for_each_copy(t, oi->id, apply_copy, &op->change);
		for_each_copy(t, oi->id, set_pending, &yes);
	}
	op->label = issue_count_label(c, n, op->issues[0].short_id, false);
	send_op(t, op);
	return true;
}

bool triage_undo(struct triage *t, struct strbuf *err)
{
	struct triage_op *last = t->last;
	if (!last) {
		strbuf_adds(err, "nothing to undo");
		return false;
	}
	t->last = NULL;
	struct triage_op *op = xcalloc(1, sizeof(*op));
	op->triage = t;
	op->is_undo = true;
	change_copy(&last->change, &op->change);
	op->label = issue_count_label(&last->change, last->nissues,
	                              last->nissues ? last->issues[0].short_id : NULL, true);
	op->issues = xcalloc(last->nissues ? last->nissues : 1, sizeof(*op->issues));
	bool yes = true;
	for (size_t i = 0; i < last->nissues; i++) {
		struct op_issue *oi = &op->issues[op->nissues++];
		oi->id = xstrdup(last->issues[i].id);
		oi->short_id = xstrdup_or_null(last->issues[i].short_id);
		oi->project_id = xstrdup_or_null(last->issues[i].project_id);
		/* Send each issue's own inverse; if that fails, the action's result returns. */
		change_copy(&last->issues[i].rollback, &oi->body);
		change_copy(&last->change, &oi->rollback);
		for_each_copy(t, oi->id, apply_copy, &oi->body);
		for_each_copy(t, oi->id, set_pending, &yes);
	}
	op_free(last);
	send_op(t, op);
	return true;
}

/* Marks */

static long mark_index(const struct triage *t, const char *id)
{
	for (size_t i = 0; i < t->nmarked; i++)
		if (strcmp(t->marked[i], id) == 0)
			return (long)i;
	return -1;
}

static void set_marked(struct issue *copy, void *ctx)
{
	copy->marked = *(bool *)ctx;
}

void triage_mark(struct triage *t, struct issue *issue)
{
	if (!issue->id || mark_index(t, issue->id) >= 0)
		return;
	xgrow((void **)&t->marked, &t->marked_cap, t->nmarked + 1, sizeof(char *));
	t->marked[t->nmarked++] = xstrdup(issue->id);
	bool yes = true;
	for_each_copy(t, issue->id, set_marked, &yes);
}

bool triage_toggle_mark(struct triage *t, struct issue *issue)
{
	long i = issue->id ? mark_index(t, issue->id) : -1;
	if (i < 0) {
		triage_mark(t, issue);
		return true;
	}
	bool no = false;
	for_each_copy(t, issue->id, set_marked, &no);
	free(t->marked[i]);
	t->marked[i] = t->marked[--t->nmarked];
	return false;
}

void triage_clear_marks(struct triage *t)
{
	bool no = false;
	for (size_t i = 0; i < t->nmarked; i++) {
		if (t->stream)
			for_each_copy(t, t->marked[i], set_marked, &no);
		free(t->marked[i]);
	}
	t->nmarked = 0;
}

struct issue **triage_marked_issues(struct triage *t, size_t *n)
{
	struct issue **out = xcalloc(t->stream->n ? t->stream->n : 1, sizeof(*out));
	*n = 0;
	for (size_t i = 0; i < t->stream->n; i++)
		if (t->stream->items[i]->marked)
			out[(*n)++] = t->stream->items[i];
	return out;
}

void triage_overlay(struct triage *t, struct issue **items, size_t n, long long asked_us)
{
	for (size_t i = 0; i < n; i++) {
		struct issue *issue = items[i];
		if (!issue->id)
			continue;
		issue->marked = mark_index(t, issue->id) >= 0;
		/* A change settled after these rows were asked for: the server may have read
		 * them before it was made. */
		for (size_t k = 0; k < t->nsettled; k++) {
			if (t->settled[k].at_us >= asked_us && strcmp(t->settled[k].state.id, issue->id) == 0) {
				take_server_state(issue, &t->settled[k].state);
				update_dimmed(issue, t);
			}
		}
		/* A refresh that lands while a change is in flight must not undo it on screen. */
		for (struct triage_op *op = t->ops; op; op = op->next) {
			for (size_t k = 0; k < op->nissues; k++) {
				if (strcmp(op->issues[k].id, issue->id) != 0)
					continue;
				if (op->is_undo)
					change_apply(&op->issues[k].body, issue);
				else
					change_apply(&op->change, issue);
				issue->pending = true;
			}
		}
		/* Then the changes waiting behind them, in the order they were made. */
		for (struct triage_op *op = t->queued; op; op = op->next) {
			for (size_t k = 0; k < op->nissues; k++) {
				if (strcmp(op->issues[k].id, issue->id) != 0)
					continue;
				change_apply(op->is_undo ? &op->issues[k].body : &op->change, issue);
				issue->pending = true;
			}
		}
	}
}

void triage_overlay_detail(struct triage *t, struct issue_detail *d, long long asked_us)
{
	struct issue *issue = &d->issue;
	char *before = xstrdup_or_null(issue->status);
	triage_overlay(t, &issue, 1, asked_us);
	if (strcmp(before ? before : "", issue->status ? issue->status : "") != 0)
		drop_status_text(d);
	free(before);
}

void triage_watch(struct triage *t, struct issue *summary, struct issue_detail_store *store)
{
	t->watch_summary = summary;
	t->watch_store = store;
}
