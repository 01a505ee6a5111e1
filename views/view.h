/* The view interface (tig's view_ops): each screen supplies a few callbacks; the core
 * in view.c does cursor movement, scrolling and the drawing loop the same way for all.
 *
 * Views borrow from the store; they redraw from it every pass (cheap: only visible rows
 * are drawn) so a store update is shown on the next pass without bookkeeping. */
#ifndef VIEWS_VIEW_H
#define VIEWS_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "api/model.h"
#include "tui/draw.h"
#include "tui/request.h"
#include "util/strbuf.h"

struct app;
struct item_fields;
struct view;

struct view_ops {
	const char *name;  /* keymap scope: "issues", "issue", "help" */
	/* Number of selectable lines right now. */
	size_t (*lines)(struct view *v);
	/* Rows of fixed header above the list (column titles); drawn by draw_header. */
	int header_rows;
	void (*draw_header)(struct view *v, WINDOW *win, int y, int width);
	/* When set, the header's height now (overrides header_rows). */
	int (*header_height)(struct view *v, int width);
	/* Draw line lineno into row (already positioned, selected set for the cursor). */
	void (*draw_line)(struct view *v, size_t lineno, struct draw_row *row);
	/* Handle a request; return true when handled (false falls through to the core). */
	bool (*request)(struct view *v, enum request req);
	/* Title bar text (server text allowed: it is drawn through the draw layer). */
	void (*title)(struct view *v, struct strbuf *left, struct strbuf *right);
	/* Called after the cursor moved or the list grew (lazy paging hooks in here). */
	void (*cursor_changed)(struct view *v);
	/* Free the view's private state and cancel its requests. */
	void (*close)(struct view *v);
	/* Text for the empty list (e.g. "No issues match"); NULL = nothing. */
	const char *(*empty_text)(struct view *v);
	/* "key: value" lines of the view's logical state, for `:view` test dumps. */
	void (*describe)(struct view *v, struct strbuf *out);
	/* The issue this view is about or has under the cursor (triage acts on it); NULL = none. */
	struct issue *(*current_issue)(struct view *v);
	/* A raw key before the keymap (and before an open prompt) sees it; true = consumed. */
	bool (*key)(struct view *v, int key);
	/* A `:command args` for this view; true if recognised. err gets a message. */
	bool (*command)(struct view *v, const char *name, const char *args, struct strbuf *err);
	/* What y, o and hooks act on here (views/item_fields.h); NULL = current_issue. */
	void (*item_fields)(struct view *v, struct item_fields *out);
	/* Triage here acts on the stream's marked issues, when there are marks (the
	 * stream, a release's screen). */
	bool acts_on_marks;
	/* The app's issue stream changed (a page arrived, a reload, a triage change). */
	void (*stream_changed)(struct view *v);
	/* The keymap scope of a view shown inside this one right now (the issue screen's
	 * Spans section is a waterfall), looked up before the view's own; NULL = none. */
	const char *(*inner_scope)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct app *app;
	void *priv;
	size_t cursor;   /* selected line */
	size_t offset;   /* first visible line */
	int height;      /* visible list rows, set by the core before each draw */
	int list_top;    /* the screen row of the first list row (mouse clicks), ditto */
};

/* Generic movement for the core requests; returns true if req was a movement. */
bool view_move(struct view *v, enum request req);
/* Keep the cursor within the list and visible. */
void view_clamp(struct view *v);
/* Draw the view's header and visible lines in rows [top, top+height). */
void view_draw(struct view *v, WINDOW *win, int top, int height, int width);

/* A view shown inside another one (a section of it): while the inner view runs, the
 * host's cursor, offset and height are its own; each call hands them over and takes
 * them back. */
size_t view_inner_lines(struct view *host, struct view *inner);
int view_inner_header_height(struct view *host, struct view *inner, int width);
void view_inner_draw_header(struct view *host, struct view *inner, WINDOW *win, int y, int width);
void view_inner_draw_line(struct view *host, struct view *inner, size_t lineno,
                          struct draw_row *row);
bool view_inner_request(struct view *host, struct view *inner, enum request req);
bool view_inner_command(struct view *host, struct view *inner, const char *name,
                        const char *args, struct strbuf *err);

#endif
