/* The triage engine (see triage.h). */
#include "store/triage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* One issue an action touches. */
struct op_issue {
	char *id;
	char *project_id;
	struct change body;        /* undo only: what to send for this issue (its inverse) */
	struct change rollback;    /* what puts the row back if the request fails; for a
	                              forward action this is also its undo */
	bool failed;
};

/* One project's bulk request of an action. */
struct op_request {
	struct triage_op *op;
	size_t first, count;       /* its issues: op->issues[first .. first+count) */
	unsigned long id;
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
	size_t nfailed;
	char *error;
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
		free(op->issues[i].project_id);
		change_free(&op->issues[i].body);
		change_free(&op->issues[i].rollback);
	}
	free(op->issues);
	free(op->requests);
	change_free(&op->change);
	free(op->label);
	free(op->error);
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
		op_free(op);
	}
	op_free(t->last);
	triage_clear_marks(t);
	free(t->marked);
	memset(t, 0, sizeof(*t));
}

bool triage_busy(const struct triage *t)
{
	return t->ops != NULL;
}

/* Local copies */

typedef void (*copy_fn)(struct issue *copy, void *ctx);

static void apply_copy(struct issue *copy, void *ctx);
static void apply_result(struct issue *copy, void *ctx);

/* Visit every local copy of the issue with this id. */
static void for_each_copy(struct triage *t, const char *id, copy_fn fn, void *ctx)
{
	for (size_t i = 0; i < t->stream->n; i++)
		if (t->stream->items[i]->id && strcmp(t->stream->items[i]->id, id) == 0)
			fn(t->stream->items[i], ctx);
	if (t->watch_summary && t->watch_summary->id && strcmp(t->watch_summary->id, id) == 0)
		fn(t->watch_summary, ctx);
	if (t->watch_detail && *t->watch_detail && (*t->watch_detail)->issue.id &&
	    strcmp((*t->watch_detail)->issue.id, id) == 0) {
		struct issue_detail *d = *t->watch_detail;
		fn(&d->issue, ctx);
		/* The server's account of how it was resolved or archived no longer holds. */
		if (fn == apply_copy || fn == apply_result) {
			free(d->status_text);
			d->status_text = NULL;
		}
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

/* "resolved 3 issues", "1 issue assigned to Jane Doe": a bare verb goes first, a
 * phrase with a complement after the count. */
static char *issue_count_label(const struct change *c, size_t n, bool undo)
{
	struct strbuf what = STRBUF_INIT, sb = STRBUF_INIT;
	change_describe(c, &what);
	char count[32];
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
 * order of first appearance, and send one bulk request per group. */
static void send_op(struct triage *t, struct triage_op *op)
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

static void unlink_op(struct triage *t, struct triage_op *op)
{
	for (struct triage_op **pp = &t->ops; *pp; pp = &(*pp)->next) {
		if (*pp == op) {
			*pp = op->next;
			return;
		}
	}
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
	bool error = op->nfailed > 0;
	if (!error) {
		strbuf_adds(&msg, op->label);
		if (!op->is_undo)
			strbuf_adds(&msg, " — z to undo");
	} else {
		strbuf_addf(&msg, "failed: %s — %s — %s", op->label,
		            op->error ? op->error : "request failed",
		            op->nfailed == op->nissues ? "rolled back" : "the failed ones rolled back");
	}
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
}

/* The issues of req could not be changed: put their rows back. */
static void fail_request(struct triage *t, struct op_request *req, const char *why)
{
	struct triage_op *op = req->op;
	for (size_t i = req->first; i < req->first + req->count; i++) {
		struct op_issue *oi = &op->issues[i];
		oi->failed = true;
		op->nfailed++;
		for_each_copy(t, oi->id, apply_copy, &oi->rollback);
	}
	if (!op->error)
		op->error = xstrdup(why);
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
	if (r->error) {
		fail_request(t, req, r->error);
	} else {
		/* The server's answer corrects the optimistic guess (e.g. self-assignment on
		 * resolve, the substatus it inferred). */
		for (size_t i = req->first; i < req->first + req->count; i++)
			for_each_copy(t, op->issues[i].id, apply_result, &r->change);
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
		oi->project_id = xstrdup_or_null(issues[i]->project_id);
		change_inverse(c, issues[i], &oi->rollback);
		for_each_copy(t, oi->id, apply_copy, &op->change);
		for_each_copy(t, oi->id, set_pending, &yes);
	}
	op->label = issue_count_label(c, n, false);
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
	op->label = issue_count_label(&last->change, last->nissues, true);
	op->issues = xcalloc(last->nissues ? last->nissues : 1, sizeof(*op->issues));
	bool yes = true;
	for (size_t i = 0; i < last->nissues; i++) {
		struct op_issue *oi = &op->issues[op->nissues++];
		oi->id = xstrdup(last->issues[i].id);
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

void triage_overlay(struct triage *t, struct issue **items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct issue *issue = items[i];
		if (!issue->id)
			continue;
		issue->marked = mark_index(t, issue->id) >= 0;
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
	}
}

void triage_watch(struct triage *t, struct issue *summary, struct issue_detail **detail)
{
	t->watch_summary = summary;
	t->watch_detail = detail;
}
