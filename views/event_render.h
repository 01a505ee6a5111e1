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
 * "not displayed: <type>". Blocks, separated by LINE_BLANK:
 *   "Message" heading + its text lines   (message entry, or the message of an event
 *                                          without any stack)
 *   per exception (raised first when newest_first), LINE_STACK_HEADING (ref = the id
 *   of its crash frame, as render_crash_frame picks it, or -1):
 *     "Type: value  root cause · unhandled · mechanism: django · raw"
 *     further lines of a multi-line value, then the frames (newest first likewise):
 *     LINE_FRAME "● function  file:line:col"  (● in-app, ○ system/unknown; system
 *                frames dimmed unless the stack has no in-app frame; Java/.NET
 *                "Module.function"; no file: the module)
 *                "○ 0xaddr  package-basename  function  file:line"  (native)
 *                "  ×N" appended for N identical consecutive frames (recursion)
 *     LINE_SYSTEM_FRAMES "N system frames" / "1 system frame" (in_app_only)
 *     LINE_SOURCE "→ 42  code" (highlight) / "  41  code", tabs expanded (expanded)
 *     LINE_VAR "name = value", names padded to the longest (expanded)
 *     LINE_TEXT "… N frames omitted …" / "… N more frames not kept" / "registers  k=v …"
 *   per thread, crashed first: "Thread 1: main  crashed · current · raw" + frames
 *   "Stack trace" (a bare stacktrace entry) + frames; both LINE_STACK_HEADING too
 *   "not displayed: <type>" lines; "Processing errors" heading + "type  message" lines. */
void render_stacktrace(const struct event *e, const struct stack_options *o, struct lines *out);
/* The frame the issue screen opens an event on, as Sentry's web UI does: in the raised
 * exception (the last one sent; else the nearest cause with frames), else the crashed
 * thread, else the bare stacktrace, the in-app frame nearest the crash, else the
 * crashing frame. Its FRAME_ID (raw: of the raw stack where the exception or thread has
 * one, as x shows them), or -1 when the event has no frames. */
int render_crash_frame(const struct event *e, bool raw);
/* The frame a FRAME_ID names in e, or NULL. */
const struct frame *render_frame_by_id(const struct event *e, int id);
/* Breadcrumbs as a log, oldest first. Each LINE_CRUMB (ref = index in e->crumbs):
 *   " -1.250s  info     http      GET https://x/y [500]  k=v k=v"
 * time (relative right-aligned in 8 cells: "-1.250s", "-2m03s", "-1h05m", "-3d04h",
 * "+0.500s", "0.000s"; absolute "12:00:01.123" UTC; "?" unknown), level padded to 7,
 * category (else type) padded to the widest shown (8..20), then the message, or for
 * crumbs with data.url "METHOD url [status]", or the data summary; remaining data as
 * dimmed "k=v k=v". With a filter the first line is "3 of 10 breadcrumbs (level: error)";
 * nothing to show: "No breadcrumbs" / "No breadcrumbs match the filter (level: x)".
 * Times are relative to e->timestamp, else to date_created (whole seconds).
 * Returns the index in out of the last crumb at or before the event (when only
 * date_created is known: within its second), else the last crumb; -1 when none. */
int render_breadcrumbs(const struct event *e, const struct crumb_options *o, struct lines *out);
/* Tag distributions: per key a heading with the total, then its top values with a bar
 * (fraction of total), percentage and count:
 *   LINE_TAG_KEY   "browser  (3 values, 1.2k events)"
 *   LINE_TAG_VALUE "Chrome 120       42%  1.2k" + bar after the count (max 20 cells);
 *                  labels padded to one column for the whole section
 *   LINE_TEXT      "(other values)   12%   340" for events outside the top values
 * Percentages never read 0% or 100% when they are not ("<1%", ">99%").
 * LINE_BLANK between keys; "No tags" when there are none. */
void render_tags(const struct tag_key *keys, size_t n, struct lines *out);
/* Context: user, request (cookies and authorization-like headers masked), contexts,
 * sdk, release, environment, the event's own tags, extra. LINE_HEADING sections
 * "User", "Request" (sub-headings "Headers", "Cookies", "Env" at indent 2), one per
 * context block in the order sent ("OS", "Browser", "Runtime", "Device", "App",
 * "Trace", …; custom ones by their name), "SDK", "Release", "Environment", "Tags",
 * "Extra"; empty ones left out. LINE_FIELD "label  value", labels padded per group:
 * the request's first field is "GET  https://…". Masked as "********": all cookie
 * values; header, env, extra and query-parameter values with secret names. */
void render_context(const struct event *e, struct lines *out);

/* True for header names whose values must never be shown (Authorization, Cookie,
 * X-Api-Key, *token*, *secret*, …). Also used for query parameters, request env and
 * extra keys: on-call screens get shared, so credentials stay masked as "********". */
bool render_is_secret_header(const char *name);

/* Shared by the section renderers (views/render_*.c). */
#define RENDER_MASK "********"
/* Append text (NULL = "") padded with spaces to width display cells, measured the way
 * the draw layer will show it (sanitized), so untrusted text still lines up. */
void render_seg_padded(struct line *l, enum color_role role, const char *text, int width);
/* Display width of untrusted text, capped at cap cells (columns never grow past it). */
int render_width_capped(const char *text, int cap);

#endif
