/* Builders that turn the detail models into display lines (views/lines.h), one per
 * section of the issue screen. Pure: no ncurses calls, no I/O; unit-tested. */
#ifndef VIEWS_EVENT_RENDER_H
#define VIEWS_EVENT_RENDER_H

#include <stdbool.h>
#include <time.h>

#include "api/event.h"
#include "views/lines.h"

/* A frame's id, stable across option changes: which stack (exception i, thread i or
 * the bare stacktrace), raw or not, and the frame's index as sent. */
#define FRAME_ID(stack, raw, index) ((stack) * 100000 + ((raw) ? 50000 : 0) + (index))

struct stack_options {
	bool newest_first;   /* crashing frame (and raised exception) first: the default */
	bool in_app_only;    /* collapse runs of system frames into "N system frames" lines */
	bool raw;            /* rawStacktrace (unsymbolicated/minified) where present */
	/* Is the frame with this id expanded (source context + vars)? */
	bool (*expanded)(void *ctx, int frame_id);
	void *ctx;
};

struct crumb_options {
	bool relative;            /* time relative to the event ("-1.25s"), else absolute UTC */
	const char *level;        /* only this level (NULL = all) */
	const char *category;     /* only this category (NULL = all) */
};

/* Stack trace section: exception chain (root cause marked), frames, expanded context
 * with the faulting line highlighted, vars; threads for native crashes (crashed thread
 * first); message-only events show the message; unknown entry types as
 * "not displayed: <type>". */
void render_stacktrace(const struct event *e, const struct stack_options *o, struct lines *out);
/* Breadcrumbs as a log. Returns the index in out of the last crumb before the error
 * (the one to select on open), or -1. */
int render_breadcrumbs(const struct event *e, const struct crumb_options *o, struct lines *out);
/* Tag distributions: per key a heading with the total, then its top values with a bar
 * (fraction of total), percentage and count. */
void render_tags(const struct tag_key *keys, size_t n, struct lines *out);
/* Context: user, request (cookies and authorization-like headers masked), contexts,
 * sdk, release, environment, the event's own tags, extra. */
void render_context(const struct event *e, struct lines *out);

/* True for header names whose values must never be shown (Authorization, Cookie,
 * X-Api-Key, *token*, *secret*, …). */
bool render_is_secret_header(const char *name);

#endif
