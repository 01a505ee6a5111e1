/* The triage engine: applies a change to one issue or to every marked issue, at once on
 * screen (optimistic, rows marked pending), with one bulk PUT per project; the answer
 * confirms or corrects the rows, a failure rolls them back and says why. The last action
 * can be undone by sending each issue's inverse change. Pending changes survive a
 * refresh that lands meanwhile, and marks survive refreshes too. A change to an issue that
 * has one on its way waits for it, so the server gets them in the order they were made.
 * Rows asked for before a change settled (a page of the stream, the issue screen's issue)
 * may have been read on the server before the change was made (requests are answered in
 * parallel): what the server was known to hold when it settled goes back on them.
 *
 * Every local copy of an issue is kept in step: the stream's rows and the copies the
 * issue screen holds (registered with triage_watch). */
#ifndef STORE_TRIAGE_H
#define STORE_TRIAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "api/event.h"
#include "api/triage.h"
#include "store/issue_detail.h"
#include "store/issue_stream.h"

struct triage_op;
struct settled_state;

struct triage {
	const struct sentry_target *target;
	struct issue_stream *stream;
	struct triage_op *ops;        /* in flight */
	struct triage_op *queued;     /* waiting, oldest first, for a change in flight on one of
	                                 their issues: the server applies changes in the order
	                                 they arrive, and parallel connections do not keep
	                                 the order they were sent in */
	struct triage_op *last;       /* the last finished action, for undo */
	struct settled_state *settled; /* what the server holds of issues whose change settled
	                                  while a page was on its way, oldest first */
	size_t nsettled, settled_cap;
	char **marked;                /* ids of marked issues */
	size_t nmarked, marked_cap;
	struct issue *watch_summary;  /* the issue screen's copies, if one is open */
	struct issue_detail_store *watch_store;
	/* Told when an action finishes: the sentence for the status line. */
	void (*on_done)(void *ctx, const char *message, bool error);
	void *ctx;
};

void triage_init(struct triage *t, const struct sentry_target *target, struct issue_stream *stream,
                 void (*on_done)(void *ctx, const char *message, bool error), void *ctx);
void triage_free(struct triage *t);

/* Apply c to the given issues (copies of their ids are taken). Returns false with a
 * message in err when nothing can be sent (no issues). */
bool triage_apply(struct triage *t, const struct change *c, struct issue *const *issues, size_t n,
                  struct strbuf *err);
/* Send the inverse of the last finished action. False (err set) when there is none. */
bool triage_undo(struct triage *t, struct strbuf *err);
/* Anything in flight? */
bool triage_busy(const struct triage *t);
/* How many issues have a change on its way to the server. */
size_t triage_in_flight(const struct triage *t);

/* Marks */
bool triage_toggle_mark(struct triage *t, struct issue *issue);
void triage_mark(struct triage *t, struct issue *issue);
void triage_clear_marks(struct triage *t);
/* The marked issues among the stream's loaded rows (array owned by caller, pointers
 * borrowed). */
struct issue **triage_marked_issues(struct triage *t, size_t *n);

/* New rows arrived (the stream's, the issue screen's issue), asked for at asked_us
 * (time_mono_us): put marks, what changes settled since then left on the server, and
 * changes in flight back on them. */
void triage_overlay(struct triage *t, struct issue **items, size_t n, long long asked_us);

/* The same for the issue screen's issue as it arrives; the server's account of how it
 * was resolved or archived goes when its status is no longer the one it tells of. */
void triage_overlay_detail(struct triage *t, struct issue_detail *d, long long asked_us);

/* The issue screen's copies: its summary and its store's issue (NULLs to stop watching). */
void triage_watch(struct triage *t, struct issue *summary, struct issue_detail_store *store);

#endif
