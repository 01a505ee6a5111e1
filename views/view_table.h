/* The views, by kind (ARCHITECTURE.md, "How to add a screen"). Views never call one
 * another and the app core knows none of them: whoever leads to a view opens it here
 * by kind, with the arguments it takes. A new view is one file (views/NAME.c, defining
 * NAME_view_open) plus one row in VIEW_TABLE. */
#ifndef VIEWS_VIEW_TABLE_H
#define VIEWS_VIEW_TABLE_H

#include <stdbool.h>

#include "api/model.h"
#include "views/view.h"

struct app;
struct issue_detail_store;
struct span_source;

/* What a view may be opened with; each view reads the fields it documents and ignores
 * the rest (all borrowed unless said otherwise). */
struct view_args {
	const struct issue *issue;         /* issue: the issue (copied) */
	const char *event;                 /* issue: the event to show first (NULL = the
	                                      recommended one); waterfall: a transaction's id */
	const char *scope;                 /* help: the keymap scope it was opened from */
	const char *inner_scope;           /* help: and of the view shown inside that one */
	struct issue_detail_store *store;  /* events: the issue screen's store */
	struct view *parent;               /* events: the issue screen the pick is shown on */
	struct span_source *spans;         /* waterfall: its spans (taken over) */
	const char *project;               /* waterfall: the transaction's project;
	                                      release_detail: the project's slug */
	const char *project_id;            /* release_detail: the project (NULL = all) */
	const char *release;               /* release_detail: the version */
	const char *period;                /* release_detail: the health period */
	const char *environment;           /* release_detail: NULL = all */
	const char *trace;                 /* waterfall: a whole trace */
	const char *focus_span;            /* waterfall: put under the cursor and marked */
	const char *focus_event;           /*   or the trace node that holds this event */
	bool inner;                        /* shown inside another view (q is the host's) */
};

/*  _(NAME): the view of views/NAME.c */
#define VIEW_TABLE(_) \
	_(issues)        /* the issue stream, the first screen */ \
	_(issue)         /* one issue: header and sections */ \
	_(events)        /* an issue's events, to pick one */ \
	_(archive_menu)  /* archive until escalating, for a time, until N events/users */ \
	_(assign_picker) /* members and teams, filtered as you type */ \
	_(help)          /* keys, commands and symbols of the view it was opened from */ \
	_(waterfall)     /* a transaction's or a trace's spans */ \
	_(transactions)  /* recent transactions, to open one's waterfall */ \
	_(releases)      /* release health: releases with crash-free rates and adoption */ \
	_(release_detail) /* one release: dates, deploys, sessions over time */ \
	_(yank_menu)     /* what to copy of the issue: short id, link, title, event, frame */ \
	_(profile_picker) /* the config's profiles, to switch to one */

enum view_kind {
#define VIEW_KIND(name) VIEW_##name,
	VIEW_TABLE(VIEW_KIND)
#undef VIEW_KIND
	VIEW_KIND_COUNT
};

#define VIEW_OPEN_DECL(name) \
	struct view *name##_view_open(struct app *app, const struct view_args *args);
VIEW_TABLE(VIEW_OPEN_DECL)
#undef VIEW_OPEN_DECL

/* A new view of kind (args may be NULL: all defaults); the caller pushes or embeds it. */
struct view *view_open(struct app *app, enum view_kind kind, const struct view_args *args);

#endif
